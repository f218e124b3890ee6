namespace Enrichment.Service.Jobs;

/// <summary>Hangfire queues, most urgent first (a worker takes from the first non-empty queue).</summary>
public static class Queues
{
    /// <summary>Planning a list after its import: quick, and everything else waits on it.</summary>
    public const string Import = "import";

    /// <summary>One job per (list, domain): finding, MX, the domain's SMTP session.</summary>
    public const string Smtp = "smtp";

    /// <summary>Callbacks and housekeeping.</summary>
    public const string Default = "default";

    public static readonly string[] All = [Import, Smtp, Default];
}

namespace Enrichment.Storage.Lists;

/// <summary>One domain of a list's plan: the unit a Hangfire job works on.</summary>
public sealed class ListDomain
{
    public long ListId { get; init; }
    public string Domain { get; init; } = "";
    public int Rows { get; init; }
    public string State { get; init; } = "";
    public int Attempts { get; init; }
    public DateTime? RetryAt { get; init; }
}

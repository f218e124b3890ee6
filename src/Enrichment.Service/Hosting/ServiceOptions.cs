namespace Enrichment.Service.Hosting;

/// <summary>The "Enrichment" section of appsettings.json (environment: Enrichment__Workers=8 …).</summary>
public sealed class ServiceOptions
{
    public const string Section = "Enrichment";

    /// <summary>Where the private PostgreSQL cluster lives when no connection string is set (ENRICHMENT_DATA too).</summary>
    public string? DataFolder { get; set; }

    /// <summary>Largest upload accepted by POST /api/lists; more answers 413.</summary>
    public long MaxUploadBytes { get; set; } = 256L * 1024 * 1024;

    /// <summary>Hangfire workers in this process (SMTP jobs mostly wait on the network).</summary>
    public int Workers { get; set; } = 20;

    /// <summary>Polling for jobs enqueued by other processes (Hangfire.PostgreSql's 15 s default left them waiting).</summary>
    public TimeSpan QueuePollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How late a scheduled job (a greylisting retry) may start.</summary>
    public TimeSpan SchedulePollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>A job of a killed worker is handed out again after this (sliding while the job runs).</summary>
    public TimeSpan InvisibilityTimeout { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>
    /// How long a domain job's lease on its domain lasts without renewal (renewed every third of it while the job
    /// runs). A second copy of the job finding the lease live waits for it; a worker that stalls longer than this loses
    /// the domain to the next copy and its late results are refused (fencing token).
    /// </summary>
    public TimeSpan DomainLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>Re-check ages per verdict: an address verified more recently is not probed again.</summary>
    public Dictionary<string, TimeSpan> ReuseVerdictsFor { get; set; } = new(StringComparer.Ordinal)
    {
        ["deliverable"] = TimeSpan.FromDays(30),
        ["undeliverable"] = TimeSpan.FromDays(30),
        ["risky"] = TimeSpan.FromDays(7),
        ["unknown"] = TimeSpan.FromHours(6),
    };

    /// <summary>How long a domain's catch-all verdict is trusted by every worker.</summary>
    public TimeSpan CatchAllMaxAge { get; set; } = TimeSpan.FromDays(7);

    public CallbackOptions Callbacks { get; set; } = new();

    public DashboardLoginOptions Dashboard { get; set; } = new();

    public void Validate()
    {
        if (MaxUploadBytes <= 0)
            throw new InvalidOperationException("Enrichment:MaxUploadBytes must be positive");
        if (Workers is < 1 or > 500)
            throw new InvalidOperationException("Enrichment:Workers must be between 1 and 500");
        if (QueuePollInterval < TimeSpan.FromMilliseconds(50) || SchedulePollInterval < TimeSpan.FromMilliseconds(50))
            throw new InvalidOperationException("Enrichment:QueuePollInterval and SchedulePollInterval must be at least 50 ms");
        if (InvisibilityTimeout < TimeSpan.FromSeconds(30))
            throw new InvalidOperationException("Enrichment:InvisibilityTimeout must be at least 30 s");
        if (DomainLease < TimeSpan.FromSeconds(3))
            throw new InvalidOperationException("Enrichment:DomainLease must be at least 3 s");
        if (ReuseVerdictsFor.Keys.Except(["deliverable", "undeliverable", "risky", "unknown"]).FirstOrDefault() is { } bad)
            throw new InvalidOperationException($"Enrichment:ReuseVerdictsFor: unknown verdict \"{bad}\" (deliverable, undeliverable, risky, unknown)");
        Callbacks.Validate();
        Dashboard.Validate();
    }
}

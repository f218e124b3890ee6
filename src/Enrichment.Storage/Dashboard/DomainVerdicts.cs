namespace Enrichment.Storage.Dashboard;

/// <summary>One domain of a list with its plan state, verdict counts (set when it settled), MX provider and job.</summary>
public sealed class DomainVerdicts
{
    public string Domain { get; init; } = "";
    public int Rows { get; init; }
    public string State { get; init; } = "";
    public int Attempts { get; init; }
    public DateTime? RetryAt { get; init; }
    public string? JobId { get; init; }
    public int NDeliverable { get; init; }
    public int NRisky { get; init; }
    public int NUndeliverable { get; init; }
    public int NUnknown { get; init; }
    public int NNotFound { get; init; }
    public string? Provider { get; init; }
    public string[]? MxHosts { get; init; }
    public bool? CatchAll { get; init; }
}

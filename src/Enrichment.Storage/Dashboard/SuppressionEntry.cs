namespace Enrichment.Storage.Dashboard;

/// <summary>A row of suppressions: an address, a whole domain, or the salted hash of an erased address.</summary>
public sealed class SuppressionEntry
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public string Value { get; init; } = "";
    public string Reason { get; init; } = "";
    public string Source { get; init; } = "";
    public DateTime CreatedAt { get; init; }
}

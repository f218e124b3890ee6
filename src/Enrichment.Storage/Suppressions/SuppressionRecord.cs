namespace Enrichment.Storage.Suppressions;

/// <summary>One suppression: <see cref="Kind"/> is email, domain or email_hash (an erased address).</summary>
public sealed class SuppressionRecord
{
    public long Id { get; init; }
    public string Kind { get; init; } = "";
    public string Value { get; init; } = "";
    public string Reason { get; init; } = "";
    public string Source { get; init; } = "";
    public DateTime CreatedAt { get; init; }
}

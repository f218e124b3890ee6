namespace Enrichment.Storage.Accounts;

/// <summary>One row of accounts: an ABM target company with its committee's completeness and fill state.</summary>
public sealed record AccountRecord
{
    public long Id { get; init; }
    public string Domain { get; init; } = null!;
    public string? Name { get; init; }
    public string? Tier { get; init; }
    public string? Template { get; init; }
    public double Completeness { get; init; }
    public string[] Missing { get; init; } = null!;
    public string FillState { get; init; } = null!;
    public int FillAttempts { get; init; }
    public string? FillJobId { get; init; }
    public DateTime? FilledAt { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>The API key the account belongs to; null: made before accounts had keys, or without one (the dashboard).</summary>
    public long? ApiKeyId { get; init; }
}

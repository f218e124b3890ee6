namespace Enrichment.Storage.Dashboard;

/// <summary>An API key as the keys page lists it: never the key or its secret, only the prefix that names it.</summary>
public sealed class ApiKeyEntry
{
    public long Id { get; init; }
    public string Name { get; init; } = "";
    public string KeyPrefix { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime? LastUsedAt { get; init; }
    public DateTime? RevokedAt { get; init; }
}

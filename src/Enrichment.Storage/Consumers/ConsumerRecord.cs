namespace Enrichment.Storage.Consumers;

/// <summary>A consumer of one API key and its freshness settings (<see cref="StalePolicies"/>).</summary>
public sealed class ConsumerRecord
{
    public long Id { get; init; }
    public long ApiKeyId { get; init; }
    public string Name { get; init; } = "";
    public TimeSpan? MaxAge { get; init; }
    public string StalePolicy { get; init; } = StalePolicies.Skip;
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; init; }
}

namespace Enrichment.Service.Consumers;

/// <summary>A consumer, its settings and how many contacts it has been handed.</summary>
public sealed record ConsumerResponse(string Name, string? MaxAge, string StalePolicy, long Claimed, DateTimeOffset CreatedAt);

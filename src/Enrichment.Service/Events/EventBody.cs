namespace Enrichment.Service.Events;

/// <summary>The documented shape of one event (the handler reads the raw body: a signature covers its exact bytes).</summary>
public sealed record EventBody(string Type, string Email, string? BounceType, DateTimeOffset? OccurredAt, string? Detail);

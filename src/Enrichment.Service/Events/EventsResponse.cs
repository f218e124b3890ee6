namespace Enrichment.Service.Events;

/// <summary>What POST /api/events did: per accepted event its effect, and the rejected ones with their index and reason.</summary>
public sealed record EventsResponse(int Accepted, IReadOnlyList<EventResult> Results, IReadOnlyList<EventBatch.Rejected> Rejected);

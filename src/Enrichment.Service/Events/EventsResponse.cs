namespace Enrichment.Service.Events;

/// <summary>
/// What an events request did: per accepted event its effect; the rejected ones with their index and reason; and,
/// for a sender's webhook, what it delivered that is not feedback we act on (an open, a delivery), by name.
/// </summary>
public sealed record EventsResponse(int Accepted, IReadOnlyList<EventResult> Results, IReadOnlyList<EventBatch.Rejected> Rejected, IReadOnlyList<string> Ignored);

using Enrichment.Storage.Contacts;

namespace Enrichment.Storage.Consumers;

/// <summary>
/// One claim: up to <see cref="Limit"/> contacts in <see cref="Filter"/>'s scope whose status is one of
/// <see cref="Filter"/>'s statuses (deliverable, and risky when asked), verified within <see cref="MaxAge"/>.
/// </summary>
public sealed record ClaimRequest(long ConsumerId, ContactFilter Filter, int Limit, TimeSpan? MaxAge, string StalePolicy, DateTimeOffset Now);

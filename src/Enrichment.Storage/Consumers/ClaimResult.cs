using Enrichment.Storage.Contacts;

namespace Enrichment.Storage.Consumers;

/// <summary>
/// The contacts handed out (now the consumer's for good), what was passed over and why, and the stale contacts newly
/// queued for re-verification (the caller enqueues the job).
/// </summary>
public sealed record ClaimResult(IReadOnlyList<ContactView> Items, IReadOnlyDictionary<string, int> Skipped, IReadOnlyList<long> ToReverify);

using Enrichment.Service.Contacts;

namespace Enrichment.Service.Consumers;

/// <summary>
/// The contacts handed out (never again to this consumer), what was passed over and why (suppressed,
/// undeliverable, risky, unknown, unverified, over_max_risk, stale, stale_reverifying), and the consumer's stale policy.
/// Fewer items than asked means nothing more is eligible for now.
/// </summary>
public sealed record ClaimResponse(IReadOnlyList<ContactResponse> Items, IReadOnlyDictionary<string, int> Skipped, string StalePolicy, int ReverificationsQueued);

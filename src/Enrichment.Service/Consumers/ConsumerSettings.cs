namespace Enrichment.Service.Consumers;

/// <summary>
/// PUT /api/consumers/{name}: <c>max_age</c> ("30d"; null: any age) and <c>stale_policy</c> — "skip" leaves stale
/// contacts out, "reverify" leaves them out and queues a re-verification so a later claim hands them out fresh.
/// </summary>
public sealed record ConsumerSettings(string? MaxAge, string? StalePolicy);

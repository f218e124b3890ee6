namespace Enrichment.Storage.Lists;

/// <summary>
/// A worker's hold on one domain of a list. <see cref="Token"/> is the fencing token: it grows at every take-over,
/// and writes carrying an older token are refused.
/// </summary>
public sealed record DomainLease(long ListId, string Domain, string Owner, long Token, int Attempt, DateTimeOffset ExpiresAt);

namespace Enrichment.Storage.Consumers;

/// <summary>
/// What an Idempotency-Key found: <see cref="ClaimReplayStates.Reserved"/> (first use: go ahead),
/// InProgress (the first request is still running), Mismatch (the key came with other parameters), or Done with
/// the first answer's contact ids (in hand-out order), skipped counts (JSON) and re-verifications queued.
/// </summary>
public sealed record ClaimReplay(string State, long[]? ContactIds = null, string? Skipped = null, int ReverificationsQueued = 0);

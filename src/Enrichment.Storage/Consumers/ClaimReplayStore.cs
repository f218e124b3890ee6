using Dapper;
using Enrichment.Storage.Contacts;
using Enrichment.Storage.Suppressions;
using Npgsql;

namespace Enrichment.Storage.Consumers;

/// <summary>
/// claim_requests: Idempotency-Keys of claims. The key is reserved by an insert (the primary key decides between
/// two concurrent first uses, never a check-then-insert); the answer's contact ids are stored when the claim
/// commits, and a retry reads the same contacts back. A failed claim gives its key up so it can be retried.
/// </summary>
public sealed class ClaimReplayStore(NpgsqlDataSource dataSource)
{
    public static readonly TimeSpan KeptFor = TimeSpan.FromHours(24);

    public async Task<ClaimReplay> ReserveAsync(long consumerId, string key, string fingerprint, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(key);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var p = new { consumerId, key, fingerprint, now = now.UtcDateTime, expired = (now - KeptFor).UtcDateTime };
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM claim_requests WHERE consumer_id = @consumerId AND created_at < @expired", p, cancellationToken: ct));
        var reserved = await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO claim_requests (consumer_id, idempotency_key, fingerprint, created_at) VALUES (@consumerId, @key, @fingerprint, @now)
            ON CONFLICT DO NOTHING
            """, p, cancellationToken: ct));
        if (reserved == 1)
            return new ClaimReplay(ClaimReplayStates.Reserved);
        var row = await connection.QuerySingleOrDefaultAsync<(string Fingerprint, long[]? Ids, string? Skipped, int? Queued)>(new CommandDefinition("""
            SELECT fingerprint, contact_ids, skipped::text, reverifications_queued FROM claim_requests
            WHERE consumer_id = @consumerId AND idempotency_key = @key
            """, p, cancellationToken: ct));
        if (row.Fingerprint is null)
            return await ReserveAsync(consumerId, key, fingerprint, now, ct); // given up between our insert and read
        if (row.Fingerprint != fingerprint)
            return new ClaimReplay(ClaimReplayStates.Mismatch);
        return row.Ids is null ? new ClaimReplay(ClaimReplayStates.InProgress) : new ClaimReplay(ClaimReplayStates.Done, row.Ids, row.Skipped, row.Queued ?? 0);
    }

    public async Task CompleteAsync(long consumerId, string key, long[] contactIds, string skippedJson, int reverificationsQueued, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE claim_requests SET contact_ids = @contactIds, skipped = @skippedJson::jsonb, reverifications_queued = @reverificationsQueued
            WHERE consumer_id = @consumerId AND idempotency_key = @key
            """, new { consumerId, key, contactIds, skippedJson, reverificationsQueued }, cancellationToken: ct));
    }

    /// <summary>The claim failed before handing anything out: the key may be used again.</summary>
    public async Task GiveUpAsync(long consumerId, string key, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM claim_requests WHERE consumer_id = @consumerId AND idempotency_key = @key AND contact_ids IS NULL",
            new { consumerId, key }, cancellationToken: ct));
    }

    /// <summary>The contacts of a replayed claim as every read shows them now, in hand-out order; erased or since suppressed ones left out.</summary>
    public async Task<IReadOnlyList<ContactView>> ViewsAsync(long[] ids, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<ContactView>(new CommandDefinition($"""
            SELECT {ContactQueryStore.ViewColumns} FROM {ContactQueryStore.ViewFrom}
            WHERE c.id = ANY(@ids) AND {SuppressionSql.NotSuppressed("c.email")}
            ORDER BY c.id
            """, new { ids }, cancellationToken: ct))];
    }
}

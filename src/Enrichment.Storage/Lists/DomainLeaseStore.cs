using Dapper;
using Npgsql;

namespace Enrichment.Storage.Lists;

/// <summary>
/// Leases on list_domains rows (script 0450): one worker at a time works on a domain of a list. Taking the lease is a
/// conditional UPDATE (free, or expired by the caller's clock) that also raises the fencing token; renewing and
/// releasing need the current token; results go through <see cref="WriteResultsAsync"/>, which locks the row and
/// checks the token in the same transaction, so a worker that lost its lease writes nothing.
/// Times come from the caller's TimeProvider, never from the database clock, so tests drive expiry with a manual clock.
/// </summary>
public sealed class DomainLeaseStore(NpgsqlDataSource dataSource)
{
    /// <summary>
    /// A domain job starts: takes the lease when the domain is open, the list is live and nobody holds a live lease; the
    /// domain moves to running (attempt + 1) and the list to running. Otherwise says why not.
    /// </summary>
    public async Task<DomainStart> StartAsync(long listId, string domain, string owner, string worker, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // The outer statement sees the rows as they were before the CTEs' updates, so held_until reads the other
        // holder's lease only when d took nothing. The list's row (every domain's counter) is written only when the
        // list moves to running, not at every domain start: it is the one row all workers contend for.
        var row = await connection.QuerySingleOrDefaultAsync<(string State, int? Attempts, long? Token, DateTime? HeldUntil)>(new CommandDefinition("""
            WITH d AS (
                UPDATE list_domains SET state = 'running', attempts = attempts + 1, worker = @worker,
                    lease_owner = @owner, lease_expires_at = @leaseUntil, lease_token = lease_token + 1, updated_at = now()
                WHERE list_id = @listId AND domain = @domain AND state <> 'done'
                  AND (lease_owner IS NULL OR lease_expires_at <= @now)
                  AND EXISTS (SELECT 1 FROM lists WHERE id = @listId AND state IN ('queued', 'running', 'waiting_retry'))
                RETURNING attempts, lease_token
            ), l AS (
                UPDATE lists SET state = 'running', started_at = coalesce(started_at, now()), updated_at = now()
                WHERE id = @listId AND state IN ('queued', 'waiting_retry') AND EXISTS (SELECT 1 FROM d)
                RETURNING state
            )
            SELECT coalesce((SELECT state FROM l), lists.state), (SELECT attempts FROM d), (SELECT lease_token FROM d),
                CASE WHEN NOT EXISTS (SELECT 1 FROM d) THEN (
                    SELECT lease_expires_at FROM list_domains
                    WHERE list_id = @listId AND domain = @domain AND state <> 'done' AND lease_owner IS NOT NULL AND lease_expires_at > @now)
                END
            FROM lists WHERE id = @listId
            """, new { listId, domain, owner, worker, now = now.UtcDateTime, leaseUntil = leaseUntil.UtcDateTime }, cancellationToken: ct));
        if (row.State is null)
            return new DomainStart(null, null, null);
        return row is { Attempts: { } attempt, Token: { } token }
            ? new DomainStart(row.State, new DomainLease(listId, domain, owner, token, attempt, leaseUntil), null)
            : new DomainStart(row.State, null, row.HeldUntil is { } until ? new DateTimeOffset(DateTime.SpecifyKind(until, DateTimeKind.Utc)) : null);
    }

    /// <summary>Extends a held lease; false when it was lost (taken over with a newer token, or released).</summary>
    public async Task<bool> RenewAsync(DomainLease lease, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE list_domains SET lease_expires_at = @leaseUntil
            WHERE list_id = @ListId AND domain = @Domain AND lease_token = @Token AND lease_owner = @Owner
            """, new { lease.ListId, lease.Domain, lease.Token, lease.Owner, leaseUntil = leaseUntil.UtcDateTime }, cancellationToken: ct)) == 1;
    }

    /// <summary>Gives the lease up (the job ended, done or waiting for a retry), so the next job need not wait for expiry.</summary>
    public async Task ReleaseAsync(DomainLease lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE list_domains SET lease_owner = NULL, lease_expires_at = NULL
            WHERE list_id = @ListId AND domain = @Domain AND lease_token = @Token AND lease_owner = @Owner
            """, new { lease.ListId, lease.Domain, lease.Token, lease.Owner }, cancellationToken: ct));
    }

    /// <summary>
    /// Writes the rows' verdicts (as <see cref="ListRowStore.WriteResultsAsync"/>) only while <paramref name="lease"/>
    /// is the domain's current one: the row is locked and its token checked in the same transaction, so a take-over
    /// either happens before (and this writes nothing) or waits for this write. False: the lease was lost.
    /// </summary>
    public async Task<bool> WriteResultsAsync(DomainLease lease, IReadOnlyList<RowResult> results, DateTimeOffset settledAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        ArgumentNullException.ThrowIfNull(results);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (!await HoldsAsync(connection, tx, lease, ct))
            return false;
        await ListRowStore.WriteResultsAsync(connection, tx, lease.ListId, results, settledAt, ct);
        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>The domain is finished: settles it (as <see cref="ListStore.SettleDomainAsync"/>, exactly once) and
    /// releases the lease, in one statement, only under the current token. Returns the list's pending domains, or null
    /// when nothing changed (lease lost, or the domain already done).</summary>
    public async Task<int?> SettleAsync(DomainLease lease, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ListStore.SettleDomainAsync(connection, lease.ListId, lease.Domain, lease, ct);
    }

    /// <summary>Some recipients answered 4xx: the domain waits for its retry job (as
    /// <see cref="ListStore.DeferDomainAsync"/>) and the lease is released, in one statement, only under the current token.</summary>
    public async Task<bool> DeferAsync(DomainLease lease, DateTimeOffset retryAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(lease);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await ListStore.DeferDomainAsync(connection, lease.ListId, lease.Domain, lease, retryAt, ct);
    }

    /// <summary>The lease's token is still the row's (locked until the transaction ends; expiry alone does not lose it:
    /// only a take-over does).</summary>
    static async Task<bool> HoldsAsync(NpgsqlConnection connection, NpgsqlTransaction tx, DomainLease lease, CancellationToken ct) =>
        await connection.ExecuteScalarAsync<int?>(new CommandDefinition("""
            SELECT 1 FROM list_domains WHERE list_id = @ListId AND domain = @Domain AND lease_token = @Token AND lease_owner = @Owner
            FOR UPDATE
            """, new { lease.ListId, lease.Domain, lease.Token, lease.Owner }, tx, cancellationToken: ct)) is not null;
}

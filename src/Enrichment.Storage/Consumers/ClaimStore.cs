using Dapper;
using Enrichment.Storage.Contacts;
using Enrichment.Storage.Suppressions;
using Npgsql;

namespace Enrichment.Storage.Consumers;

/// <summary>
/// claims: hands contacts to a consumer at most once. A pick locks candidate contacts with
/// <c>FOR NO KEY UPDATE SKIP LOCKED</c> (concurrent pullers take different rows instead of waiting) and inserts
/// (consumer, contact) with <c>ON CONFLICT DO NOTHING</c>: the primary key, not the lock, is what makes a hand-out
/// happen once, even when a puller's snapshot predates another's commit. Each pick commits on its own, so contacts
/// are handed out at most once: a client that loses a response loses those contacts for this consumer.
/// <para>
/// Contacts go out in id order. The consumer's <c>claimed_through</c> (highest id passed) lets a pick start there
/// instead of walking every contact already claimed; only when that comes up short is the whole table searched
/// (stragglers: rows another puller held, contacts re-verified since, a different filter).
/// </para>
/// </summary>
public sealed class ClaimStore(NpgsqlDataSource dataSource)
{
    /// <summary>Picks that found rows locked by other pullers are retried this often before the claim returns short.</summary>
    const int MaxLockedRetries = 20;

    public async Task<ClaimResult> ClaimAsync(ClaimRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var freshSince = request.MaxAge is { } age ? request.Now - age : (DateTimeOffset?)null;
        var claimedThrough = await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT claimed_through FROM consumers WHERE id = @ConsumerId", request, cancellationToken: ct));

        var items = new List<ContactView>(request.Limit);
        var fullScan = false;
        var lockedRetries = 0;
        while (items.Count < request.Limit)
        {
            var want = request.Limit - items.Count;
            var (picked, claimed) = await PickAsync(connection, request, fullScan ? 0 : claimedThrough, want, freshSince, ct);
            items.AddRange(claimed);
            if (picked == want)
                continue; // a full pick that lost some rows to a concurrent commit: pick again
            if (!fullScan)
            {
                fullScan = true;
                continue;
            }

            // Short on a full scan: the end, unless rows were skipped because other pullers held them.
            if (lockedRetries++ >= MaxLockedRetries || !await AnyUnclaimedAsync(connection, request, freshSince, ct))
                break;
            await Task.Delay(TimeSpan.FromMilliseconds(2 + Random.Shared.Next(8)), ct);
        }

        var exhausted = items.Count < request.Limit;
        var (skipped, toReverify) = await PassOverAsync(connection, request, items, exhausted, ct);
        return new ClaimResult(items, skipped, toReverify);
    }

    static async Task<(int Picked, IReadOnlyList<ContactView> Claimed)> PickAsync(
        NpgsqlConnection connection, ClaimRequest request, long fromId, int limit, DateTimeOffset? freshSince, CancellationToken ct)
    {
        var p = ContactQueryStore.FilterParameters(request.Filter);
        p.Add("consumerId", request.ConsumerId);
        p.Add("fromId", fromId);
        p.Add("limit", limit);
        p.Add("freshSince", freshSince?.UtcDateTime);
        p.Add("now", request.Now.UtcDateTime);
        // One statement (one round trip, its own transaction): pick, claim, and read back what was claimed.
        // Split at c.id: claimed (false: another puller's commit got there first) maps to a bool, the rest to the
        // contact as every read shows it.
        var rows = (await connection.QueryAsync<bool, ContactView, (bool Claimed, ContactView View)>(new CommandDefinition($"""
            WITH picked AS (
                SELECT c.id FROM contacts c LEFT JOIN verifications v ON v.email = c.email
                WHERE c.id > @fromId AND {ContactQueryStore.FilterSql}
                  AND (@freshSince::timestamptz IS NULL OR v.verified_at >= @freshSince)
                  -- The repeated bound lets the anti-join's index scan start at @fromId instead of the first claim.
                  AND NOT EXISTS (SELECT 1 FROM claims k WHERE k.consumer_id = @consumerId AND k.contact_id = c.id AND k.contact_id > @fromId)
                ORDER BY c.id LIMIT @limit
                FOR NO KEY UPDATE OF c SKIP LOCKED
            ), claimed AS (
                INSERT INTO claims (consumer_id, contact_id, claimed_at)
                SELECT @consumerId, id, @now FROM picked
                ON CONFLICT DO NOTHING
                RETURNING contact_id
            )
            SELECT k.contact_id IS NOT NULL AS claimed, {ContactQueryStore.ViewColumns}
            FROM picked p
            LEFT JOIN claimed k ON k.contact_id = p.id
            JOIN contacts c ON c.id = p.id
            LEFT JOIN verifications v ON v.email = c.email
            LEFT JOIN accounts a ON a.domain = c.account_domain AND a.api_key_id IS NULL
            ORDER BY c.id
            """, p, cancellationToken: ct), (claimed, view) => (claimed, view), splitOn: "id")).ToList();
        return (rows.Count, [.. rows.Where(r => r.Claimed).Select(r => r.View)]);
    }

    /// <summary>Is any eligible contact still unclaimed by this consumer (ignoring locks)?</summary>
    static async Task<bool> AnyUnclaimedAsync(NpgsqlConnection connection, ClaimRequest request, DateTimeOffset? freshSince, CancellationToken ct)
    {
        var p = ContactQueryStore.FilterParameters(request.Filter);
        p.Add("consumerId", request.ConsumerId);
        p.Add("freshSince", freshSince?.UtcDateTime);
        return await connection.ExecuteScalarAsync<bool>(new CommandDefinition($"""
            SELECT EXISTS (
                SELECT 1 FROM contacts c LEFT JOIN verifications v ON v.email = c.email
                WHERE {ContactQueryStore.FilterSql}
                  AND (@freshSince::timestamptz IS NULL OR v.verified_at >= @freshSince)
                  AND NOT EXISTS (SELECT 1 FROM claims k WHERE k.consumer_id = @consumerId AND k.contact_id = c.id))
            """, p, cancellationToken: ct));
    }

    /// <summary>
    /// Counts, by reason, the contacts in scope this claim passed over: those between the consumer's previous
    /// claimed_through and the last contact handed out (to the end when the claim came up short), which moves
    /// claimed_through there. Each passed-over contact is counted once per consumer. Stale ones are queued for
    /// re-verification under the reverify policy (once a day at most: the reverifications row is the guard).
    /// </summary>
    static async Task<(IReadOnlyDictionary<string, int> Skipped, IReadOnlyList<long> ToReverify)> PassOverAsync(
        NpgsqlConnection connection, ClaimRequest request, List<ContactView> items, bool exhausted, CancellationToken ct)
    {
        var upTo = exhausted
            ? await connection.ExecuteScalarAsync<long>(new CommandDefinition("SELECT coalesce(max(id), 0) FROM contacts", cancellationToken: ct))
            : items.Max(i => i.Id);
        // One atomic statement moves claimed_through and returns where it was, so concurrent pullers of one consumer
        // get disjoint windows (from, upTo] and each passed-over contact is counted once. The row lock lasts only
        // for this statement: the counting below runs outside it.
        var from = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            WITH old AS (SELECT claimed_through FROM consumers WHERE id = @consumerId FOR UPDATE)
            UPDATE consumers SET claimed_through = greatest(consumers.claimed_through, @upTo)
            FROM old WHERE consumers.id = @consumerId
            RETURNING old.claimed_through
            """, new { consumerId = request.ConsumerId, upTo }, cancellationToken: ct)) ?? upTo;
        var skipped = new Dictionary<string, int>(StringComparer.Ordinal);
        var toReverify = new List<long>();
        if (upTo > from)
        {
            var p = ContactQueryStore.FilterParameters(request.Filter);
            p.Add("consumerId", request.ConsumerId);
            p.Add("from", from);
            p.Add("upTo", upTo);
            p.Add("freshSince", request.MaxAge is { } age ? (request.Now - age).UtcDateTime : null);
            p.Add("staleReason", request.StalePolicy == StalePolicies.Reverify ? "stale_reverifying" : "stale");
            var rows = await connection.QueryAsync<(long Id, string Reason)>(new CommandDefinition($"""
                SELECT id, reason FROM (
                    SELECT c.id, CASE
                        WHEN NOT {SuppressionSql.NotSuppressed("c.email")} THEN 'suppressed'
                        WHEN v.status IS NULL THEN 'unverified'
                        WHEN v.status = 'undeliverable' THEN 'undeliverable'
                        WHEN @statuses::text[] IS NOT NULL AND NOT (v.status = ANY(@statuses)) THEN v.status
                        WHEN @maxRisk::int IS NOT NULL AND v.risk > @maxRisk THEN 'over_max_risk'
                        WHEN @freshSince::timestamptz IS NOT NULL AND v.verified_at < @freshSince THEN @staleReason
                        END AS reason
                    FROM contacts c LEFT JOIN verifications v ON v.email = c.email
                    WHERE c.id > @from AND c.id <= @upTo AND {ContactQueryStore.ScopeSql}
                      AND NOT EXISTS (SELECT 1 FROM claims k
                                      WHERE k.consumer_id = @consumerId AND k.contact_id = c.id AND k.contact_id > @from AND k.contact_id <= @upTo)
                ) x WHERE reason IS NOT NULL
                """, p, cancellationToken: ct));
            foreach (var (id, reason) in rows)
            {
                skipped[reason] = skipped.GetValueOrDefault(reason) + 1;
                if (reason == "stale_reverifying")
                    toReverify.Add(id);
            }

            if (toReverify.Count > 0)
            {
                toReverify = [.. await connection.QueryAsync<long>(new CommandDefinition("""
                    INSERT INTO reverifications (contact_id, requested_at) SELECT unnest(@ids), @now
                    ON CONFLICT (contact_id) DO UPDATE SET requested_at = excluded.requested_at
                    WHERE reverifications.requested_at < excluded.requested_at - interval '1 day'
                    RETURNING contact_id
                    """, new { ids = toReverify.ToArray(), now = request.Now.UtcDateTime }, cancellationToken: ct))];
            }
        }

        return (skipped, toReverify);
    }
}

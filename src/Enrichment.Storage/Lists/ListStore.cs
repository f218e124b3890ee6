using Dapper;
using Npgsql;

namespace Enrichment.Storage.Lists;

/// <summary>
/// lists and list_domains: a list's life (importing → queued → running ⇄ waiting_retry → complete), its plan of
/// domains and the counters. Every transition is a conditional UPDATE, so a job that runs twice changes nothing
/// the second time.
/// </summary>
public sealed class ListStore(NpgsqlDataSource dataSource)
{
    const string Columns = """
        id, api_key_id, name, file_name, state, callback_url, header, import_report::text AS import_report,
        summary::text AS summary, error, rows_total, rows_rejected, rows_duplicate, rows_to_find, rows_settled,
        domains_total, domains_pending, count_deliverable, count_risky, count_undeliverable, count_unknown,
        count_not_found, created_at, started_at, completed_at, updated_at
        """;

    /// <summary>Points each duplicate (marked 0 by the import) at the first row with its address (@listId).</summary>
    internal const string ResolveDuplicatesSql = """
        UPDATE list_rows d SET duplicate_of = f.first_row
        FROM (SELECT email, min(row_no) AS first_row FROM list_rows
              WHERE list_id = @listId AND email IS NOT NULL AND rejection_reason IS NULL
              GROUP BY email HAVING count(*) > 1) f
        WHERE d.list_id = @listId AND d.duplicate_of = 0 AND d.email = f.email
        """;

    /// <summary>The plan of a list from its rows (@listId): one list_domains row per domain still to verify.</summary>
    internal const string PlanFromRowsSql = """
        INSERT INTO list_domains (list_id, domain, rows)
        SELECT @listId, domain, count(*) FROM list_rows
        WHERE list_id = @listId AND rejection_reason IS NULL AND settled_at IS NULL AND domain IS NOT NULL
        GROUP BY domain
        ON CONFLICT DO NOTHING
        """;

    public async Task<long> CreateAsync(NewList list, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(list);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO lists (api_key_id, name, file_name, callback_url, mapping)
            VALUES (@ApiKeyId, @Name, @FileName, @CallbackUrl, @MappingJson::jsonb)
            RETURNING id
            """, list, cancellationToken: ct));
    }

    public async Task<ListRecord?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ListRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM lists WHERE id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>The newest lists first (dashboard, API listing).</summary>
    public async Task<IReadOnlyList<ListRecord>> RecentAsync(int limit, long? apiKeyId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ListRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM lists
            WHERE @apiKeyId::bigint IS NULL OR api_key_id = @apiKeyId
            ORDER BY id DESC LIMIT @limit
            """, new { limit, apiKeyId }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>
    /// A page of <paramref name="query"/>'s lists, newest first, and whether more lists lie beyond it in the direction
    /// it was read (older for a first page or <see cref="ListQuery.Before"/>, newer for <see cref="ListQuery.After"/>).
    /// Keyset by id, so a page costs the same on the thousandth page as on the first and a new upload shifts nothing.
    /// </summary>
    public async Task<(IReadOnlyList<ListRecord> Lists, bool More)> PageAsync(ListQuery query, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(query);
        var pattern = string.IsNullOrWhiteSpace(query.Search) ? null : "%" + LikeEscape(query.Search.Trim()) + "%";
        var newer = query.After is not null;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = (await connection.QueryAsync<ListRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM lists
            WHERE (@state::text IS NULL OR state = @state)
              AND (@pattern::text IS NULL OR name ILIKE @pattern OR file_name ILIKE @pattern)
              AND (@before::bigint IS NULL OR id < @before)
              AND (@after::bigint IS NULL OR id > @after)
            ORDER BY {(newer ? "id ASC" : "id DESC")} LIMIT @limit
            """, new { state = query.State, pattern, before = query.Before, after = query.After, limit = query.Limit + 1 }, cancellationToken: ct))).ToList();
        var more = rows.Count > query.Limit;
        if (more)
            rows.RemoveAt(rows.Count - 1);
        if (newer)
            rows.Reverse();
        return (rows, more);
    }

    /// <summary>A user's text as a literal inside LIKE (backslash is PostgreSQL's default escape).</summary>
    static string LikeEscape(string text) => text.Replace(@"\", @"\\", StringComparison.Ordinal)
        .Replace("%", @"\%", StringComparison.Ordinal).Replace("_", @"\_", StringComparison.Ordinal);

    /// <summary>
    /// Ends the import: stores the header and report, plans one list_domains row per domain of the accepted rows,
    /// and moves the list to queued. Returns the plan (domains to enqueue). Runs once: a second call on a list that
    /// is no longer importing returns the open domains without changing anything.
    /// </summary>
    public async Task<IReadOnlyList<ListDomain>> FinishImportAsync(long listId, IReadOnlyList<string> header, string importReportJson, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        // Duplicates arrive marked 0 (the reader flags them without saying which row came first): point each at the
        // first row with its address, here, instead of holding every address in the service's memory.
        await connection.ExecuteAsync(new CommandDefinition(ResolveDuplicatesSql, new { listId }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition($"""
            WITH counts AS (
                SELECT count(*) AS total,
                       count(*) FILTER (WHERE rejection_reason IS NOT NULL) AS rejected,
                       count(*) FILTER (WHERE duplicate_of IS NOT NULL) AS duplicates,
                       count(*) FILTER (WHERE rejection_reason IS NULL AND email IS NULL) AS to_find,
                       count(*) FILTER (WHERE settled_at IS NOT NULL AND rejection_reason IS NULL) AS settled,
                       count(*) FILTER (WHERE settled_at IS NOT NULL AND rejection_reason IS NULL AND status = 'undeliverable') AS undeliverable
                FROM list_rows WHERE list_id = @listId
            ), planned AS (
                {PlanFromRowsSql}
                RETURNING 1
            )
            UPDATE lists SET
                state = 'queued', header = @header, import_report = @importReportJson::jsonb,
                rows_total = counts.total, rows_rejected = counts.rejected, rows_duplicate = counts.duplicates,
                rows_to_find = counts.to_find, rows_settled = counts.settled, count_undeliverable = counts.undeliverable,
                domains_total = (SELECT count(*) FROM planned), domains_pending = (SELECT count(*) FROM planned),
                updated_at = now()
            FROM counts
            WHERE id = @listId AND state = 'importing'
            """, new { listId, header = header.ToArray(), importReportJson }, tx, cancellationToken: ct));
        var plan = await connection.QueryAsync<ListDomain>(new CommandDefinition("""
            SELECT list_id, domain, rows, state, attempts, retry_at FROM list_domains
            WHERE list_id = @listId AND state <> 'done' ORDER BY rows DESC, domain
            """, new { listId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return [.. plan];
    }

    /// <summary>Open domains that have no job yet (a plan job that ran before and died mid-way resumes here).</summary>
    public async Task<IReadOnlyList<ListDomain>> UnscheduledDomainsAsync(long listId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ListDomain>(new CommandDefinition("""
            SELECT list_id, domain, rows, state, attempts, retry_at FROM list_domains
            WHERE list_id = @listId AND state = 'pending' AND job_id IS NULL ORDER BY rows DESC, domain
            """, new { listId }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>Records the jobs that work on domains, one statement for many (set once; a duplicate job keeps the
    /// first id).</summary>
    public async Task SetDomainJobsAsync(long listId, IReadOnlyList<string> domains, IReadOnlyList<string> jobIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(domains);
        ArgumentNullException.ThrowIfNull(jobIds);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE list_domains d SET job_id = u.job_id
            FROM unnest(@domains, @jobIds) AS u(domain, job_id)
            WHERE d.list_id = @listId AND d.domain = u.domain AND d.job_id IS NULL
            """, new { listId, domains = domains.ToArray(), jobIds = jobIds.ToArray() }, cancellationToken: ct));
    }

    /// <summary>A list with no domain to work on (all rejected or settled at import) completes at once.</summary>
    public async Task<bool> IsPlanEmptyAsync(long listId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT domains_pending FROM lists WHERE id = @listId", new { listId }, cancellationToken: ct)) == 0;
    }

    public async Task FailAsync(long listId, string error, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE lists SET state = 'failed', error = @error, updated_at = now(), completed_at = now()
            WHERE id = @listId AND state NOT IN ('complete', 'failed', 'cancelled')
            """, new { listId, error }, cancellationToken: ct));
    }

    public async Task<ListDomain?> GetDomainAsync(long listId, string domain, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ListDomain>(new CommandDefinition("""
            SELECT list_id, domain, rows, state, attempts, retry_at FROM list_domains WHERE list_id = @listId AND domain = @domain
            """, new { listId, domain }, cancellationToken: ct));
    }

    /// <summary>Some addresses answered 4xx: the domain waits for its retry job; the list is waiting_retry when no
    /// domain is pending or running any more.</summary>
    public async Task DeferDomainAsync(long listId, string domain, DateTimeOffset retryAt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await DeferDomainAsync(connection, listId, domain, null, retryAt, ct);
    }

    /// <summary>With a <paramref name="lease"/>, only while it is the domain's current one (its fencing token); the
    /// lease is released in the same statement. True when the domain was deferred.</summary>
    internal static async Task<bool> DeferDomainAsync(NpgsqlConnection connection, long listId, string domain, DomainLease? lease, DateTimeOffset retryAt, CancellationToken ct)
    {
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition($"""
            WITH d AS (
                UPDATE list_domains SET state = 'waiting_retry', retry_at = @retryAt, lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
                WHERE list_id = @listId AND domain = @domain AND state <> 'done'{Fence(lease)}
                RETURNING 1
            ), l AS (
                UPDATE lists SET
                    state = CASE WHEN NOT EXISTS (
                            SELECT 1 FROM list_domains
                            WHERE list_id = @listId AND state IN ('pending', 'running') AND domain <> @domain)
                        THEN 'waiting_retry' ELSE 'running' END,
                    updated_at = now()
                WHERE id = @listId AND state IN ('queued', 'running', 'waiting_retry') AND EXISTS (SELECT 1 FROM d)
                RETURNING 1
            )
            SELECT count(*) FROM d
            """, new { listId, domain, retryAt = retryAt.UtcDateTime, token = lease?.Token, owner = lease?.Owner }, cancellationToken: ct)) == 1;
    }

    /// <summary>The fencing condition on list_domains: the writer's lease is still the row's (none: unfenced).</summary>
    static string Fence(DomainLease? lease) => lease is null ? "" : " AND lease_token = @token AND lease_owner = @owner";

    /// <summary>
    /// A domain is finished: exactly once (guarded by its state) its rows' verdicts are added to the list's counters
    /// and the pending counter drops. Returns the list's pending domains after the update, or null when this call
    /// changed nothing (the domain was already done: a job that ran twice).
    /// </summary>
    public async Task<int?> SettleDomainAsync(long listId, string domain, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await SettleDomainAsync(connection, listId, domain, null, ct);
    }

    /// <summary>With a <paramref name="lease"/>, only while it is the domain's current one (its fencing token); the
    /// lease is released in the same statement. One statement, so the list's counter row is locked only while it runs.</summary>
    internal static async Task<int?> SettleDomainAsync(NpgsqlConnection connection, long listId, string domain, DomainLease? lease, CancellationToken ct)
    {
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition($"""
            WITH d AS (
                UPDATE list_domains SET state = 'done', retry_at = NULL, lease_owner = NULL, lease_expires_at = NULL, updated_at = now()
                WHERE list_id = @listId AND domain = @domain AND state <> 'done'{Fence(lease)}
                RETURNING domain
            ), c AS (
                SELECT count(*) FILTER (WHERE r.settled_at IS NOT NULL) AS settled,
                       count(*) FILTER (WHERE r.status = 'deliverable') AS deliverable,
                       count(*) FILTER (WHERE r.status = 'risky') AS risky,
                       count(*) FILTER (WHERE r.status = 'undeliverable') AS undeliverable,
                       count(*) FILTER (WHERE r.status = 'unknown') AS unknown,
                       count(*) FILTER (WHERE r.status = 'not_found') AS not_found
                FROM list_rows r JOIN d ON r.domain = d.domain
                WHERE r.list_id = @listId AND r.rejection_reason IS NULL
            )
            UPDATE lists SET
                domains_pending = domains_pending - 1,
                rows_settled = rows_settled + c.settled,
                count_deliverable = count_deliverable + c.deliverable,
                count_risky = count_risky + c.risky,
                count_undeliverable = count_undeliverable + c.undeliverable,
                count_unknown = count_unknown + c.unknown,
                count_not_found = count_not_found + c.not_found,
                updated_at = now()
            FROM c
            WHERE id = @listId AND EXISTS (SELECT 1 FROM d)
            RETURNING domains_pending
            """, new { listId, domain, token = lease?.Token, owner = lease?.Owner }, cancellationToken: ct));
    }

    /// <summary>
    /// When no domain is pending: the list becomes complete with its summary, and (same transaction) the callback
    /// goes into the outbox. True only for the call that completed it.
    /// </summary>
    public async Task<bool> TryCompleteAsync(long listId, string summaryJson, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var completed = await connection.ExecuteScalarAsync<string?>(new CommandDefinition("""
            UPDATE lists SET state = 'complete', summary = @summaryJson::jsonb, completed_at = now(), updated_at = now()
            WHERE id = @listId AND domains_pending = 0 AND state IN ('queued', 'running', 'waiting_retry')
            RETURNING coalesce(callback_url, '')
            """, new { listId, summaryJson }, tx, cancellationToken: ct));
        if (completed is null)
            return false;
        if (completed.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO callbacks (list_id, url, body) VALUES (@listId, @completed, @summaryJson)
                ON CONFLICT (list_id) DO NOTHING
                """, new { listId, completed, summaryJson }, tx, cancellationToken: ct));
        }

        await tx.CommitAsync(ct);
        return true;
    }

    /// <summary>Verdict counts and the expected bounce rate of the deliverable+risky segment, from the rows.</summary>
    public async Task<ListTotals> TotalsAsync(long listId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<ListTotals>(new CommandDefinition("""
            SELECT count(*)::int AS rows,
                   (count(*) FILTER (WHERE rejection_reason IS NOT NULL))::int AS rejected,
                   (count(*) FILTER (WHERE duplicate_of IS NOT NULL))::int AS duplicates,
                   (count(*) FILTER (WHERE status = 'deliverable'))::int AS deliverable,
                   (count(*) FILTER (WHERE status = 'risky'))::int AS risky,
                   (count(*) FILTER (WHERE status = 'undeliverable'))::int AS undeliverable,
                   (count(*) FILTER (WHERE status = 'unknown'))::int AS unknown,
                   (count(*) FILTER (WHERE status = 'not_found'))::int AS not_found,
                   (count(*) FILTER (WHERE found AND email IS NOT NULL))::int AS found,
                   coalesce(avg(risk) FILTER (WHERE status IN ('deliverable', 'risky')), 0)::float8 AS mean_risk_sendable
            FROM list_rows WHERE list_id = @listId
            """, new { listId }, cancellationToken: ct));
    }

    /// <summary>Cancels a list that is not final; its jobs see the state and end without work.</summary>
    public async Task<bool> CancelAsync(long listId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE lists SET state = 'cancelled', completed_at = now(), updated_at = now()
            WHERE id = @listId AND state NOT IN ('complete', 'failed', 'cancelled')
            """, new { listId }, cancellationToken: ct)) == 1;
    }

    /// <summary>Erases the list with its rows (trigger lists_delete_rows), plan and callback (foreign keys cascade).</summary>
    public async Task<bool> DeleteAsync(long listId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM lists WHERE id = @listId", new { listId }, cancellationToken: ct)) == 1;
    }
}

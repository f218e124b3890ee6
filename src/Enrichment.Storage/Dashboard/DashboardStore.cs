using Dapper;
using Npgsql;

namespace Enrichment.Storage.Dashboard;

/// <summary>
/// The ops pages' reads. Every query is bounded by an index and a LIMIT, or reads the aggregates of script 0200:
/// none counts a list's rows, so a 1,000,000-row list renders as fast as a small one.
/// </summary>
public sealed class DashboardStore(NpgsqlDataSource dataSource)
{
    /// <summary>Earliest greylisting retry and sendable risk sum of each list (lists page, one query for all).</summary>
    public async Task<IReadOnlyDictionary<long, ListLiveFacts>> LiveFactsAsync(IReadOnlyCollection<long> listIds, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ListLiveFacts>(new CommandDefinition("""
            SELECT l.id AS list_id,
                   (SELECT min(d.retry_at) FROM list_domains d
                     WHERE d.list_id = l.id AND d.state = 'waiting_retry' AND l.state IN ('running', 'waiting_retry')) AS next_retry_at,
                   coalesce(r.sendable, 0) AS sendable, coalesce(r.risk_sum, 0) AS risk_sum
            FROM unnest(@ids) AS l0(id)
            JOIN lists l ON l.id = l0.id
            LEFT JOIN list_risk r ON r.list_id = l.id
            """, new { ids = listIds.ToArray() }, cancellationToken: ct));
        return rows.ToDictionary(r => r.ListId);
    }

    public async Task<IReadOnlyList<ReasonCount>> ReasonsAsync(long listId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ReasonCount>(new CommandDefinition("""
            SELECT status, reason, rows FROM list_reason_counts WHERE list_id = @listId ORDER BY status, rows DESC, reason
            """, new { listId }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>The list's largest domains (by rows) with their verdicts, MX provider and job.</summary>
    public async Task<IReadOnlyList<DomainVerdicts>> TopDomainsAsync(long listId, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<DomainVerdicts>(new CommandDefinition("""
            SELECT ld.domain, ld.rows, ld.state, ld.attempts, ld.retry_at, ld.job_id, ld.n_deliverable, ld.n_risky,
                   ld.n_undeliverable, ld.n_unknown, ld.n_not_found, d.provider, d.mx_hosts, d.catch_all
            FROM (SELECT * FROM list_domains WHERE list_id = @listId ORDER BY rows DESC, domain LIMIT @limit) ld
            LEFT JOIN domains d ON d.domain = ld.domain
            ORDER BY ld.rows DESC, ld.domain
            """, new { listId, limit }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>Domains still open (pending, running or waiting for a retry), newest retry last; for the jobs links.</summary>
    public async Task<IReadOnlyList<DomainVerdicts>> OpenDomainsAsync(long listId, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<DomainVerdicts>(new CommandDefinition("""
            SELECT domain, rows, state, attempts, retry_at, job_id FROM list_domains
            WHERE list_id = @listId AND state <> 'done' ORDER BY retry_at NULLS FIRST, domain LIMIT @limit
            """, new { listId, limit }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>A page of the rejected rows, in file order.</summary>
    public async Task<IReadOnlyList<RowLine>> RejectedAsync(long listId, int afterRowNo, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<RowLine>(new CommandDefinition("""
            SELECT row_no, line, fields, email, rejection_reason, rejection_column FROM list_rows
            WHERE list_id = @listId AND rejection_reason IS NOT NULL AND row_no > @afterRowNo
            ORDER BY row_no LIMIT @limit
            """, new { listId, afterRowNo, limit }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>A page of the duplicates, each with the line of the row it repeats.</summary>
    public async Task<IReadOnlyList<RowLine>> DuplicatesAsync(long listId, int afterRowNo, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<RowLine>(new CommandDefinition("""
            SELECT r.row_no, r.line, r.fields, r.email, r.duplicate_of, f.line AS duplicate_of_line FROM list_rows r
            LEFT JOIN list_rows f ON f.list_id = r.list_id AND f.row_no = r.duplicate_of
            WHERE r.list_id = @listId AND r.duplicate_of IS NOT NULL AND r.row_no > @afterRowNo
            ORDER BY r.row_no LIMIT @limit
            """, new { listId, afterRowNo, limit }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>
    /// "Retry failed": a new list (importing) holding a copy of the source list's rows whose verdict is unknown (DNS or
    /// SMTP failures), results cleared. Returns the new list's id, or null when there is nothing to retry. The caller
    /// finishes the import (plan) and enqueues it like any upload.
    /// </summary>
    public async Task<long?> CopyUnknownRowsAsync(long sourceListId, string name, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        var newId = await connection.ExecuteScalarAsync<long?>(new CommandDefinition("""
            INSERT INTO lists (api_key_id, name, file_name, callback_url, mapping)
            SELECT api_key_id, @name, file_name, callback_url, mapping FROM lists
            WHERE id = @sourceListId AND EXISTS (SELECT 1 FROM list_rows WHERE list_id = @sourceListId AND status = 'unknown')
            RETURNING id
            """, new { sourceListId, name }, tx, cancellationToken: ct));
        if (newId is not { } id)
            return null;
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO list_rows (list_id, row_no, line, fields, email, domain, first_name, last_name, full_name, company,
                                   company_domain, title, external_id, found, find_source)
            SELECT @id, row_number() OVER (ORDER BY row_no), line, fields, email, domain, first_name, last_name, full_name,
                   company, company_domain, title, external_id, found, find_source
            FROM list_rows WHERE list_id = @sourceListId AND status = 'unknown'
            """, new { id, sourceListId }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
        return id;
    }

    public async Task<IReadOnlyList<ApiKeyEntry>> ApiKeysAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ApiKeyEntry>(new CommandDefinition("""
            SELECT id, name, key_prefix, created_at, last_used_at, revoked_at FROM api_keys
            ORDER BY revoked_at IS NOT NULL, id DESC LIMIT 500
            """, cancellationToken: ct));
        return [.. rows];
    }
}

using Dapper;
using Npgsql;

namespace Enrichment.Storage.Lists;

/// <summary>
/// One upload on one connection: the list is created (state importing, visible to the dashboard), then its rows and
/// the end of the import (counters, plan, state queued) go in one transaction. A crash at any point leaves no row
/// behind: the transaction rolls back, and the list, still importing without the advisory lock its upload held, is
/// failed by <see cref="FailInterruptedAsync"/> (at the next start, or the next upload of any process).
/// </summary>
public sealed class ListImportSession : IAsyncDisposable
{
    /// <summary>Advisory lock namespace of uploads in progress; the second key is hashint8(list id).</summary>
    const int LockClass = 0x55504C44;

    public const string InterruptedError =
        "The upload was interrupted (the service stopped before the import finished); none of its rows were kept. Upload the file again.";

    readonly NpgsqlConnection _connection;
    readonly NpgsqlTransaction _transaction;
    bool _committed;

    ListImportSession(NpgsqlConnection connection, NpgsqlTransaction transaction, long listId)
    {
        _connection = connection;
        _transaction = transaction;
        ListId = listId;
    }

    public long ListId { get; }

    /// <summary>The PostgreSQL backend of the upload (tests end it to play a process that dies).</summary>
    internal int BackendPid => _connection.ProcessID;

    /// <summary>Creates the list (owned by <paramref name="owner"/>, host:pid) and opens the transaction of its rows.</summary>
    public static async Task<ListImportSession> OpenAsync(NpgsqlDataSource dataSource, NewList list, string owner, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(list);
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            // One statement, so the lock is held before the list is committed: a sweep never sees this list unlocked.
            var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
                WITH created AS (
                    INSERT INTO lists (api_key_id, name, file_name, callback_url, mapping, import_owner)
                    VALUES (@ApiKeyId, @Name, @FileName, @CallbackUrl, @MappingJson::jsonb, @owner)
                    RETURNING id
                )
                SELECT id, pg_advisory_lock(@LockClass, hashint8(id))::text FROM created
                """, new { list.ApiKeyId, list.Name, list.FileName, list.CallbackUrl, list.MappingJson, owner, LockClass }, cancellationToken: ct));
            var transaction = await connection.BeginTransactionAsync(ct);
            return new ListImportSession(connection, transaction, id);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>The binary COPY of the list's rows, inside the session's transaction.</summary>
    public Task<ListRowWriter> BeginRowsAsync(DateTimeOffset now, CancellationToken ct) =>
        ListRowWriter.BeginAsync(_connection, ownsConnection: false, ListId, now.UtcDateTime, ct);

    /// <summary>
    /// Ends the import with what the writer counted (no scan of the rows just written): duplicates resolved (only when
    /// there are any), one list_domains row per domain, counters, state queued; then commits the rows with it.
    /// </summary>
    public async Task FinishAsync(IReadOnlyList<string> header, string importReportJson, ListRowTally tally, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(tally);
        var listId = ListId;
        if (tally.Duplicates > 0 || tally.Domains is null)
        {
            // These statements read the rows just copied; fresh statistics keep their plans sane (measured on 100,000
            // rows: past the 30 s command timeout without, 1.2 s with). ANALYZE counts this transaction's own rows.
            await Execute("ANALYZE list_rows", null);
        }

        if (tally.Duplicates > 0)
            await Execute(ListStore.ResolveDuplicatesSql, new { listId });
        var domains = tally.Domains is { } counted
            ? await Execute("""
                INSERT INTO list_domains (list_id, domain, rows)
                SELECT @listId, u.domain, u.rows FROM unnest(@names::text[], @rows::integer[]) AS u(domain, rows)
                ON CONFLICT DO NOTHING
                """, new { listId, names = counted.Keys.ToArray(), rows = counted.Values.ToArray() })
            : await Execute(ListStore.PlanFromRowsSql, new { listId });
        await Execute("""
            UPDATE lists SET
                state = 'queued', header = @header, import_report = @importReportJson::jsonb, import_owner = NULL,
                rows_total = @Total, rows_rejected = @Rejected, rows_duplicate = @Duplicates, rows_to_find = @ToFind,
                rows_settled = @Settled, count_undeliverable = @Undeliverable, domains_total = @domains, domains_pending = @domains,
                updated_at = now()
            WHERE id = @listId AND state = 'importing'
            """, new
        {
            listId, header = header.ToArray(), importReportJson, domains,
            tally.Total, tally.Rejected, tally.Duplicates, tally.ToFind, tally.Settled, tally.Undeliverable,
        });
        await _transaction.CommitAsync(ct);
        _committed = true;

        Task<int> Execute(string sql, object? parameters) =>
            _connection.ExecuteAsync(new CommandDefinition(sql, parameters, _transaction, commandTimeout: 300, cancellationToken: ct));
    }

    /// <summary>
    /// Fails every list whose upload was interrupted: importing, made by an upload, and no process holds its lock.
    /// Returns their ids. Their rows were never committed.
    /// </summary>
    public static async Task<IReadOnlyList<long>> FailInterruptedAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // The try-lock is taken (and released at the end of this statement) only where no upload holds it.
        var ids = await connection.QueryAsync<long>(new CommandDefinition("""
            UPDATE lists SET state = 'failed', error = @InterruptedError, completed_at = now(), updated_at = now()
            WHERE state = 'importing' AND import_owner IS NOT NULL AND pg_try_advisory_xact_lock(@LockClass, hashint8(id))
            RETURNING id
            """, new { InterruptedError, LockClass }, cancellationToken: ct));
        return [.. ids];
    }

    /// <summary>Rolls back what was not committed and releases the list's lock.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_committed)
                await _transaction.RollbackAsync();
            await _connection.ExecuteAsync("SELECT pg_advisory_unlock(@LockClass, hashint8(@ListId))", new { LockClass, ListId });
        }
        catch (Exception e) when (e is NpgsqlException or InvalidOperationException)
        {
            // A broken connection: the server ends its session, which rolls back and releases the lock all the same.
        }
        finally
        {
            await _transaction.DisposeAsync();
            await _connection.DisposeAsync();
        }
    }
}

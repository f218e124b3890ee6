using Dapper;
using Npgsql;
using NpgsqlTypes;

namespace Enrichment.Storage.Lists;

/// <summary>
/// list_rows: loaded with binary COPY at import, read per domain by the jobs, results written back keyed by
/// (list, row), streamed out for the download.
/// </summary>
public sealed class ListRowStore(NpgsqlDataSource dataSource)
{
    /// <summary>Opens a binary COPY into list_rows; write rows, then <see cref="ListRowWriter.CompleteAsync"/>.</summary>
    public async Task<ListRowWriter> BeginImportAsync(long listId, DateTimeOffset now, CancellationToken ct)
    {
        var connection = await dataSource.OpenConnectionAsync(ct);
        try
        {
            return await ListRowWriter.BeginAsync(connection, ownsConnection: true, listId, now.UtcDateTime, ct);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>Removes rows of a list whose import did not finish (a retried import starts clean).</summary>
    public async Task DeleteRowsAsync(long listId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM list_rows WHERE list_id = @listId", new { listId }, cancellationToken: ct));
    }

    /// <summary>The accepted rows of one domain, in row order.</summary>
    public async Task<IReadOnlyList<RowWork>> DomainRowsAsync(long listId, string domain, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<RowWork>(new CommandDefinition("""
            SELECT row_no, email, first_name, last_name, full_name, company, company_domain, title, found, status
            FROM list_rows
            WHERE list_id = @listId AND domain = @domain AND rejection_reason IS NULL
            ORDER BY row_no
            """, new { listId, domain }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>Writes verdicts keyed by (list, row): the same results written twice leave the same rows. The domain
    /// jobs write through <see cref="DomainLeaseStore.WriteResultsAsync"/>, which fences this with their lease.</summary>
    public async Task WriteResultsAsync(long listId, IReadOnlyList<RowResult> results, DateTimeOffset settledAt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await WriteResultsAsync(connection, null, listId, results, settledAt, ct);
    }

    internal static async Task WriteResultsAsync(NpgsqlConnection connection, NpgsqlTransaction? tx, long listId, IReadOnlyList<RowResult> results, DateTimeOffset settledAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(results);
        if (results.Count == 0)
            return;
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE list_rows r SET
                email = u.email, found = u.found, find_source = u.find_source, status = u.status, risk = u.risk,
                reasons = string_to_array(u.reasons, ','), smtp_code = u.smtp_code, mx_host = u.mx_host,
                verified_at = u.verified_at, settled_at = @settledAt
            FROM unnest(@rowNos, @emails, @founds, @sources, @statuses, @risks, @reasons, @codes, @hosts, @verifiedAts)
                 AS u(row_no, email, found, find_source, status, risk, reasons, smtp_code, mx_host, verified_at)
            WHERE r.list_id = @listId AND r.row_no = u.row_no
            """, new
        {
            listId,
            settledAt = settledAt.UtcDateTime,
            rowNos = results.Select(r => r.RowNo).ToArray(),
            emails = results.Select(r => r.Email).ToArray(),
            founds = results.Select(r => r.Found).ToArray(),
            sources = results.Select(r => r.FindSource).ToArray(),
            statuses = results.Select(r => r.Status).ToArray(),
            risks = results.Select(r => (short)r.Risk).ToArray(),
            reasons = results.Select(r => string.Join(',', r.Reasons)).ToArray(),
            codes = results.Select(r => (short?)r.SmtpCode).ToArray(),
            hosts = results.Select(r => r.MxHost).ToArray(),
            verifiedAts = results.Select(r => r.VerifiedAt?.UtcDateTime).ToArray(),
        }, tx, cancellationToken: ct));
    }

    /// <summary>
    /// Streams the rows of a segment in input order (unbuffered: a million rows never sit in memory). Rows whose
    /// address is suppressed (by address or domain) are left out of every segment.
    /// </summary>
    public async IAsyncEnumerable<ResultRow> ResultsAsync(long listId, ResultSegment segment, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var filter = segment switch
        {
            ResultSegment.All => "true",
            ResultSegment.Deliverable => "status = 'deliverable'",
            ResultSegment.DeliverableRisky => "status IN ('deliverable', 'risky')",
            ResultSegment.Undeliverable => "status = 'undeliverable'",
            ResultSegment.Unknown => "status IN ('unknown', 'not_found')",
            ResultSegment.Rejected => "rejection_reason IS NOT NULL",
            _ => throw new ArgumentOutOfRangeException(nameof(segment)),
        };
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = connection.QueryUnbufferedAsync<ResultRow>($"""
            SELECT row_no, line, fields, email, found, status, risk, reasons, smtp_code, mx_host, verified_at,
                   rejection_reason, rejection_column, duplicate_of
            FROM list_rows WHERE list_id = @listId AND {filter} AND (email IS NULL OR {Suppressions.SuppressionSql.NotSuppressed("email")})
            ORDER BY row_no
            """, new { listId });
        await foreach (var row in rows.WithCancellation(ct))
            yield return row;
    }
}

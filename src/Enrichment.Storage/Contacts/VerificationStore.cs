using Dapper;
using Npgsql;

namespace Enrichment.Storage.Contacts;

/// <summary>verifications: the latest verdict per address, reused instead of probing again while young enough.</summary>
public sealed class VerificationStore(NpgsqlDataSource dataSource)
{
    /// <summary>Upserts by address; an older verdict never replaces a newer one (jobs may finish out of order).</summary>
    public async Task UpsertAsync(IReadOnlyList<VerificationRecord> records, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
            return;
        var unique = records.GroupBy(r => r.Email, StringComparer.Ordinal).Select(g => g.MaxBy(r => r.VerifiedAt)!).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO verifications (email, domain, status, risk, reasons, smtp_code, smtp_reply, mx_host, catch_all, verified_at, list_id)
            SELECT u.email, u.domain, u.status, u.risk, string_to_array(u.reasons, ','), u.smtp_code, u.smtp_reply, u.mx_host,
                   u.catch_all, u.verified_at, u.list_id
            FROM unnest(@emails, @domains, @statuses, @risks, @reasons, @codes, @replies, @hosts, @catchAlls, @verifiedAts, @listIds)
                 AS u(email, domain, status, risk, reasons, smtp_code, smtp_reply, mx_host, catch_all, verified_at, list_id)
            ON CONFLICT (email) DO UPDATE SET
                domain = excluded.domain, status = excluded.status, risk = excluded.risk, reasons = excluded.reasons,
                smtp_code = excluded.smtp_code, smtp_reply = excluded.smtp_reply, mx_host = excluded.mx_host,
                catch_all = excluded.catch_all, verified_at = excluded.verified_at, list_id = excluded.list_id
            WHERE verifications.verified_at <= excluded.verified_at
            """, new
        {
            emails = unique.Select(r => r.Email).ToArray(),
            domains = unique.Select(r => r.Domain).ToArray(),
            statuses = unique.Select(r => r.Status).ToArray(),
            risks = unique.Select(r => (short)r.Risk).ToArray(),
            reasons = unique.Select(r => string.Join(',', r.Reasons)).ToArray(),
            codes = unique.Select(r => (short?)r.SmtpCode).ToArray(),
            replies = unique.Select(r => Cap(r.SmtpReply)).ToArray(),
            hosts = unique.Select(r => r.MxHost).ToArray(),
            catchAlls = unique.Select(r => r.CatchAll).ToArray(),
            verifiedAts = unique.Select(r => r.VerifiedAt.UtcDateTime).ToArray(),
            listIds = unique.Select(r => r.ListId).ToArray(),
        }, cancellationToken: ct));
    }

    /// <summary>
    /// Verdicts still fresh enough to reuse: each status has its own re-check age (<paramref name="maxAgeByStatus"/>);
    /// a status missing from it is never reused.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, VerificationRecord>> ReusableAsync(
        IReadOnlyCollection<string> emails, IReadOnlyDictionary<string, TimeSpan> maxAgeByStatus, DateTimeOffset now, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emails);
        ArgumentNullException.ThrowIfNull(maxAgeByStatus);
        if (emails.Count == 0 || maxAgeByStatus.Count == 0)
            return new Dictionary<string, VerificationRecord>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string Email, string Domain, string Status, short Risk, string[] Reasons, short? SmtpCode, string? SmtpReply, string? MxHost, bool? CatchAll, DateTime VerifiedAt, long? ListId)>(
            new CommandDefinition("""
                SELECT v.email, v.domain, v.status, v.risk, v.reasons, v.smtp_code, v.smtp_reply, v.mx_host, v.catch_all, v.verified_at, v.list_id
                FROM verifications v
                JOIN unnest(@statuses, @cutoffs) AS a(status, cutoff) ON a.status = v.status
                WHERE v.email = ANY(@emails) AND v.verified_at >= a.cutoff
                """, new
            {
                emails = emails.ToArray(),
                statuses = maxAgeByStatus.Keys.ToArray(),
                cutoffs = maxAgeByStatus.Values.Select(age => (now - age).UtcDateTime).ToArray(),
            }, cancellationToken: ct));
        return rows.ToDictionary(
            r => r.Email,
            r => new VerificationRecord(r.Email, r.Domain, r.Status, r.Risk, r.Reasons, r.SmtpCode, r.SmtpReply, r.MxHost, r.CatchAll,
                new DateTimeOffset(DateTime.SpecifyKind(r.VerifiedAt, DateTimeKind.Utc)), r.ListId),
            StringComparer.Ordinal);
    }

    public async Task<VerificationRecord?> GetAsync(string email, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<(string Email, string Domain, string Status, short Risk, string[] Reasons, short? SmtpCode, string? SmtpReply, string? MxHost, bool? CatchAll, DateTime VerifiedAt, long? ListId)>(
            new CommandDefinition("""
                SELECT email, domain, status, risk, reasons, smtp_code, smtp_reply, mx_host, catch_all, verified_at, list_id
                FROM verifications WHERE email = @email
                """, new { email }, cancellationToken: ct));
        return rows.Select(r => new VerificationRecord(r.Email, r.Domain, r.Status, r.Risk, r.Reasons, r.SmtpCode, r.SmtpReply, r.MxHost, r.CatchAll,
            new DateTimeOffset(DateTime.SpecifyKind(r.VerifiedAt, DateTimeKind.Utc)), r.ListId)).SingleOrDefault();
    }

    /// <summary>SMTP evidence kept small: a hostile server's reply never becomes a big row.</summary>
    static string? Cap(string? reply) => reply is { Length: > 500 } ? reply[..500] : reply;
}

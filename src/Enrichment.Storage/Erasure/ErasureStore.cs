using Dapper;
using Enrichment.Storage.Suppressions;
using Npgsql;

namespace Enrichment.Storage.Erasure;

/// <summary>
/// Erasure (GDPR art. 17) of one address, in one transaction: the contact and its claims and pending
/// re-verification, its verification, its events, its plain-address suppression, its committee memberships, and the personal fields of every
/// list row that holds it (the row stays, blanked and marked rejected "erased", so list counts still add up).
/// What remains is a salted hash in suppressions, which the upload screens against.
/// </summary>
public sealed class ErasureStore(NpgsqlDataSource dataSource)
{
    public async Task<ErasureReport> EraseAsync(string normalizedEmail, string emailHash, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(normalizedEmail);
        var email = normalizedEmail;
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        async Task<int> Run(string sql) =>
            await connection.ExecuteAsync(new CommandDefinition(sql, new { email }, tx, cancellationToken: ct));

        var deleted = new Dictionary<string, int>(StringComparer.Ordinal)
        {
            ["claims"] = await Run("DELETE FROM claims WHERE contact_id IN (SELECT id FROM contacts WHERE email = @email)"),
            ["reverifications"] = await Run("DELETE FROM reverifications WHERE contact_id IN (SELECT id FROM contacts WHERE email = @email)"),
            ["contacts"] = await Run("DELETE FROM contacts WHERE email = @email"),
            ["verifications"] = await Run("DELETE FROM verifications WHERE email = @email"),
            ["contact_events"] = await Run("DELETE FROM contact_events WHERE email = @email"),
            ["suppressions"] = await Run("DELETE FROM suppressions WHERE kind = 'email' AND value = @email"),
            ["committee_members"] = await Run("DELETE FROM committee_members WHERE email = @email"),
            // lower(): a row whose address failed syntax keeps it as typed. The list_rows_email index (0500) serves
            // exactly this predicate (its partial clause repeated so the planner can use it).
            ["list_rows"] = await Run("""
                UPDATE list_rows SET
                    fields = array_fill(''::text, ARRAY[cardinality(fields)]), email = NULL, first_name = NULL, last_name = NULL,
                    full_name = NULL, company = NULL, title = NULL, external_id = NULL, smtp_code = NULL, mx_host = NULL,
                    find_source = NULL, status = NULL, risk = NULL, reasons = NULL, rejection_reason = 'erased', rejection_column = NULL
                WHERE lower(email) = @email AND email IS NOT NULL
                """),
        };
        await SuppressionStore.AddAsync(connection, tx, SuppressionKinds.EmailHash, emailHash, "erased", "erasure", ct);
        await tx.CommitAsync(ct);
        return new ErasureReport(emailHash, deleted);
    }
}

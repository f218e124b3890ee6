using Dapper;
using Npgsql;

namespace Enrichment.Storage.Contacts;

/// <summary>
/// contacts and accounts: people and their companies written back from lists. Upserts by address (contacts) and
/// domain (accounts); a later write fills what an earlier one lacked and never blanks a known name or title.
/// </summary>
public sealed class ContactStore(NpgsqlDataSource dataSource)
{
    public async Task UpsertAsync(IReadOnlyList<ContactRecord> contacts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        if (contacts.Count == 0)
            return;
        // One row per address in a statement: ON CONFLICT cannot touch the same row twice.
        var unique = contacts.GroupBy(c => c.Email, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        var domains = unique.Select(c => c.AccountDomain).OfType<string>().Distinct(StringComparer.Ordinal).ToArray();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        if (domains.Length > 0)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO accounts (domain) SELECT unnest(@domains) ON CONFLICT (domain) WHERE api_key_id IS NULL DO NOTHING
                """, new { domains }, tx, cancellationToken: ct));
        }

        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO contacts (email, first_name, last_name, full_name, title, account_domain, source)
            SELECT * FROM unnest(@emails, @firsts, @lasts, @fulls, @titles, @domains, @sources)
            ON CONFLICT (email) DO UPDATE SET
                first_name = coalesce(excluded.first_name, contacts.first_name),
                last_name = coalesce(excluded.last_name, contacts.last_name),
                full_name = coalesce(excluded.full_name, contacts.full_name),
                title = coalesce(excluded.title, contacts.title),
                account_domain = coalesce(excluded.account_domain, contacts.account_domain),
                updated_at = now()
            """, new
        {
            emails = unique.Select(c => c.Email).ToArray(),
            firsts = unique.Select(c => c.FirstName).ToArray(),
            lasts = unique.Select(c => c.LastName).ToArray(),
            fulls = unique.Select(c => c.FullName).ToArray(),
            titles = unique.Select(c => c.Title).ToArray(),
            domains = unique.Select(c => c.AccountDomain).ToArray(),
            sources = unique.Select(c => c.Source).ToArray(),
        }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    public async Task<int> CountAsync(string accountDomain, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition(
            "SELECT count(*) FROM contacts WHERE account_domain = @accountDomain", new { accountDomain }, cancellationToken: ct));
    }
}

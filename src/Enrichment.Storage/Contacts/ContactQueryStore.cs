using Dapper;
using Enrichment.Storage.Suppressions;
using Npgsql;

namespace Enrichment.Storage.Contacts;

/// <summary>
/// Reads contacts for the lead-gen API: contacts joined with their latest verification and account, filtered, never a
/// suppressed one. Shared by GET /api/contacts and the claims (<see cref="Consumers.ClaimStore"/>).
/// </summary>
public sealed class ContactQueryStore(NpgsqlDataSource dataSource)
{
    internal const string ViewColumns = """
        c.id, c.email, c.first_name, c.last_name, c.full_name, c.title, c.account_domain, a.name AS account_name,
        v.status, v.risk, v.reasons, v.verified_at, c.source, c.updated_at
        """;

    internal const string ViewFrom = """
        contacts c
        LEFT JOIN verifications v ON v.email = c.email
        LEFT JOIN accounts a ON a.domain = c.account_domain AND a.api_key_id IS NULL
        """;

    /// <summary>
    /// Where to look (list, account, update and verification times), over <see cref="ViewFrom"/>; parameters @listId,
    /// @accountDomain, @updatedSince, @verifiedSince (always bound: null disables a clause). The list clause is an
    /// uncorrelated IN so PostgreSQL hashes the list's addresses once instead of scanning the list per contact.
    /// </summary>
    internal const string ScopeSql = """
        (@accountDomain::text IS NULL OR c.account_domain = @accountDomain)
        AND (@updatedSince::timestamptz IS NULL OR c.updated_at >= @updatedSince)
        AND (@verifiedSince::timestamptz IS NULL OR v.verified_at >= @verifiedSince)
        AND (@listId::bigint IS NULL OR c.email IN (SELECT r.email FROM list_rows r WHERE r.list_id = @listId AND r.email IS NOT NULL))
        """;

    /// <summary>What a contact must be to be shown: the statuses asked for (@statuses), at most @maxRisk, not suppressed.</summary>
    internal static string EligibleSql => $"""
        (@statuses::text[] IS NULL OR v.status = ANY(@statuses))
        AND (@maxRisk::int IS NULL OR v.risk <= @maxRisk)
        AND {SuppressionSql.NotSuppressed("c.email")}
        """;

    internal static string FilterSql => $"{ScopeSql} AND {EligibleSql}";

    internal static DynamicParameters FilterParameters(ContactFilter filter)
    {
        var p = new DynamicParameters();
        p.Add("statuses", filter.Statuses is { Count: > 0 } s ? s.ToArray() : null);
        p.Add("maxRisk", filter.MaxRisk);
        p.Add("listId", filter.ListId);
        p.Add("accountDomain", filter.AccountDomain);
        p.Add("updatedSince", filter.UpdatedSince?.UtcDateTime);
        p.Add("verifiedSince", filter.VerifiedSince?.UtcDateTime);
        return p;
    }

    /// <summary>
    /// One page in id order after <paramref name="afterId"/> (keyset: a contact written while a client pages is never
    /// shown twice nor skipped; new contacts come at the end).
    /// </summary>
    public async Task<IReadOnlyList<ContactView>> PageAsync(ContactFilter filter, long afterId, int limit, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(filter);
        var p = FilterParameters(filter);
        p.Add("afterId", afterId);
        p.Add("limit", limit);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<ContactView>(new CommandDefinition($"""
            SELECT {ViewColumns} FROM {ViewFrom}
            WHERE c.id > @afterId AND {FilterSql}
            ORDER BY c.id LIMIT @limit
            """, p, cancellationToken: ct));
        return [.. rows];
    }

    public async Task<ContactView?> GetAsync(string email, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ContactView>(new CommandDefinition(
            $"SELECT {ViewColumns} FROM {ViewFrom} WHERE c.email = @email", new { email }, cancellationToken: ct));
    }
}

using Dapper;
using Enrichment.Storage.Suppressions;
using Npgsql;

namespace Enrichment.Storage.Accounts;

/// <summary>accounts and committee_members: ABM targets, their committees, and what the fill job reads and writes.</summary>
public sealed class AccountStore(NpgsqlDataSource dataSource)
{
    const string Columns = """
        id, domain, name, tier, template, completeness, missing, fill_state, fill_attempts, fill_job_id, filled_at, created_at, api_key_id
        """;

    /// <summary>
    /// The suppression predicate (<see cref="SuppressionSql"/>) for an address column that may not be normalised:
    /// member and contact addresses are compared lower-cased, as the suppressions table stores them.
    /// </summary>
    static string Suppressed(string email) => SuppressionSql.Suppressed($"lower({email})");

    /// <summary>
    /// Creates the accounts, or updates name, tier and template of the one with the same domain under the same API key
    /// (0600: each key has its own accounts; the rows without a key are the dashboard's and the shared company rows).
    /// </summary>
    public async Task<IReadOnlyList<AccountRecord>> UpsertAsync(IReadOnlyList<NewAccount> accounts, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(accounts);
        if (accounts.Count == 0)
            return [];
        var results = new List<AccountRecord>(accounts.Count);
        foreach (var owned in accounts.GroupBy(a => a.ApiKeyId))
            results.AddRange(await UpsertOwnedAsync(owned.Key, [.. owned], ct));
        return results;
    }

    async Task<IReadOnlyList<AccountRecord>> UpsertOwnedAsync(long? apiKeyId, IReadOnlyList<NewAccount> accounts, CancellationToken ct)
    {
        var unique = accounts.GroupBy(a => a.Domain, StringComparer.Ordinal).Select(g => g.Last()).ToList();
        // The conflict target names the partial unique index of 0600 that the rows fall under.
        var target = apiKeyId is null ? "(domain) WHERE api_key_id IS NULL" : "(api_key_id, domain) WHERE api_key_id IS NOT NULL";
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<AccountRecord>(new CommandDefinition($"""
            INSERT INTO accounts (domain, name, tier, template, api_key_id)
            SELECT d, n, t, tp, @apiKeyId FROM unnest(@domains, @names, @tiers, @templates) AS u(d, n, t, tp)
            ON CONFLICT {target} DO UPDATE SET
                name = coalesce(excluded.name, accounts.name),
                tier = coalesce(excluded.tier, accounts.tier),
                template = coalesce(excluded.template, accounts.template),
                updated_at = now()
            RETURNING {Columns}
            """, new
        {
            domains = unique.Select(a => a.Domain).ToArray(),
            names = unique.Select(a => a.Name).ToArray(),
            tiers = unique.Select(a => a.Tier).ToArray(),
            templates = unique.Select(a => a.Template).ToArray(),
            apiKeyId,
        }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Any account, whoever owns it (the dashboard, the fill job).</summary>
    public async Task<AccountRecord?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<AccountRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM accounts WHERE id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>The account if it belongs to the API key; null for another key's account as for a missing one.</summary>
    public async Task<AccountRecord?> GetForKeyAsync(long id, long apiKeyId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<AccountRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM accounts WHERE id = @id AND api_key_id = @apiKeyId", new { id, apiKeyId }, cancellationToken: ct));
    }

    /// <summary>Accounts of every owner filtered by completeness (0..1, inclusive) and tier, least complete first (the dashboard).</summary>
    public Task<IReadOnlyList<AccountRecord>> FindAsync(double? min, double? max, string? tier, IReadOnlyCollection<long>? ids, int limit, CancellationToken ct) =>
        FindOwnedAsync(null, min, max, tier, ids, limit, ct);

    /// <summary>The API key's accounts filtered by completeness (0..1, inclusive) and tier, least complete first.</summary>
    public Task<IReadOnlyList<AccountRecord>> FindForKeyAsync(long apiKeyId, double? min, double? max, string? tier, IReadOnlyCollection<long>? ids, int limit, CancellationToken ct) =>
        FindOwnedAsync(apiKeyId, min, max, tier, ids, limit, ct);

    async Task<IReadOnlyList<AccountRecord>> FindOwnedAsync(long? apiKeyId, double? min, double? max, string? tier, IReadOnlyCollection<long>? ids, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<AccountRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM accounts
            WHERE (@min::double precision IS NULL OR completeness >= @min)
              AND (@max::double precision IS NULL OR completeness <= @max)
              AND (@tier::text IS NULL OR tier = @tier)
              AND (@ids::bigint[] IS NULL OR id = ANY(@ids))
              AND (@apiKeyId::bigint IS NULL OR api_key_id = @apiKeyId)
            ORDER BY completeness, id
            LIMIT @limit
            """, new { min, max, tier, ids = ids?.ToArray(), limit, apiKeyId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>Marks the account queued before its job is enqueued (a fast job must not be overtaken by this write).</summary>
    public async Task SetQueuedAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE accounts SET fill_state = 'queued', fill_attempts = 0, updated_at = now() WHERE id = @id
            """, new { id }, cancellationToken: ct));
    }

    public async Task SetJobIdAsync(long id, string jobId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET fill_job_id = @jobId WHERE id = @id", new { id, jobId }, cancellationToken: ct));
    }

    /// <summary>Counts this run of the fill job; returns the attempt number (1 for the first).</summary>
    public async Task<int> StartFillAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            UPDATE accounts SET fill_state = 'running', fill_attempts = fill_attempts + 1, updated_at = now()
            WHERE id = @id RETURNING fill_attempts
            """, new { id }, cancellationToken: ct));
    }

    public async Task SetFillStateAsync(long id, string state, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET fill_state = @state, updated_at = now() WHERE id = @id", new { id, state }, cancellationToken: ct));
    }

    /// <summary>
    /// Everyone we know at the domain: contacts (by account domain or address) with their latest verdict, and people
    /// uploaded in lists without an address (one per name: the latest upload).
    /// </summary>
    public async Task<IReadOnlyList<KnownPerson>> PeopleAtAsync(string domain, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<KnownPerson>(new CommandDefinition($"""
            SELECT c.email, c.first_name, c.last_name, c.full_name, c.title, 'contact:' || c.source AS source,
                   v.status, v.reasons, {Suppressed("c.email")} AS suppressed
            FROM contacts c LEFT JOIN verifications v ON v.email = c.email
            WHERE c.account_domain = @domain OR c.email LIKE '%@' || @domain
            UNION ALL
            SELECT * FROM (
                SELECT DISTINCT ON (lower(coalesce(r.full_name, concat_ws(' ', r.first_name, r.last_name))))
                       NULL::text, r.first_name, r.last_name, r.full_name, r.title, 'upload:list:' || r.list_id,
                       NULL::text, NULL::text[], false
                FROM list_rows r
                WHERE r.company_domain = @domain AND r.email IS NULL AND r.rejection_reason IS NULL
                  AND coalesce(r.full_name, r.first_name, r.last_name) IS NOT NULL
                ORDER BY lower(coalesce(r.full_name, concat_ws(' ', r.first_name, r.last_name))), r.list_id DESC
            ) uploads
            """, new { domain }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>The committee as stored, with live verdicts and suppressions.</summary>
    public async Task<IReadOnlyList<StoredMember>> MembersAsync(long accountId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<StoredMember>(new CommandDefinition($"""
            SELECT m.person_key, m.name, m.first_name, m.last_name, m.title, m.seniority, m.department, m.role, m.email,
                   m.source, v.status, v.risk, v.reasons, (m.email IS NOT NULL AND {Suppressed("m.email")}) AS suppressed
            FROM committee_members m LEFT JOIN verifications v ON v.email = m.email
            WHERE m.account_id = @accountId
            ORDER BY m.role, m.name
            """, new { accountId }, cancellationToken: ct));
        return rows.AsList();
    }

    /// <summary>
    /// Replaces the committee with <paramref name="members"/> in one transaction: upserts by (account, person), deletes
    /// members no longer picked, and stores completeness and the missing-role notes. Re-running adds no duplicates.
    /// </summary>
    public async Task WriteCommitteeAsync(long accountId, IReadOnlyList<MemberWrite> members, double completeness, IReadOnlyList<string> missing, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(members);
        ArgumentNullException.ThrowIfNull(missing);
        var unique = members.GroupBy(m => m.PersonKey, StringComparer.Ordinal).Select(g => g.First()).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO committee_members (account_id, person_key, name, first_name, last_name, title, seniority, department, role, email, source)
            SELECT @accountId, * FROM unnest(@keys, @names, @firsts, @lasts, @titles, @seniorities, @departments, @roles, @emails, @sources)
            ON CONFLICT (account_id, person_key) DO UPDATE SET
                name = excluded.name, first_name = excluded.first_name, last_name = excluded.last_name, title = excluded.title,
                seniority = excluded.seniority, department = excluded.department, role = excluded.role,
                email = coalesce(excluded.email, committee_members.email), source = excluded.source, updated_at = now()
            """, new
        {
            accountId,
            keys = unique.Select(m => m.PersonKey).ToArray(),
            names = unique.Select(m => m.Name).ToArray(),
            firsts = unique.Select(m => m.FirstName).ToArray(),
            lasts = unique.Select(m => m.LastName).ToArray(),
            titles = unique.Select(m => m.Title).ToArray(),
            seniorities = unique.Select(m => m.Seniority).ToArray(),
            departments = unique.Select(m => m.Department).ToArray(),
            roles = unique.Select(m => m.Role).ToArray(),
            emails = unique.Select(m => m.Email).ToArray(),
            sources = unique.Select(m => m.Source).ToArray(),
        }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM committee_members WHERE account_id = @accountId AND NOT (person_key = ANY(@keys))",
            new { accountId, keys = unique.Select(m => m.PersonKey).ToArray() }, tx, cancellationToken: ct));
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE accounts SET completeness = @completeness, missing = @missing, fill_state = 'done', filled_at = now(), updated_at = now()
            WHERE id = @accountId
            """, new { accountId, completeness, missing = missing.ToArray() }, tx, cancellationToken: ct));
        await tx.CommitAsync(ct);
    }

    /// <summary>Keeps the stored completeness in step with live verdicts and suppressions (after a read recomputed it).</summary>
    public async Task SetCompletenessAsync(long accountId, double completeness, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE accounts SET completeness = @completeness WHERE id = @accountId AND completeness IS DISTINCT FROM @completeness",
            new { accountId, completeness }, cancellationToken: ct));
    }

    /// <summary>Which of <paramref name="emails"/> are suppressed (the address or its domain).</summary>
    public async Task<IReadOnlySet<string>> SuppressedAsync(IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emails);
        if (emails.Count == 0)
            return new HashSet<string>();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<string>(new CommandDefinition($"SELECT e FROM unnest(@emails) AS e WHERE {Suppressed("e")}",
            new { emails = emails.Distinct(StringComparer.Ordinal).ToArray() }, cancellationToken: ct));
        return rows.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>The templates document set through the API, or null (the config file applies).</summary>
    public async Task<string?> TemplatesAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<string?>(new CommandDefinition("SELECT body FROM committee_template_config WHERE id = 1", cancellationToken: ct));
    }

    public async Task SaveTemplatesAsync(string body, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO committee_template_config (id, body) VALUES (1, @body)
            ON CONFLICT (id) DO UPDATE SET body = excluded.body, updated_at = now()
            """, new { body }, cancellationToken: ct));
    }
}

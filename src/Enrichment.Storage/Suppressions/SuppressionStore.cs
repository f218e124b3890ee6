using Dapper;
using Npgsql;

namespace Enrichment.Storage.Suppressions;

/// <summary>
/// suppressions: never contact an address or a whole domain. Adding is idempotent (the first reason stays);
/// <see cref="SuppressedAsync"/> is what the committee work calls for its members.
/// </summary>
public sealed class SuppressionStore(NpgsqlDataSource dataSource)
{
    const string Columns = "id, kind, value, reason, source, created_at";

    /// <summary>Adds a suppression; returns it and whether it is new (an existing one keeps its first reason).</summary>
    public async Task<(SuppressionRecord Record, bool Created)> AddAsync(string kind, string value, string reason, string source, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await AddAsync(connection, null, kind, value, reason, source, ct);
    }

    internal static async Task<(SuppressionRecord Record, bool Created)> AddAsync(
        NpgsqlConnection connection, NpgsqlTransaction? tx, string kind, string value, string reason, string source, CancellationToken ct)
    {
        var inserted = await connection.QuerySingleOrDefaultAsync<SuppressionRecord>(new CommandDefinition($"""
            INSERT INTO suppressions (kind, value, reason, source) VALUES (@kind, @value, @reason, @source)
            ON CONFLICT (kind, value) DO NOTHING
            RETURNING {Columns}
            """, new { kind, value, reason, source }, tx, cancellationToken: ct));
        if (inserted is not null)
            return (inserted, true);
        var existing = await connection.QuerySingleAsync<SuppressionRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM suppressions WHERE kind = @kind AND value = @value", new { kind, value }, tx, cancellationToken: ct));
        return (existing, false);
    }

    /// <summary>Removes a suppression; with <paramref name="alsoHash"/> the erased-address hash of the same address too.</summary>
    public async Task<int> RemoveAsync(string kind, string value, string? alsoHash, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM suppressions
            WHERE (kind = @kind AND value = @value) OR (kind = 'email_hash' AND value = @alsoHash)
            """, new { kind, value, alsoHash }, cancellationToken: ct));
    }

    /// <summary>A page in id order after <paramref name="afterId"/>, optionally one kind or one value.</summary>
    public async Task<IReadOnlyList<SuppressionRecord>> PageAsync(string? kind, string? value, long afterId, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<SuppressionRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM suppressions
            WHERE id > @afterId AND (@kind::text IS NULL OR kind = @kind) AND (@value::text IS NULL OR value = @value)
            ORDER BY id LIMIT @limit
            """, new { kind, value, afterId, limit }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>
    /// The newest <paramref name="limit"/> suppressions, or those whose value is <paramref name="search"/> (trimmed,
    /// lower-cased): what the dashboard's suppressions page lists.
    /// </summary>
    public async Task<IReadOnlyList<SuppressionRecord>> RecentAsync(string? search, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<SuppressionRecord>(new CommandDefinition($"""
            SELECT {Columns} FROM suppressions
            WHERE @search::text IS NULL OR value = lower(@search)
            ORDER BY id DESC LIMIT @limit
            """, new { search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(), limit }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>Removes one suppression by id (the dashboard's remove button); false when it was already gone.</summary>
    public async Task<bool> RemoveAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM suppressions WHERE id = @id", new { id }, cancellationToken: ct)) == 1;
    }

    /// <summary>The addresses among <paramref name="emails"/> (normalised) that are suppressed, by address or domain.</summary>
    public async Task<IReadOnlySet<string>> SuppressedAsync(IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emails);
        if (emails.Count == 0)
            return new HashSet<string>(StringComparer.Ordinal);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<string>(new CommandDefinition($"""
            SELECT e FROM unnest(@emails) AS u(e) WHERE {SuppressionSql.Suppressed("u.e")}
            """, new { emails = emails.ToArray() }, cancellationToken: ct));
        return rows.ToHashSet(StringComparer.Ordinal);
    }

    /// <summary>True when <paramref name="email"/> (normalised) is suppressed by address or domain.</summary>
    public async Task<bool> IsSuppressedAsync(string email, CancellationToken ct) => (await SuppressedAsync([email], ct)).Count > 0;

    /// <summary>Every erased-address hash (erasures are rare: the upload screen holds them in a set).</summary>
    public async Task<IReadOnlySet<string>> ErasedHashesAsync(CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<string>(new CommandDefinition(
            "SELECT value FROM suppressions WHERE kind = 'email_hash'", cancellationToken: ct));
        return rows.ToHashSet(StringComparer.Ordinal);
    }
}

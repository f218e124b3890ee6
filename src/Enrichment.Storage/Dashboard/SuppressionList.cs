using Dapper;
using Npgsql;

namespace Enrichment.Storage.Dashboard;

/// <summary>
/// The suppressions table of script 0001 as the dashboard edits it (list, add, remove). A small store of the
/// dashboard's own until the lead-gen API's suppression store lands; both write the same table.
/// </summary>
public sealed class SuppressionList(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<SuppressionEntry>> RecentAsync(string? search, int limit, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<SuppressionEntry>(new CommandDefinition("""
            SELECT id, kind, value, reason, source, created_at FROM suppressions
            WHERE @search::text IS NULL OR value = lower(@search)
            ORDER BY id DESC LIMIT @limit
            """, new { search = string.IsNullOrWhiteSpace(search) ? null : search.Trim(), limit }, cancellationToken: ct));
        return [.. rows];
    }

    /// <summary>Adds an address or domain (lower-cased); false when it was already there.</summary>
    public async Task<bool> AddAsync(string kind, string value, string reason, string source, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO suppressions (kind, value, reason, source) VALUES (@kind, lower(@value), @reason, @source)
            ON CONFLICT (kind, value) DO NOTHING
            """, new { kind, value, reason, source }, cancellationToken: ct)) == 1;
    }

    public async Task<bool> RemoveAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "DELETE FROM suppressions WHERE id = @id", new { id }, cancellationToken: ct)) == 1;
    }
}

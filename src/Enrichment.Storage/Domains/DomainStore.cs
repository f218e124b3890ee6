using Dapper;
using Npgsql;

namespace Enrichment.Storage.Domains;

/// <summary>domains: facts shared across workers, so a second worker does not probe a domain the first judged.</summary>
public sealed class DomainStore(NpgsqlDataSource dataSource)
{
    public async Task<DomainFacts?> GetAsync(string domain, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<DomainFacts>(new CommandDefinition("""
            SELECT domain, mx_hosts, mx_preferences, provider, mx_checked_at, catch_all, catch_all_probe, catch_all_checked_at FROM domains WHERE domain = @domain
            """, new { domain }, cancellationToken: ct));
    }

    /// <summary>The catch-all verdict when judged after <paramref name="notBefore"/>; null when unknown or too old.</summary>
    public async Task<bool?> CatchAllAsync(string domain, DateTimeOffset notBefore, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<bool?>(new CommandDefinition("""
            SELECT catch_all FROM domains WHERE domain = @domain AND catch_all_checked_at >= @notBefore
            """, new { domain, notBefore = notBefore.UtcDateTime }, cancellationToken: ct));
    }

    /// <summary>Records a catch-all verdict (null: undecided) with the probe recipient used, so every worker retries
    /// the same recipient (greylisting keys on it).</summary>
    public async Task SetCatchAllAsync(string domain, bool? catchAll, string probeLocalPart, DateTimeOffset checkedAt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO domains (domain, catch_all, catch_all_probe, catch_all_checked_at) VALUES (@domain, @catchAll, @probeLocalPart, @checkedAt)
            ON CONFLICT (domain) DO UPDATE SET catch_all = excluded.catch_all, catch_all_probe = excluded.catch_all_probe,
                catch_all_checked_at = excluded.catch_all_checked_at, updated_at = now()
            WHERE domains.catch_all_checked_at IS NULL OR domains.catch_all_checked_at <= excluded.catch_all_checked_at
            """, new { domain, catchAll, probeLocalPart, checkedAt = checkedAt.UtcDateTime }, cancellationToken: ct));
    }

    /// <summary>
    /// Records every MX host of the domain in preference order (lowest first, as DNS ranks them) with their
    /// preferences. An older lookup never replaces a newer one (jobs may finish out of order).
    /// </summary>
    public async Task SetMailHostsAsync(string domain, IReadOnlyList<MxHostEntry> hosts, string? provider, DateTimeOffset checkedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        // Stable: hosts of equal preference keep the order DNS gave them.
        var ordered = hosts.OrderBy(h => h.Preference).ToList();
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO domains (domain, mx_hosts, mx_preferences, provider, mx_checked_at) VALUES (@domain, @names, @preferences, @provider, @checkedAt)
            ON CONFLICT (domain) DO UPDATE SET mx_hosts = excluded.mx_hosts, mx_preferences = excluded.mx_preferences,
                provider = excluded.provider, mx_checked_at = excluded.mx_checked_at, updated_at = now()
            WHERE domains.mx_checked_at IS NULL OR domains.mx_checked_at <= excluded.mx_checked_at
            """, new
        {
            domain,
            names = ordered.Select(h => h.Name).ToArray(),
            preferences = ordered.Select(h => h.Preference).ToArray(),
            provider,
            checkedAt = checkedAt.UtcDateTime,
        }, cancellationToken: ct));
    }
}

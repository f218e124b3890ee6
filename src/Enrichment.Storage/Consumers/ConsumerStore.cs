using Dapper;
using Npgsql;

namespace Enrichment.Storage.Consumers;

/// <summary>consumers: one row per (API key, name), created on first use with the defaults (no max age, skip).</summary>
public sealed class ConsumerStore(NpgsqlDataSource dataSource)
{
    const string Columns = "id, api_key_id, name, max_age, stale_policy, created_at, updated_at";

    public async Task<ConsumerRecord> GetOrCreateAsync(long apiKeyId, string name, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition(
            "INSERT INTO consumers (api_key_id, name) VALUES (@apiKeyId, @name) ON CONFLICT (api_key_id, name) DO NOTHING",
            new { apiKeyId, name }, cancellationToken: ct));
        return await connection.QuerySingleAsync<ConsumerRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM consumers WHERE api_key_id = @apiKeyId AND name = @name", new { apiKeyId, name }, cancellationToken: ct));
    }

    public async Task<ConsumerRecord?> GetAsync(long apiKeyId, string name, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ConsumerRecord>(new CommandDefinition(
            $"SELECT {Columns} FROM consumers WHERE api_key_id = @apiKeyId AND name = @name", new { apiKeyId, name }, cancellationToken: ct));
    }

    /// <summary>Creates or replaces the consumer's settings; its claims are kept.</summary>
    public async Task<ConsumerRecord> PutAsync(long apiKeyId, string name, TimeSpan? maxAge, string stalePolicy, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleAsync<ConsumerRecord>(new CommandDefinition($"""
            INSERT INTO consumers (api_key_id, name, max_age, stale_policy) VALUES (@apiKeyId, @name, @maxAge, @stalePolicy)
            ON CONFLICT (api_key_id, name) DO UPDATE SET max_age = excluded.max_age, stale_policy = excluded.stale_policy, updated_at = now()
            RETURNING {Columns}
            """, new { apiKeyId, name, maxAge, stalePolicy }, cancellationToken: ct));
    }

    /// <summary>How many contacts the consumer has been handed.</summary>
    public async Task<long> ClaimedCountAsync(long consumerId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM claims WHERE consumer_id = @consumerId", new { consumerId }, cancellationToken: ct));
    }
}

using System.Security.Cryptography;
using System.Text;
using Dapper;
using Npgsql;

namespace Enrichment.Storage.Keys;

/// <summary>
/// api_keys. A key reads <c>enr_&lt;prefix&gt;_&lt;secret&gt;</c>: the prefix finds the row, the SHA-256 of the whole key
/// is compared in constant time. Keys carry 192 random bits, so a fast hash is enough (no password stretching).
/// </summary>
public sealed class ApiKeyStore(NpgsqlDataSource dataSource)
{
    const string Scheme = "enr_";

    public async Task<CreatedApiKey> CreateAsync(string name, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var prefix = Convert.ToHexString(RandomNumberGenerator.GetBytes(6)).ToLowerInvariant();
        var secret = Base64Url(RandomNumberGenerator.GetBytes(24));
        var key = $"{Scheme}{prefix}_{secret}";
        var callbackSecret = Base64Url(RandomNumberGenerator.GetBytes(32));
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var id = await connection.ExecuteScalarAsync<long>(new CommandDefinition("""
            INSERT INTO api_keys (name, key_prefix, key_hash, callback_secret)
            VALUES (@name, @prefix, @hash, @callbackSecret)
            RETURNING id
            """, new { name, prefix, hash = Hash(key), callbackSecret }, cancellationToken: ct));
        return new CreatedApiKey(id, name, key, callbackSecret);
    }

    /// <summary>The key's record, or null when the key is unknown, malformed or revoked.</summary>
    public async Task<ApiKey?> FindAsync(string? key, CancellationToken ct)
    {
        if (key is null || !key.StartsWith(Scheme, StringComparison.Ordinal) || key.Length > 200)
            return null;
        var underscore = key.IndexOf('_', Scheme.Length);
        if (underscore < 0)
            return null;
        var prefix = key[Scheme.Length..underscore];
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var row = await connection.QuerySingleOrDefaultAsync<(long Id, string Name, byte[] KeyHash, string CallbackSecret)>(new CommandDefinition("""
            SELECT id, name, key_hash, callback_secret FROM api_keys
            WHERE key_prefix = @prefix AND revoked_at IS NULL
            """, new { prefix }, cancellationToken: ct));
        if (row.KeyHash is null || !CryptographicOperations.FixedTimeEquals(row.KeyHash, Hash(key)))
            return null;
        return new ApiKey(row.Id, row.Name, row.CallbackSecret);
    }

    public async Task<ApiKey?> GetAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<ApiKey>(new CommandDefinition(
            "SELECT id AS Id, name AS Name, callback_secret AS CallbackSecret FROM api_keys WHERE id = @id", new { id }, cancellationToken: ct));
    }

    public async Task<bool> RevokeAsync(long id, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition(
            "UPDATE api_keys SET revoked_at = now() WHERE id = @id AND revoked_at IS NULL", new { id }, cancellationToken: ct)) == 1;
    }

    static byte[] Hash(string key) => SHA256.HashData(Encoding.UTF8.GetBytes(key));

    static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}

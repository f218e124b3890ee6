using Dapper;
using Npgsql;

namespace Enrichment.Storage.Callbacks;

/// <summary>callbacks: the outbox of list-complete POSTs (written when a list completes, delivered by a job).</summary>
public sealed class CallbackStore(NpgsqlDataSource dataSource)
{
    /// <summary>The callback of a list with the signing secret of the key that uploaded it.</summary>
    public async Task<PendingCallback?> ForListAsync(long listId, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.QuerySingleOrDefaultAsync<PendingCallback>(new CommandDefinition("""
            SELECT c.id, c.list_id, c.url, c.body, c.attempts, c.delivered_at, k.callback_secret
            FROM callbacks c JOIN lists l ON l.id = c.list_id LEFT JOIN api_keys k ON k.id = l.api_key_id
            WHERE c.list_id = @listId
            """, new { listId }, cancellationToken: ct));
    }

    public async Task MarkDeliveredAsync(long id, DateTimeOffset at, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE callbacks SET delivered_at = @at, attempts = attempts + 1, last_error = NULL WHERE id = @id AND delivered_at IS NULL
            """, new { id, at = at.UtcDateTime }, cancellationToken: ct));
    }

    public async Task MarkFailedAsync(long id, string error, DateTimeOffset nextAttemptAt, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE callbacks SET attempts = attempts + 1, last_error = @error, next_attempt_at = @nextAttemptAt
            WHERE id = @id AND delivered_at IS NULL
            """, new { id, error = error.Length > 500 ? error[..500] : error, nextAttemptAt = nextAttemptAt.UtcDateTime }, cancellationToken: ct));
    }
}

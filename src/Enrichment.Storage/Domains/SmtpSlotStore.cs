using Dapper;
using Npgsql;

namespace Enrichment.Storage.Domains;

/// <summary>
/// smtp_session_slots: session caps per MX provider that hold across processes. A provider has <c>cap</c> slot rows;
/// taking one is an UPDATE of a free or expired row under SKIP LOCKED, so two workers never hold the same slot and
/// a killed worker's slot frees itself when its lease runs out.
/// </summary>
public sealed class SmtpSlotStore(NpgsqlDataSource dataSource)
{
    /// <summary>Takes a free slot of <paramref name="provider"/> until <paramref name="leaseUntil"/>; null when all
    /// <paramref name="cap"/> slots are held.</summary>
    public async Task<int?> TryAcquireAsync(string provider, int cap, string holder, DateTimeOffset now, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        // Slot rows appear on first use; a cap raised later adds rows, a cap lowered ignores the slots above it.
        await connection.ExecuteAsync(new CommandDefinition("""
            INSERT INTO smtp_session_slots (provider, slot)
            SELECT @provider, s FROM generate_series(1, @cap) AS s
            ON CONFLICT DO NOTHING
            """, new { provider, cap }, cancellationToken: ct));
        return await connection.ExecuteScalarAsync<int?>(new CommandDefinition("""
            UPDATE smtp_session_slots SET holder = @holder, expires_at = @leaseUntil
            WHERE (provider, slot) = (
                SELECT provider, slot FROM smtp_session_slots
                WHERE provider = @provider AND slot <= @cap AND (holder IS NULL OR expires_at < @now)
                ORDER BY slot LIMIT 1
                FOR UPDATE SKIP LOCKED)
            RETURNING slot
            """, new { provider, cap, holder, now = now.UtcDateTime, leaseUntil = leaseUntil.UtcDateTime }, cancellationToken: ct));
    }

    /// <summary>Extends a held lease (a long session); false when the lease was lost (expired and taken).</summary>
    public async Task<bool> RenewAsync(string provider, int slot, string holder, DateTimeOffset leaseUntil, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE smtp_session_slots SET expires_at = @leaseUntil WHERE provider = @provider AND slot = @slot AND holder = @holder
            """, new { provider, slot, holder, leaseUntil = leaseUntil.UtcDateTime }, cancellationToken: ct)) == 1;
    }

    public async Task ReleaseAsync(string provider, int slot, string holder, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            UPDATE smtp_session_slots SET holder = NULL, expires_at = NULL WHERE provider = @provider AND slot = @slot AND holder = @holder
            """, new { provider, slot, holder }, cancellationToken: ct));
    }

    /// <summary>Slots of <paramref name="provider"/> held now (dashboard, tests).</summary>
    public async Task<int> HeldAsync(string provider, DateTimeOffset now, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return await connection.ExecuteScalarAsync<int>(new CommandDefinition("""
            SELECT count(*) FROM smtp_session_slots WHERE provider = @provider AND holder IS NOT NULL AND expires_at >= @now
            """, new { provider, now = now.UtcDateTime }, cancellationToken: ct));
    }
}

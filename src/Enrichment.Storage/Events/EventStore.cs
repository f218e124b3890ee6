using Dapper;
using Enrichment.Storage.Suppressions;
using Npgsql;

namespace Enrichment.Storage.Events;

/// <summary>
/// contact_events, and their effects in the same transaction: a hard bounce makes the address undeliverable (reason
/// "bounced") and suppresses it; an unsubscribe or a complaint suppresses it; soft bounces are counted; replies are
/// recorded. Suppression is global, so every consumer stops receiving the address at once.
/// </summary>
public sealed class EventStore(NpgsqlDataSource dataSource)
{
    public async Task<IReadOnlyList<EventOutcome>> RecordAsync(IReadOnlyList<ContactEvent> events, DateTimeOffset receivedAt, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(events);
        var outcomes = new List<EventOutcome>(events.Count);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        foreach (var e in events)
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                INSERT INTO contact_events (email, kind, source, occurred_at, received_at, detail)
                VALUES (@Email, @Kind, @Source, @occurredAt, @receivedAt, @Detail)
                """, new { e.Email, e.Kind, e.Source, occurredAt = e.OccurredAt.UtcDateTime, receivedAt = receivedAt.UtcDateTime, e.Detail }, tx, cancellationToken: ct));
            var undeliverable = false;
            if (e.Kind == ContactEventKinds.HardBounce)
            {
                // The bounce is the newest verdict there is: it replaces any verification (the domain comes from the address).
                undeliverable = await connection.ExecuteAsync(new CommandDefinition("""
                    INSERT INTO verifications (email, domain, status, risk, reasons, verified_at)
                    VALUES (@Email, split_part(@Email, '@', 2), 'undeliverable', 100, ARRAY['bounced'], @occurredAt)
                    ON CONFLICT (email) DO UPDATE SET status = 'undeliverable', risk = 100, reasons = ARRAY['bounced'],
                        smtp_code = NULL, smtp_reply = NULL, verified_at = greatest(verifications.verified_at, excluded.verified_at)
                    """, new { e.Email, occurredAt = e.OccurredAt.UtcDateTime }, tx, cancellationToken: ct)) > 0;
                await connection.ExecuteAsync(new CommandDefinition(
                    "UPDATE contacts SET updated_at = now() WHERE email = @Email", new { e.Email }, tx, cancellationToken: ct));
            }

            var reason = ContactEventKinds.SuppressionReason(e.Kind);
            if (reason is not null)
                await SuppressionStore.AddAsync(connection, tx, SuppressionKinds.Email, e.Email, reason, e.Source, ct);
            var softBounces = await connection.ExecuteScalarAsync<int>(new CommandDefinition(
                "SELECT count(*) FROM contact_events WHERE email = @Email AND kind = 'soft_bounce'", new { e.Email }, tx, cancellationToken: ct));
            outcomes.Add(new EventOutcome(e.Email, e.Kind, reason is not null, undeliverable, softBounces));
        }

        await tx.CommitAsync(ct);
        return outcomes;
    }
}

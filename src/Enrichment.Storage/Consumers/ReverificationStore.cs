using Dapper;
using Npgsql;

namespace Enrichment.Storage.Consumers;

/// <summary>reverifications: stale contacts a claim queued for a fresh verdict; the job removes each when done.</summary>
public sealed class ReverificationStore(NpgsqlDataSource dataSource)
{
    /// <summary>The addresses of the still-queued contacts among <paramref name="contactIds"/> (erased ones are gone).</summary>
    public async Task<IReadOnlyList<string>> PendingEmailsAsync(IReadOnlyCollection<long> contactIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var rows = await connection.QueryAsync<string>(new CommandDefinition("""
            SELECT c.email FROM reverifications r JOIN contacts c ON c.id = r.contact_id
            WHERE r.contact_id = ANY(@ids) ORDER BY c.email
            """, new { ids = contactIds.ToArray() }, cancellationToken: ct));
        return [.. rows];
    }

    public async Task DoneAsync(IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emails);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("""
            DELETE FROM reverifications WHERE contact_id IN (SELECT id FROM contacts WHERE email = ANY(@emails))
            """, new { emails = emails.ToArray() }, cancellationToken: ct));
    }

    /// <summary>Contact ids of the given addresses (a retry job is scheduled with ids, never addresses).</summary>
    public async Task<IReadOnlyList<long>> IdsAsync(IReadOnlyCollection<string> emails, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(emails);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        return [.. await connection.QueryAsync<long>(new CommandDefinition(
            "SELECT id FROM contacts WHERE email = ANY(@emails)", new { emails = emails.ToArray() }, cancellationToken: ct))];
    }
}

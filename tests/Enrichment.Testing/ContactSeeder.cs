using Npgsql;
using NpgsqlTypes;

namespace Enrichment.Testing;

/// <summary>
/// Seeds contacts with their verifications by binary COPY (100,000 in a second or two): contact i is
/// <c>p{i}@{domain}</c> with the status <paramref name="statusOf"/> gives it, verified at <paramref name="verifiedAt"/>.
/// Returns every contact's (id, email, status) for the test's expectations.
/// </summary>
public static class ContactSeeder
{
    public sealed record Seeded(long Id, string Email, string Status);

    public static async Task<IReadOnlyList<Seeded>> SeedAsync(
        NpgsqlDataSource dataSource, int count, Func<int, string> statusOf, Func<int, string> domainOf, DateTimeOffset verifiedAt, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        ArgumentNullException.ThrowIfNull(statusOf);
        ArgumentNullException.ThrowIfNull(domainOf);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        var emails = new string[count];
        var statuses = new string[count];
        await using (var contacts = await connection.BeginBinaryImportAsync(
            "COPY contacts (email, first_name, last_name, title, account_domain, source) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < count; i++)
            {
                var domain = domainOf(i);
                emails[i] = $"p{i}@{domain}";
                statuses[i] = statusOf(i);
                await contacts.StartRowAsync(ct);
                await contacts.WriteAsync(emails[i], NpgsqlDbType.Text, ct);
                await contacts.WriteAsync($"First{i}", NpgsqlDbType.Text, ct);
                await contacts.WriteAsync($"Last{i}", NpgsqlDbType.Text, ct);
                await contacts.WriteAsync(i % 3 == 0 ? "VP Sales" : "Engineer", NpgsqlDbType.Text, ct);
                await contacts.WriteAsync(domain, NpgsqlDbType.Text, ct);
                await contacts.WriteAsync("seed", NpgsqlDbType.Text, ct);
            }

            await contacts.CompleteAsync(ct);
        }

        await using (var verifications = await connection.BeginBinaryImportAsync(
            "COPY verifications (email, domain, status, risk, reasons, verified_at) FROM STDIN (FORMAT BINARY)", ct))
        {
            for (var i = 0; i < count; i++)
            {
                await verifications.StartRowAsync(ct);
                await verifications.WriteAsync(emails[i], NpgsqlDbType.Text, ct);
                await verifications.WriteAsync(emails[i][(emails[i].IndexOf('@') + 1)..], NpgsqlDbType.Text, ct);
                await verifications.WriteAsync(statuses[i], NpgsqlDbType.Text, ct);
                await verifications.WriteAsync(RiskOf(statuses[i]), NpgsqlDbType.Smallint, ct);
                await verifications.WriteAsync(Array.Empty<string>(), NpgsqlDbType.Array | NpgsqlDbType.Text, ct);
                await verifications.WriteAsync(verifiedAt.UtcDateTime, NpgsqlDbType.TimestampTz, ct);
            }

            await verifications.CompleteAsync(ct);
        }

        await using var analyze = new NpgsqlCommand("ANALYZE contacts; ANALYZE verifications", connection);
        await analyze.ExecuteNonQueryAsync(ct);
        var ids = new Dictionary<string, long>(count, StringComparer.Ordinal);
        await using (var read = new NpgsqlCommand("SELECT email, id FROM contacts WHERE source = 'seed'", connection))
        await using (var reader = await read.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
                ids[reader.GetString(0)] = reader.GetInt64(1);
        }

        return [.. Enumerable.Range(0, count).Select(i => new Seeded(ids[emails[i]], emails[i], statuses[i]))];
    }

    static short RiskOf(string status) => status switch
    {
        "deliverable" => 5,
        "risky" => 50,
        "unknown" => 60,
        _ => 100,
    };
}

using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Enrichment.Storage.Consumers;
using Enrichment.Storage.Contacts;
using Enrichment.Storage.Keys;
using Enrichment.Testing;
using Npgsql;

namespace Enrichment.Benchmarks;

/// <summary>
/// Issue 10's benchmark: concurrent pullers of one consumer take 100,000 contacts in claims of 100 from a private
/// PostgreSQL cluster on loopback. Our claims (insert-once claim table, FOR NO KEY UPDATE SKIP LOCKED, the
/// consumer's claimed_through as the scan start) against the naive baseline measured in the same run on the same
/// cluster: one transaction per claim that takes a table lock, SELECTs the first unclaimed rows with LIMIT and
/// UPDATEs them as claimed. Reports claims/s, p50/p99 latency of a claim, and duplicates (must be 0).
///   dotnet run -c Release --project tests/Enrichment.Benchmarks -- claims [--contacts 100000] [--pullers 8] [--batch 100] [--quick]
/// </summary>
internal static class ClaimsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var contacts = Arg(args, "--contacts", quick ? 20_000 : 100_000);
        var pullers = Arg(args, "--pullers", 8);
        var batch = Arg(args, "--batch", 100);
        Console.WriteLine($"claims: {contacts:N0} deliverable contacts, {pullers} concurrent pullers of one consumer, claims of {batch}");

        await using var server = await PostgresServer.StartAsync();
        var connectionString = await server.CreateMigratedDatabaseAsync("claims_bench");
        var builder = new NpgsqlConnectionStringBuilder(connectionString) { MaxPoolSize = pullers * 2 + 4 };
        await using var dataSource = NpgsqlDataSource.Create(builder.ConnectionString);
        var now = DateTimeOffset.UtcNow;
        var seedClock = Stopwatch.StartNew();
        await ContactSeeder.SeedAsync(dataSource, contacts, _ => "deliverable", i => $"company{i % 2000}.bench", now.AddDays(-1));
        await using (var connection = await dataSource.OpenConnectionAsync())
        await using (var naiveTable = new NpgsqlCommand("""
            CREATE TABLE naive_contacts AS SELECT c.id, c.email, v.status, NULL::text AS claimed_by
            FROM contacts c JOIN verifications v ON v.email = c.email;
            ALTER TABLE naive_contacts ADD PRIMARY KEY (id);
            ANALYZE naive_contacts;
            """, connection))
        {
            await naiveTable.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"seeded by binary COPY in {seedClock.Elapsed.TotalSeconds:F1} s");

        var naive = await MeasureAsync("naive: LOCK TABLE + SELECT … LIMIT + UPDATE", pullers, contacts, ct => NaiveClaimAsync(dataSource, batch, ct));
        var key = await new ApiKeyStore(dataSource).CreateAsync("bench", default);
        var consumer = await new ConsumerStore(dataSource).GetOrCreateAsync(key.Id, "bench", default);
        var claims = new ClaimStore(dataSource);
        var ours = await MeasureAsync("claims: SKIP LOCKED + insert-once", pullers, contacts, async ct =>
            [.. (await claims.ClaimAsync(new ClaimRequest(consumer.Id, new ContactFilter(["deliverable"]), batch, null, StalePolicies.Skip, now), ct)).Items.Select(i => i.Id)]);

        Console.WriteLine();
        Console.WriteLine($"claims/s ratio ours/naive: {ours.ClaimsPerSecond / naive.ClaimsPerSecond:F2}x; p99 latency ratio naive/ours: {naive.P99 / ours.P99:F2}x");
        return ours.Duplicates + naive.Duplicates == 0 && ours.Missing + naive.Missing == 0 ? 0 : 1;
    }

    sealed record Measurement(double ClaimsPerSecond, double P50, double P99, int Duplicates, int Missing);

    static async Task<Measurement> MeasureAsync(string name, int pullers, int expected, Func<CancellationToken, Task<long[]>> claim)
    {
        var latencies = new ConcurrentBag<double>();
        var received = new ConcurrentBag<long>();
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, pullers).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                var started = Stopwatch.GetTimestamp();
                var ids = await claim(CancellationToken.None);
                latencies.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                foreach (var id in ids)
                    received.Add(id);
                if (ids.Length == 0)
                    return;
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var sorted = latencies.Order().ToArray();
        var all = received.ToArray();
        var distinct = all.Distinct().Count();
        var m = new Measurement(sorted.Length / elapsed, Percentile(sorted, 0.50), Percentile(sorted, 0.99), all.Length - distinct, expected - distinct);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{name,-45} {elapsed,6:F1} s  {sorted.Length,5} claims  {m.ClaimsPerSecond,7:F1} claims/s  {all.Length / elapsed,8:F0} contacts/s  p50 {m.P50,7:F1} ms  p99 {m.P99,7:F1} ms  duplicates {m.Duplicates}  missing {m.Missing}"));
        return m;
    }

    /// <summary>The naive claim: the whole table locked for one claim at a time.</summary>
    static async Task<long[]> NaiveClaimAsync(NpgsqlDataSource dataSource, int batch, CancellationToken ct)
    {
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await using var tx = await connection.BeginTransactionAsync(ct);
        await using (var lockTable = new NpgsqlCommand("LOCK TABLE naive_contacts IN EXCLUSIVE MODE", connection, tx))
            await lockTable.ExecuteNonQueryAsync(ct);
        var ids = new List<long>(batch);
        await using (var select = new NpgsqlCommand(
            "SELECT id FROM naive_contacts WHERE claimed_by IS NULL AND status = 'deliverable' ORDER BY id LIMIT $1", connection, tx))
        {
            select.Parameters.AddWithValue(batch);
            await using var reader = await select.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
                ids.Add(reader.GetInt64(0));
        }

        await using (var update = new NpgsqlCommand("UPDATE naive_contacts SET claimed_by = 'bench' WHERE id = ANY($1)", connection, tx))
        {
            update.Parameters.AddWithValue(ids.ToArray());
            await update.ExecuteNonQueryAsync(ct);
        }

        await tx.CommitAsync(ct);
        return [.. ids];
    }

    static double Percentile(double[] sorted, double p) =>
        sorted.Length == 0 ? 0 : sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p * sorted.Length) - 1)];

    static int Arg(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Enrichment.Storage.Lists;
using Enrichment.Testing;
using Npgsql;

namespace Enrichment.Benchmarks;

/// <summary>
/// The ops pages' render time with a big list in the database: the real service process (no jobs) on a private
/// PostgreSQL cluster holding one list of --rows rows (binary COPY through the import's writer, 60% of its domains
/// settled through the same triggers the jobs fire) plus 30 small lists. Times the Lists page, the list's page and
/// a deep page of its rejected rows against two baselines measured in the same run, interleaved: a <c>SELECT 1</c>
/// round trip and GET /health/live.
///   dotnet run -c Release --project tests/Enrichment.Benchmarks -- dashboard [--rows 1000000] [--requests 200] [--quick]
/// </summary>
internal static class DashboardRender
{
    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var rows = Option(args, "--rows", quick ? 100_000 : 1_000_000);
        var requests = Option(args, "--requests", quick ? 50 : 200);
        var domains = Math.Max(1, rows / 50);

        await using var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateMigratedDatabaseAsync("dashboard_bench");
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var seed = Stopwatch.StartNew();
        var listId = await SeedAsync(dataSource, rows, domains);
        Console.WriteLine($"seeded list {listId}: {rows:N0} rows over {domains:N0} domains (+30 small lists) in {seed.Elapsed.TotalSeconds:F1} s");

        var port = FreePort();
        using var service = StartService(connectionString, port);
        using var http = new HttpClient(new SocketsHttpHandler { UseProxy = false }) { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(30) };
        await WaitUntilUpAsync(http, service);

        var targets = new (string Name, Func<Task> Run)[]
        {
            ("SELECT 1 (baseline)", async () =>
            {
                await using var connection = await dataSource.OpenConnectionAsync();
                await using var command = new NpgsqlCommand("SELECT 1", connection);
                await command.ExecuteScalarAsync();
            }),
            ("GET /health/live (baseline)", () => GetAsync(http, "/health/live")),
            ("Lists page", () => GetAsync(http, "/hangfire/ops/lists")),
            ("Lists page, name search + state filter", () => GetAsync(http, "/hangfire/ops/lists?search=list&state=complete")),
            ($"List page ({rows:N0} rows)", () => GetAsync(http, $"/hangfire/ops/lists/{listId}")),
            ("List page, rejected rows deep page", () => GetAsync(http, $"/hangfire/ops/lists/{listId}?rejected_after={rows * 9 / 10}")),
        };

        foreach (var (_, run) in targets)
        {
            for (var i = 0; i < 10; i++)
                await run();
        }

        var times = targets.Select(_ => new List<double>(requests)).ToArray();
        for (var i = 0; i < requests; i++)
        {
            for (var t = 0; t < targets.Length; t++)
            {
                var watch = Stopwatch.StartNew();
                await targets[t].Run();
                times[t].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var health = Percentile(times[1], 50);
        Console.WriteLine($"{requests} requests each, interleaved; target < 200 ms");
        Console.WriteLine($"{"",-40} {"p50 ms",8} {"p95 ms",8} {"max ms",8} {"p50 / health",13}");
        for (var t = 0; t < targets.Length; t++)
        {
            var p50 = Percentile(times[t], 50);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{targets[t].Name,-40} {p50,8:F1} {Percentile(times[t], 95),8:F1} {times[t].Max(),8:F1} {p50 / health,12:F1}x"));
        }

        service.Kill(entireProcessTree: true);
        return Percentile(times[3], 95) < 200 && Percentile(times[2], 95) < 200 ? 0 : 1;
    }

    static async Task<long> SeedAsync(NpgsqlDataSource dataSource, int rows, int domains)
    {
        var lists = new ListStore(dataSource);
        var listId = await lists.CreateAsync(new NewList(null, "bench list", "bench.csv", null, null), default);
        await using (var writer = await new ListRowStore(dataSource).BeginImportAsync(listId, DateTimeOffset.UtcNow, default))
        {
            for (var i = 1; i <= rows; i++)
            {
                if (i % 100 == 0)
                {
                    writer.Write(new ListRowInsert(i, i + 1, ["", "", "", "Acme"], null, null, Company: "Acme", RejectionReason: "no_email_or_name", RejectionColumn: "email"));
                    continue;
                }

                // Every 97th row repeats the address of the row before it (a duplicate).
                var n = i % 97 == 0 ? i - 1 : i;
                var email = $"p{n}@company{n % domains:D6}.bench.test";
                writer.Write(new ListRowInsert(i, i + 1, [email, "First", "Last", "Acme"], email, email[(email.IndexOf('@') + 1)..],
                    "First", "Last", Company: "Acme", DuplicateOf: i % 97 == 0 ? 0 : null));
            }

            await writer.CompleteAsync(default);
        }

        await using var connection = await dataSource.OpenConnectionAsync();
        var step = Stopwatch.StartNew();
        await using (var analyze = new NpgsqlCommand("ANALYZE list_rows", connection))
            await analyze.ExecuteNonQueryAsync();
        await lists.FinishImportAsync(listId, ["email", "first_name", "last_name", "company"], """{"source":"bench.csv","rows_read":0}""", default);
        Console.WriteLine($"  import finished (duplicates resolved, domains planned) in {step.Elapsed.TotalSeconds:F1} s");
        var settle = (domains * 6 / 10).ToString(CultureInfo.InvariantCulture);
        foreach (var sql in new[]
        {
            "INSERT INTO domains (domain, mx_hosts, provider) SELECT domain, ARRAY['mx1.' || domain], 'bench-mx' FROM list_domains WHERE list_id = @id",
            $"""
            UPDATE list_rows SET
                status = CASE WHEN row_no % 10 < 7 THEN 'deliverable' WHEN row_no % 10 = 7 THEN 'risky' WHEN row_no % 10 = 8 THEN 'undeliverable' ELSE 'unknown' END,
                risk = CASE WHEN row_no % 10 < 7 THEN 3 WHEN row_no % 10 = 7 THEN 40 ELSE 100 END,
                reasons = CASE WHEN row_no % 10 = 7 THEN ARRAY['catch_all'] WHEN row_no % 10 = 8 THEN ARRAY['mailbox_not_found'] WHEN row_no % 10 = 9 THEN ARRAY['smtp_timeout'] ELSE ARRAY[]::text[] END,
                mx_host = 'mx1.' || domain, settled_at = now()
            WHERE list_id = @id AND rejection_reason IS NULL
              AND domain IN (SELECT domain FROM list_domains WHERE list_id = @id ORDER BY domain LIMIT {settle})
            """,
            $"UPDATE list_domains SET state = 'done' WHERE list_id = @id AND domain IN (SELECT domain FROM list_domains WHERE list_id = @id ORDER BY domain LIMIT {settle})",
            "UPDATE list_domains SET state = 'waiting_retry', retry_at = now() + interval '12 minutes' WHERE list_id = @id AND state = 'pending' AND domain LIKE '%9.bench.test'",
            """
            UPDATE lists SET state = 'running', started_at = now() - interval '10 minutes',
                rows_settled = c.settled, count_deliverable = c.d, count_risky = c.r, count_undeliverable = c.u, count_unknown = c.k,
                domains_pending = (SELECT count(*) FROM list_domains WHERE list_id = @id AND state <> 'done')
            FROM (SELECT count(*) FILTER (WHERE settled_at IS NOT NULL AND rejection_reason IS NULL) AS settled,
                         count(*) FILTER (WHERE status = 'deliverable') AS d, count(*) FILTER (WHERE status = 'risky') AS r,
                         count(*) FILTER (WHERE status = 'undeliverable') AS u, count(*) FILTER (WHERE status = 'unknown') AS k
                  FROM list_rows WHERE list_id = @id) c
            WHERE id = @id
            """,
            """
            INSERT INTO lists (name, state, rows_total, rows_settled, count_deliverable, count_undeliverable, created_at, started_at, completed_at)
            SELECT 'small list ' || g, 'complete', 1000, 1000, 800, 200, now() - g * interval '1 hour', now() - g * interval '1 hour', now() - g * interval '1 hour' + interval '5 minutes'
            FROM generate_series(1, 30) g
            """,
            "VACUUM ANALYZE",
        })
        {
            await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 0 };
            command.Parameters.AddWithValue("id", listId);
            await command.ExecuteNonQueryAsync();
        }

        return listId;
    }

    static Process StartService(string connectionString, int port)
    {
        var dll = Path.Combine(RepoRoot(), "src", "Enrichment.Service", "bin", "Release", "net10.0", "Enrichment.Service.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: dotnet build src/Enrichment.Service -c Release");
        var start = new ProcessStartInfo("dotnet", [dll]) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        start.Environment["ConnectionStrings__Enrichment"] = connectionString;
        start.Environment["Enrichment__RunJobs"] = "false";
        start.Environment["Urls"] = $"http://127.0.0.1:{port}";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        var process = Process.Start(start)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    static async Task WaitUntilUpAsync(HttpClient http, Process service)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (service.HasExited)
                throw new InvalidOperationException($"the service exited with {service.ExitCode}");
            try
            {
                using var response = await http.GetAsync("/health/live");
                if (response.StatusCode == HttpStatusCode.OK)
                    return;
            }
            catch (HttpRequestException)
            {
            }

            await Task.Delay(200);
        }

        throw new TimeoutException("the service did not answer /health/live within 120 s");
    }

    static async Task GetAsync(HttpClient http, string path)
    {
        using var response = await http.GetAsync(path);
        var body = await response.Content.ReadAsByteArrayAsync();
        if (response.StatusCode != HttpStatusCode.OK || body.Length == 0)
            throw new InvalidOperationException($"GET {path} answered {(int)response.StatusCode}");
    }

    static double Percentile(List<double> values, int p)
    {
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
    }

    static int Option(string[] args, string name, int fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static string RepoRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Enrichment.sln")))
                return dir.FullName;
        }

        throw new InvalidOperationException("Enrichment.sln not found above " + AppContext.BaseDirectory);
    }
}

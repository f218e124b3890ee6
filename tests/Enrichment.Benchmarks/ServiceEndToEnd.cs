using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Dapper;
using Enrichment.Storage.Keys;
using Enrichment.Testing;
using Npgsql;

namespace Enrichment.Benchmarks;

/// <summary>
/// A list through the whole service: upload → plan → one Hangfire job per domain → DomainVerifier against fake DNS
/// and a fake SMTP server answering each reply after 20 ms → complete. Run once with one service process and once
/// with two on the same database (same list, fresh database each). Prints contacts/s of each and their ratio
/// (target ≥ 1.8×), SMTP connections per contact (≤ 0.03), and Hangfire's overhead: jobs/s and time in the queue
/// (enqueued → processing) of the domain jobs.
///   dotnet run -c Release --project tests/Enrichment.Benchmarks -- service-end-to-end [--contacts 100000] [--domains 2000] [--workers 20] [--quick]
/// </summary>
internal static class ServiceEndToEnd
{
    sealed record Run(int Processes, double Seconds, int Connections, int Jobs, double QueueP50Ms, double QueueP95Ms, int Deliverable, int Undeliverable,
        double JobP50Ms, double JobP95Ms, double WorkersBusy, double ServiceCpu, double PostgresCpu, double FakesCpu, string Load, double EnqueueSeconds);

    public static async Task<int> RunAsync(string[] args)
    {
        var quick = args.Contains("--quick");
        var contacts = SmtpThroughput.Arg(args, "--contacts", quick ? 10_000 : 100_000);
        var domains = SmtpThroughput.Arg(args, "--domains", quick ? 200 : 2_000);
        var workers = SmtpThroughput.Arg(args, "--workers", 20);
        var replyMs = SmtpThroughput.Arg(args, "--reply-ms", 20);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{contacts:N0} contacts over {domains:N0} domains, {replyMs} ms per SMTP reply, {workers} workers per process"));

        await using var environment = BenchEnvironment.Start(domains, TimeSpan.FromMilliseconds(replyMs));
        var csv = Csv(contacts, environment.Domains);
        await using var postgres = await PostgresServer.StartAsync();
        var one = await RunOnceAsync(postgres, environment, csv, 1, workers);
        var two = await RunOnceAsync(postgres, environment, csv, 2, workers);

        foreach (var run in new[] { one, two })
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{run.Processes} process(es): {run.Seconds,6:F1} s  {contacts / run.Seconds,7:N0} contacts/s  {run.Connections / (double)contacts:F4} SMTP connections/contact  " +
                $"{run.Jobs:N0} domain jobs, {run.Jobs / run.Seconds:F1} jobs/s, queue time p50 {run.QueueP50Ms:F0} ms p95 {run.QueueP95Ms:F0} ms  " +
                $"({run.Deliverable:N0} deliverable, {run.Undeliverable:N0} undeliverable)"));
            // Where the time went: a job's own duration, how busy the workers were, and CPU seconds per 1,000 contacts
            // (service processes, PostgreSQL, the fake servers) against the CPU the machine offered in the run.
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"    plan: {run.Jobs:N0} domain jobs enqueued in {run.EnqueueSeconds:F1} s ({run.Jobs / Math.Max(run.EnqueueSeconds, 0.001):F0}/s); job duration p50 {run.JobP50Ms:F0} ms p95 {run.JobP95Ms:F0} ms; workers busy {run.WorkersBusy:P0}; CPU s per 1,000 contacts: service {1000 * run.ServiceCpu / contacts:F2}, " +
                $"PostgreSQL {1000 * run.PostgresCpu / contacts:F2}, fakes {1000 * run.FakesCpu / contacts:F2}; CPU used {(run.ServiceCpu + run.PostgresCpu + run.FakesCpu) / run.Seconds:F2} of {Environment.ProcessorCount} cores; load {run.Load}"));
        }

        var ratio = one.Seconds / two.Seconds;
        var perContact = Math.Max(one.Connections, two.Connections) / (double)contacts;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"two processes / one: {ratio:F2}x (target >= 1.8x: {(ratio >= 1.8 ? "met" : "missed")}); connections per contact {perContact:F4} (target <= 0.03: {(perContact <= 0.03 ? "met" : "missed")})"));
        var expectedDeliverable = Enumerable.Range(0, contacts).Count(i => i % 10 != 0);
        var correct = one.Deliverable == expectedDeliverable && two.Deliverable == expectedDeliverable
            && one.Undeliverable == contacts - expectedDeliverable && two.Undeliverable == contacts - expectedDeliverable;
        Console.WriteLine(correct ? "verdicts: all as expected" : $"verdicts: WRONG (expected {expectedDeliverable:N0} deliverable)");
        return correct && ratio >= 1.8 && perContact <= 0.03 ? 0 : 1;
    }

    /// <summary>Nine in ten addresses exist ("p…"), one in ten does not ("x…"), spread round-robin over the domains.</summary>
    static byte[] Csv(int contacts, IReadOnlyList<string> domains)
    {
        var csv = new StringBuilder("email,first_name,last_name\n");
        for (var i = 0; i < contacts; i++)
            csv.Append(CultureInfo.InvariantCulture, $"{(i % 10 == 0 ? 'x' : 'p')}{i}@{domains[i % domains.Count]},First{i},Last{i}\n");
        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    static async Task<Run> RunOnceAsync(PostgresServer postgres, BenchEnvironment environment, byte[] csv, int processes, int workers)
    {
        var connectionString = await postgres.CreateDatabaseAsync($"bench_e2e_{processes}");
        var settings = new Dictionary<string, string>
        {
            ["ConnectionStrings__Enrichment"] = connectionString,
            ["Enrichment__Workers"] = workers.ToString(CultureInfo.InvariantCulture),
            ["Enrichment__QueuePollInterval"] = "00:00:00.500",
            ["Enrichment__Verification__Nameservers__0"] = environment.Dns.EndPoint.ToString(),
            ["Enrichment__Verification__SmtpPort"] = environment.SmtpPort.ToString(CultureInfo.InvariantCulture),
            ["Enrichment__Verification__HeloName"] = "bench.enrichment.test",
        };
        var services = new List<ServiceProcess>();
        try
        {
            for (var i = 0; i < processes; i++)
                services.Add(await ServiceProcess.StartAsync(settings));
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            var key = await new ApiKeyStore(dataSource).CreateAsync("bench", default);
            using var http = services[0].Client(key.Key);
            await using var connection = await dataSource.OpenConnectionAsync();
            // Warm-up: a small list on domains of its own, so every process has jitted its paths and filled its pools
            // before the clock starts (steady state; the measured list reuses none of its verdicts).
            await RunListAsync(http, connection, WarmUpCsv(environment, processes), TimeSpan.FromMinutes(10));

            var postmaster = ProcessCpu.Parent(await connection.ExecuteScalarAsync<int>("SELECT pg_backend_pid()"));
            double Cpu() => services.Sum(p => ProcessCpu.Seconds(p.Id));
            var (serviceCpu, postgresCpu, fakesCpu) = (Cpu(), ProcessCpu.ServerSeconds(postmaster), ProcessCpu.Seconds(Environment.ProcessId));
            var loadBefore = File.ReadAllText("/proc/loadavg").Split(' ')[0];
            var connectionsBefore = environment.Smtp.ConnectionCount;
            var jobsSince = await connection.ExecuteScalarAsync<DateTime>("SELECT now() AT TIME ZONE 'utc'");
            var clock = Stopwatch.StartNew();
            var id = await RunListAsync(http, connection, csv, TimeSpan.FromMinutes(30));
            var seconds = clock.Elapsed.TotalSeconds;
            (serviceCpu, postgresCpu, fakesCpu) = (Cpu() - serviceCpu, ProcessCpu.ServerSeconds(postmaster) - postgresCpu, ProcessCpu.Seconds(Environment.ProcessId) - fakesCpu);
            var load = $"{loadBefore} -> {File.ReadAllText("/proc/loadavg").Split(' ')[0]}";
            var counts = await connection.QuerySingleAsync<(int Deliverable, int Undeliverable)>("SELECT count_deliverable, count_undeliverable FROM lists WHERE id = @id", new { id });
            // Time in the queue: from the job's creation (enqueued) to its first Processing state.
            var waits = (await connection.QueryAsync<double>("""
                SELECT extract(epoch FROM (min(s.createdat) - j.createdat)) * 1000
                FROM hangfire.job j JOIN hangfire.state s ON s.jobid = j.id AND s.name = 'Processing'
                WHERE j.invocationdata::text LIKE '%VerifyDomainJob%' AND j.createdat >= @jobsSince
                GROUP BY j.id, j.createdat
                """, new { jobsSince })).Order().ToList();
            // A job's duration: its Processing state to its Succeeded state.
            var durations = (await connection.QueryAsync<double>("""
                SELECT extract(epoch FROM (max(s.createdat) FILTER (WHERE s.name = 'Succeeded') - max(s.createdat) FILTER (WHERE s.name = 'Processing'))) * 1000
                FROM hangfire.job j JOIN hangfire.state s ON s.jobid = j.id
                WHERE j.invocationdata::text LIKE '%VerifyDomainJob%' AND j.createdat >= @jobsSince
                GROUP BY j.id HAVING count(*) FILTER (WHERE s.name = 'Succeeded') > 0
                """, new { jobsSince })).Order().ToList();
            var busy = durations.Sum() / 1000 / (seconds * processes * workers);
            // The plan job's pace: first to last domain job created (the one serial step of a list).
            var enqueueSeconds = await connection.ExecuteScalarAsync<double>("""
                SELECT coalesce(extract(epoch FROM max(createdat) - min(createdat)), 0)::float8 FROM hangfire.job
                WHERE invocationdata::text LIKE '%VerifyDomainJob%' AND createdat >= @jobsSince
                """, new { jobsSince });
            return new Run(processes, seconds, environment.Smtp.ConnectionCount - connectionsBefore, waits.Count,
                Percentile(waits, 0.5), Percentile(waits, 0.95), counts.Deliverable, counts.Undeliverable,
                Percentile(durations, 0.5), Percentile(durations, 0.95), busy, serviceCpu, postgresCpu, fakesCpu, load, enqueueSeconds);
        }
        finally
        {
            foreach (var service in services)
                await service.DisposeAsync();
            await postgres.DropDatabaseAsync(connectionString);
        }
    }

    /// <summary>Uploads <paramref name="csv"/> and waits for the list to complete; returns its id.</summary>
    static async Task<long> RunListAsync(HttpClient http, NpgsqlConnection connection, byte[] csv, TimeSpan within)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(csv);
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", "bench.csv");
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync("api/lists", form);
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        var id = System.Text.Json.JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("id").GetInt64();
        while (await connection.ExecuteScalarAsync<string>("SELECT state FROM lists WHERE id = @id", new { id }) != "complete")
        {
            if (clock.Elapsed > within)
                throw new TimeoutException($"list {id} did not complete within {within}");
            await Task.Delay(200);
        }

        return id;
    }

    /// <summary>20 contacts on each of 20 domains per process, none of them the measured list's.</summary>
    static byte[] WarmUpCsv(BenchEnvironment environment, int processes)
    {
        var csv = new StringBuilder("email,first_name,last_name\n");
        for (var d = 0; d < 20 * processes; d++)
        {
            var domain = $"warmup{processes}x{d:D2}-bench.test";
            environment.Dns.AddMailDomain(domain, IPAddress.Loopback);
            for (var i = 0; i < 20; i++)
                csv.Append(CultureInfo.InvariantCulture, $"p{i}@{domain},Warm{i},Up{d}\n");
        }

        return Encoding.UTF8.GetBytes(csv.ToString());
    }

    static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];
}

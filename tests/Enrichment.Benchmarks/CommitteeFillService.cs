using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Enrichment.Committee.Templates;
using Enrichment.Finding.DomainSearch;
using Enrichment.Finding.DomainSearch.Providers;
using Enrichment.Storage.Contacts;
using Enrichment.Storage.Keys;
using Enrichment.Testing;
using Enrichment.Testing.Finding;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Enrichment.Benchmarks;

/// <summary>
/// committee-fill-service [--accounts N] [--quick]: the committee fill through the real parts — the service in process
/// on PostgreSQL (its schema, Hangfire's queues and workers), the accounts CSV import and POST /api/accounts/fill, one
/// FillCommitteeJob per account reading our contacts and uploaded names from PostgreSQL, Hunter's domain search
/// (WireMock on loopback, through the real Refit client) and DomainVerifier against fake DNS + SMTP on loopback.
/// The same companies as committee-fill: half of each company's known people are our contacts, half come from the
/// provider with their positions, the people to find are names uploaded without addresses. Prints accounts/min,
/// RCPTs per verified member and completeness, next to the in-process fill of committee-fill measured in the same run
/// (learned formats, and its guessing-without-learning baseline).
/// </summary>
internal static class CommitteeFillService
{
    public static async Task<int> RunAsync(string[] args)
    {
        var accounts = args.Contains("--quick") ? 50 : SmtpThroughput.Arg(args, "--accounts", 500);
        var seed = SmtpThroughput.Arg(args, "--seed", 20260101);
        var workers = SmtpThroughput.Arg(args, "--workers", 8);
        var set = EvaluationSet.Generate(accounts, seed);
        var template = CommitteeTemplates.Load(Path.Combine(CommitteeFill.FindConfig(), CommitteeTemplates.FileName)).Default;
        Console.WriteLine($"committee-fill-service: {accounts} accounts, seed {seed}, {workers} workers, template {template.Id}");

        var inProcess = await CommitteeFill.MeasureAsync("in process, learned formats", set, template, learn: true);
        var baseline = await CommitteeFill.MeasureAsync("in process, no learning (baseline)", set, template, learn: false);
        var service = await MeasureServiceAsync(set, workers);

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"service: {service.PerMinute:F0} accounts/min ({service.PerMinute / inProcess.PerMinute:F2}x the in-process fill, {service.PerMinute / baseline.PerMinute:F2}x the baseline); " +
            $"{service.RcptsPerVerified:F2} RCPTs per verified member (in process {inProcess.RcptsPerVerified:F2}, baseline {baseline.RcptsPerVerified:F2}); " +
            $"completeness {service.Before:P1} -> {service.After:P1} (in process {inProcess.After:P1}, baseline {baseline.After:P1})"));
        return service.Failed == 0 ? 0 : 1;
    }

    sealed record ServiceMeasurement(double RcptsPerVerified, double Before, double After, double PerMinute, int Failed);

    static async Task<ServiceMeasurement> MeasureServiceAsync(IReadOnlyList<EvaluationCompany> set, int workers)
    {
        var mailboxes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var dns = FakeDnsServer.Start();
        foreach (var company in set)
        {
            dns.AddMailDomain(company.Domain, IPAddress.Loopback);
            mailboxes.UnionWith(company.Known.Select(k => $"{k.LocalPart}@{company.Domain}"));
            mailboxes.UnionWith(company.Targets.Select(t => $"{t.TrueLocalPart}@{company.Domain}"));
        }

        await using var smtp = FakeSmtpServer.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes([.. mailboxes]) });
        using var hunter = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        await using var postgres = await PostgresServer.StartAsync();
        var connectionString = await postgres.CreateDatabaseAsync("bench_committee");
        await using var data = NpgsqlDataSource.Create(connectionString);

        // WebApplicationFactory finds the service's content root through this variable when, as here, the program is not a test project.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_ENRICHMENT_SERVICE", ServiceDirectory());
        await using var app = new App(connectionString, dns, smtp, workers, new Uri(hunter.Urls[0]));
        _ = app.Server; // schema and Hangfire server
        var key = await new ApiKeyStore(data).CreateAsync("bench", default);
        using var client = app.CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);

        // The people at each domain: even known people are our contacts, odd ones come from the provider with a position,
        // the targets are names uploaded without addresses. Titles in turn, as committee-fill gives them.
        var contacts = new List<ContactRecord>();
        var uploads = new List<(string First, string? Last, string? Full, string Domain, string Title)>();
        foreach (var company in set)
        {
            var t = company.Domain.Length;
            var provided = new List<object>();
            var i = 0;
            foreach (var k in company.Known.Where(k => k.FirstName is not null))
            {
                var title = CommitteeFill.Titles[t++ % CommitteeFill.Titles.Length];
                if (i++ % 2 == 0)
                    contacts.Add(new ContactRecord($"{k.LocalPart}@{company.Domain}", k.FirstName, k.LastName, null, title, company.Domain, "bench"));
                else
                    provided.Add(new { value = $"{k.LocalPart}@{company.Domain}", type = "personal", confidence = 90, sources = Array.Empty<object>(), first_name = k.FirstName, last_name = k.LastName, position = title });
            }

            foreach (var target in company.Targets)
                uploads.Add((target.FirstName ?? "", target.LastName, target.FullName, company.Domain, CommitteeFill.Titles[t++ % CommitteeFill.Titles.Length]));
            var body = JsonSerializer.Serialize(new { data = new { domain = company.Domain, accept_all = false, emails = provided }, meta = new { results = provided.Count, limit = 10, offset = 0 } });
            hunter.Given(Request.Create().WithPath("/v2/domain-search").WithParam("domain", company.Domain).UsingGet())
                .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
        }

        await new ContactStore(data).UpsertAsync(contacts, default);
        await using (var connection = await data.OpenConnectionAsync())
        {
            var listId = await connection.ExecuteScalarAsync<long>("INSERT INTO lists (name, state) VALUES ('names', 'complete') RETURNING id");
            await connection.ExecuteAsync("""
                INSERT INTO list_rows (list_id, row_no, line, fields, first_name, last_name, full_name, company_domain, title)
                SELECT @listId, n, n + 1, '{}', f, nullif(l, ''), nullif(u, ''), d, t
                FROM unnest(@firsts, @lasts, @fulls, @domains, @titles) WITH ORDINALITY AS x(f, l, u, d, t, n)
                """, new
            {
                listId,
                firsts = uploads.Select(u => u.First).ToArray(),
                lasts = uploads.Select(u => u.Last ?? "").ToArray(),
                fulls = uploads.Select(u => u.Full ?? "").ToArray(),
                domains = uploads.Select(u => u.Domain).ToArray(),
                titles = uploads.Select(u => u.Title).ToArray(),
            });
        }

        var csv = new StringBuilder("Company,Website,Tier\n");
        foreach (var company in set)
            csv.Append(CultureInfo.InvariantCulture, $"{company.Domain},{company.Domain},bench\n");
        using (var form = new MultipartFormDataContent { { new ByteArrayContent(Encoding.UTF8.GetBytes(csv.ToString())), "file", "accounts.csv" } })
        using (var imported = await client.PostAsync("/api/accounts/import", form))
        {
            if (imported.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"import answered {(int)imported.StatusCode}: {await imported.Content.ReadAsStringAsync()}");
        }

        var rcptsBefore = smtp.RcptCount;
        var clock = Stopwatch.StartNew();
        using (var fill = await client.PostAsJsonAsync("/api/accounts/fill", new { tier = "bench" }))
        {
            if (fill.StatusCode != HttpStatusCode.Accepted)
                throw new InvalidOperationException($"fill answered {(int)fill.StatusCode}: {await fill.Content.ReadAsStringAsync()}");
        }

        await using var db = await data.OpenConnectionAsync();
        while (await db.ExecuteScalarAsync<int>("SELECT count(*) FROM accounts WHERE api_key_id = @id AND fill_state NOT IN ('done', 'failed')", new { id = key.Id }) > 0)
        {
            if (clock.Elapsed > TimeSpan.FromMinutes(30))
                throw new TimeoutException("the fills did not finish within 30 minutes");
            await Task.Delay(200);
        }

        clock.Stop();
        var rcpts = smtp.RcptCount - rcptsBefore;
        var (after, failed) = await db.QuerySingleAsync<(double, int)>(
            "SELECT avg(completeness), count(*) FILTER (WHERE fill_state = 'failed')::int FROM accounts WHERE api_key_id = @id", new { id = key.Id });
        var verified = await db.ExecuteScalarAsync<int>("""
            SELECT count(*)::int FROM committee_members m JOIN accounts a ON a.id = m.account_id JOIN verifications v ON v.email = m.email
            WHERE a.api_key_id = @id AND (v.status = 'deliverable' OR v.status = 'risky' AND 'catch_all' = ANY(v.reasons))
            """, new { id = key.Id });
        var providerCalls = hunter.LogEntries.Count;
        // Before the fill nothing at the domains has a verdict: no member counts.
        var m = new ServiceMeasurement((double)rcpts / Math.Max(1, verified), 0, after, set.Count / clock.Elapsed.TotalMinutes, failed);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{"service (PostgreSQL, Hangfire, WireMock)",-38} {rcpts,6} RCPTs, {verified,5} verified members, {m.RcptsPerVerified:F2} RCPTs each; completeness {m.Before:P1} -> {m.After:P1}; " +
            $"{clock.Elapsed.TotalSeconds:F1} s, {m.PerMinute:F0} accounts/min; {providerCalls} provider calls, {failed} failed fills"));
        return m;
    }

    static string ServiceDirectory()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            var service = Path.Combine(d.FullName, "src", "Enrichment.Service");
            if (Directory.Exists(service))
                return service;
        }

        throw new DirectoryNotFoundException($"no src/Enrichment.Service above {AppContext.BaseDirectory}");
    }

    /// <summary>
    /// The service in process on its own database, pointed at the fakes; Hunter's client at the WireMock server. Any type
    /// of the service's assembly names its entry point; this program's own Program would hide the service's.
    /// </summary>
    sealed class App(string connectionString, FakeDnsServer dns, FakeSmtpServer smtp, int workers, Uri hunter) : WebApplicationFactory<Enrichment.Service.Accounts.FillCommitteeJob>
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            var settings = new Dictionary<string, string>
            {
                ["ConnectionStrings:Enrichment"] = connectionString,
                ["Enrichment:Verification:Nameservers:0"] = dns.EndPoint.ToString(),
                ["Enrichment:Verification:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
                ["Enrichment:Verification:HeloName"] = "bench.enrichment.test",
                ["Enrichment:QueuePollInterval"] = "00:00:00.200",
                ["Enrichment:SchedulePollInterval"] = "00:00:00.500",
                ["Enrichment:Workers"] = workers.ToString(CultureInfo.InvariantCulture),
                ["Logging:LogLevel:Default"] = "Warning",
                ["Enrichment:ErasureSalt"] = "bench-salt-not-a-secret-0123456789",
                ["Enrichment:RateLimit:PermitLimit"] = "100000",
            };
            foreach (var (name, value) in settings)
                builder.UseSetting(name, value);
            builder.ConfigureTestServices(services => services.AddDomainSearch(new DomainSearchOptions
            {
                Hunter = new ProviderOptions { ApiKey = "bench-key-not-a-secret", BaseAddress = hunter, RequestsPerSecond = 1000 },
            }));
        }
    }
}

using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Enrichment.Storage.Keys;
using Enrichment.Testing;
using Npgsql;

namespace Enrichment.Service.Tests.LeadGen;

/// <summary>
/// The stale-contact path end to end, through the service as its own process (Hangfire server, real job) on a
/// manual clock (ProcessClock), with a fake DNS server and a fake SMTP server on loopback: a claim under the
/// "reverify" policy leaves stale contacts out and queues them; the job probes them again and writes fresh verdicts
/// stamped with the clock's time; the next claim hands out the one still deliverable, never the one now gone.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class ReverifyEndToEndTests(PostgresFixture postgres)
{
    const string Domain = "reverify-e2e.test";
    static readonly DateTimeOffset Start = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task StaleContacts_AreReverifiedByTheJob_OnTheServicesClock_AndHandedOutOnlyIfStillDeliverable()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync(nameof(ReverifyEndToEndTests));
        using var clock = new ProcessClock(Start);
        await using var dns = FakeDnsServer.Start();
        dns.AddMailDomain(Domain, IPAddress.Loopback);
        // stale@ still has a mailbox; gone@ was deleted since it was last verified.
        await using var smtp = FakeSmtpServer.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes($"fresh@{Domain}", $"stale@{Domain}") });
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Enrichment"] = connectionString,
            ["Enrichment__ClockFile"] = clock.Path,
            ["Enrichment__Workers"] = "2",
            ["Enrichment__QueuePollInterval"] = "00:00:00.250",
            ["Enrichment__Verification__Nameservers__0"] = dns.EndPoint.ToString(),
            ["Enrichment__Verification__SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Enrichment__Verification__HeloName"] = "verifier.enrichment.test",
            ["Enrichment__ErasureSalt"] = "test-salt-not-a-secret-0123456789",
            // Safety nets only (the fakes answer at once), generous so a loaded machine cannot turn a probe into "unknown".
            ["Enrichment__Verification__DnsTimeout"] = "00:00:30",
            ["Enrichment__Verification__ConnectTimeout"] = "00:00:30",
            ["Enrichment__Verification__CommandTimeout"] = "00:01:00",
            ["Logging__LogLevel__Enrichment"] = "Information",
        });
        try
        {
            await RunAsync(connectionString, clock, smtp, service);
        }
        catch (Exception e) when (e is not TimeoutException)
        {
            throw new InvalidOperationException($"{e.Message}\n--- service output ---\n{service.Output}", e);
        }

        await postgres.Server.DropDatabaseAsync(connectionString);
    }

    static async Task RunAsync(string connectionString, ProcessClock clock, FakeSmtpServer smtp, ServiceProcess service)
    {
        await using var data = NpgsqlDataSource.Create(connectionString);
        await using var db = await data.OpenConnectionAsync();
        await SeedAsync(db, "fresh", TimeSpan.FromDays(1));
        await SeedAsync(db, "stale", TimeSpan.FromDays(40));
        await SeedAsync(db, "gone", TimeSpan.FromDays(40));
        using var client = service.Client((await new ApiKeyStore(data).CreateAsync("e2e", default)).Key);
        using (var put = await client.PutAsJsonAsync("/api/consumers/sequence", new { max_age = "30d", stale_policy = "reverify" }))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);

        var first = await ClaimAsync(client, "sequence");
        Assert.Equal([$"fresh@{Domain}"], Emails(first));
        Assert.Equal(2, first.GetProperty("skipped").GetProperty("stale_reverifying").GetInt32());
        Assert.Equal(2, first.GetProperty("reverifications_queued").GetInt32());

        await WaitForReverificationsAsync(db, service);
        var verdicts = (await db.QueryAsync<(string Email, string Status, DateTime VerifiedAt)>(
            "SELECT email, status, verified_at FROM verifications WHERE domain = @Domain ORDER BY email", new { Domain })).ToList();
        Assert.Equal([($"fresh@{Domain}", "deliverable", (Start - TimeSpan.FromDays(1)).UtcDateTime),
                      ($"gone@{Domain}", "undeliverable", Start.UtcDateTime),
                      ($"stale@{Domain}", "deliverable", Start.UtcDateTime)], verdicts);
        var probed = smtp.ReceivedCommands.Where(c => c.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase) && c.Contains(Domain, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(probed, c => c.Contains("fresh@", StringComparison.Ordinal)); // the fresh one was not probed again

        var second = await ClaimAsync(client, "sequence");
        Assert.Equal([$"stale@{Domain}"], Emails(second));

        // A month later on the service's clock, every verdict is stale again for a new consumer with the same rule.
        clock.Advance(TimeSpan.FromDays(31));
        using (var put = await client.PutAsJsonAsync("/api/consumers/later", new { max_age = "30d", stale_policy = "reverify" }))
            Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        var later = await ClaimAsync(client, "later");
        Assert.Empty(Emails(later));
        Assert.Equal(2, later.GetProperty("skipped").GetProperty("stale_reverifying").GetInt32());
        Assert.Equal(1, later.GetProperty("skipped").GetProperty("undeliverable").GetInt32());
        await WaitForReverificationsAsync(db, service);
        Assert.Equal([$"fresh@{Domain}", $"stale@{Domain}"], Emails(await ClaimAsync(client, "later")));
        Assert.Equal(2L, await db.ExecuteScalarAsync<long>(
            "SELECT count(*) FROM verifications WHERE domain = @Domain AND status = 'deliverable' AND verified_at = @At", new { Domain, At = clock.Now.UtcDateTime }));
    }

    static async Task SeedAsync(NpgsqlConnection db, string local, TimeSpan age)
    {
        var email = $"{local}@{Domain}";
        await db.ExecuteAsync("INSERT INTO contacts (email, first_name, account_domain, source) VALUES (@email, @local, @Domain, 'test')", new { email, local, Domain });
        await db.ExecuteAsync("INSERT INTO verifications (email, domain, status, risk, verified_at) VALUES (@email, @Domain, 'deliverable', 5, @at)",
            new { email, Domain, at = (Start - age).UtcDateTime });
    }

    static async Task<JsonElement> ClaimAsync(HttpClient client, string consumer)
    {
        using var response = await client.PostAsJsonAsync($"/api/consumers/{consumer}/claims", new { limit = 10, account_domain = Domain });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static string[] Emails(JsonElement claim) => [.. claim.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("email").GetString()!)];

    /// <summary>Until the job has emptied the queue (an event, bounded; the job's own time comes from the manual clock).</summary>
    static async Task WaitForReverificationsAsync(NpgsqlConnection db, ServiceProcess service)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (await db.ExecuteScalarAsync<long>("SELECT count(*) FROM reverifications") > 0)
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException("the re-verification job did not run:\n" + service.Output);
            await Task.Delay(100);
        }
    }
}

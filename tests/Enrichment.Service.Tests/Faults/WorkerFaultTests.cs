using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Enrichment.Service.Tests.Api;
using Enrichment.Storage.Keys;
using Enrichment.Testing;
using Npgsql;

namespace Enrichment.Service.Tests.Faults;

/// <summary>
/// Faults with real processes: the service started as its own executable (twice for two workers), killed with
/// SIGKILL mid-list, and PostgreSQL itself restarted mid-list. Every row must end with exactly one result.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class WorkerFaultTests(PostgresFixture postgres) : IAsyncLifetime
{
    const int Domains = 24;
    const int PerDomain = 4;
    FakeDnsServer _dns = null!;
    FakeSmtpServer _smtp = null!;
    string[] _addresses = [];

    public Task InitializeAsync()
    {
        _dns = FakeDnsServer.Start();
        _addresses = [.. Enumerable.Range(0, Domains).SelectMany(d => Enumerable.Range(0, PerDomain).Select(i => $"person{i}@d{d}.test"))];
        for (var d = 0; d < Domains; d++)
            _dns.AddMailDomain($"d{d}.test", IPAddress.Loopback);
        // Slow replies keep every domain job busy for a moment, so a kill lands mid-list.
        _smtp = FakeSmtpServer.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes(_addresses), ReplyDelay = TimeSpan.FromMilliseconds(120) });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _dns.DisposeAsync();
        await _smtp.DisposeAsync();
    }

    Dictionary<string, string> Environment(string connectionString, int workers = 2) => new()
    {
        ["ConnectionStrings__Enrichment"] = connectionString,
        ["Enrichment__Workers"] = workers.ToString(CultureInfo.InvariantCulture),
        ["Enrichment__InvisibilityTimeout"] = "00:00:30",
        // A killed worker's domains wait for its leases to run out (then for the job's redelivery): keep both short.
        ["Enrichment__DomainLease"] = "00:00:15",
        ["Enrichment__QueuePollInterval"] = "00:00:00.250",
        ["Enrichment__Verification__Nameservers__0"] = _dns.EndPoint.ToString(),
        ["Enrichment__Verification__SmtpPort"] = _smtp.Port.ToString(CultureInfo.InvariantCulture),
        ["Enrichment__Verification__HeloName"] = "verifier.enrichment.test",
    };

    string Csv() => "email\n" + string.Join('\n', _addresses) + "\n";

    static async Task<long> UploadAsync(HttpClient client, string csv)
    {
        using var response = await client.PostAsync("/api/lists", ServiceApp.Form(csv, name: "faults"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
    }

    static async Task<string> NewKeyAsync(string connectionString)
    {
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        return (await new ApiKeyStore(dataSource).CreateAsync("faults", default)).Key;
    }

    static async Task WaitUntilAsync(Func<Task<bool>> condition, TimeSpan within, Func<string> explain)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException(explain());
            await Task.Delay(100);
        }
    }

    async Task AssertEveryRowHasOneResultAsync(NpgsqlConnection db, long id)
    {
        var rows = (await db.QueryAsync<(string Email, string? Status)>("SELECT email, status FROM list_rows WHERE list_id = @id ORDER BY row_no", new { id })).ToList();
        Assert.Equal(_addresses, rows.Select(r => r.Email));
        Assert.All(rows, r => Assert.Equal("deliverable", r.Status));
        var list = await db.QuerySingleAsync<(int Settled, int Deliverable, int Pending)>(
            "SELECT rows_settled, count_deliverable, domains_pending FROM lists WHERE id = @id", new { id });
        Assert.Equal((_addresses.Length, _addresses.Length, 0), list);
    }

    static void Signal(string signal, int pid)
    {
        using var kill = System.Diagnostics.Process.Start("kill", $"-{signal} {pid}");
        kill.WaitForExit();
        Assert.Equal(0, kill.ExitCode);
    }

    [Fact]
    public async Task KillDashNine_OfTheWorkerMidList_AnotherWorkerFinishesIt()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync(nameof(KillDashNine_OfTheWorkerMidList_AnotherWorkerFinishesIt));
        await using var db = new NpgsqlConnection(connectionString);
        long id;
        int killedPid;
        List<string> interrupted;
        await using (var first = await ServiceProcess.StartAsync(Environment(connectionString)))
        {
            using var client = first.Client(await NewKeyAsync(connectionString));
            id = await UploadAsync(client, Csv());
            // Freeze the worker (SIGSTOP) before reading which domains it holds, then kill it: a domain that was running
            // when we looked cannot finish between the look and the kill. Should the frozen worker hold none (it was
            // between jobs), let it go on and look again.
            interrupted = [];
            for (var attempt = 0; attempt < 20 && interrupted.Count == 0; attempt++)
            {
                await WaitUntilAsync(
                    async () => await db.ExecuteScalarAsync<int>("SELECT count(*) FROM list_domains WHERE list_id = @id AND state = 'done'", new { id }) >= 3
                        && await db.ExecuteScalarAsync<int>("SELECT count(*) FROM list_domains WHERE list_id = @id AND state = 'running'", new { id }) > 0,
                    TimeSpan.FromSeconds(60), () => "the first worker made no progress:\n" + first.Output);
                Signal("STOP", first.Id);
                interrupted = (await db.QueryAsync<string>("SELECT domain FROM list_domains WHERE list_id = @id AND state = 'running'", new { id })).ToList();
                if (interrupted.Count == 0)
                    Signal("CONT", first.Id);
            }

            killedPid = first.Id;
            first.KillHard();
        }

        // A COMMIT the worker had sent just before SIGSTOP may still land after our read, so "running" is only final
        // once the dead process's backends are gone: read the interrupted domains again after that.
        await WaitUntilAsync(
            async () => await db.ExecuteScalarAsync<long>(
                "SELECT count(*) FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'") == 0,
            TimeSpan.FromSeconds(60), () => "the killed worker's database sessions did not end");
        interrupted = (await db.QueryAsync<string>("SELECT domain FROM list_domains WHERE list_id = @id AND state = 'running'", new { id })).ToList();
        Assert.NotEmpty(interrupted);
        await using var second = await ServiceProcess.StartAsync(Environment(connectionString));
        using var secondClient = second.Client(await NewKeyAsync(connectionString));
        await WaitUntilAsync(async () => await db.ExecuteScalarAsync<string>("SELECT state FROM lists WHERE id = @id", new { id }) == "complete",
            TimeSpan.FromMinutes(3), () => "the list did not complete after the kill:\n" + second.Output);

        await AssertEveryRowHasOneResultAsync(db, id);
        var rerun = await db.QueryAsync<(string Domain, string Worker)>(
            "SELECT domain, worker FROM list_domains WHERE list_id = @id AND domain = ANY(@interrupted)", new { id, interrupted = interrupted.ToArray() });
        Assert.All(rerun, r => Assert.EndsWith($":{second.Id}", r.Worker, StringComparison.Ordinal));
        Assert.DoesNotContain(rerun, r => r.Worker.EndsWith($":{killedPid}", StringComparison.Ordinal));
        await postgres.Server.DropDatabaseAsync(connectionString);
    }

    [Fact]
    public async Task TwoServiceProcesses_OnOneDatabase_ShareTheWork_AndProbeEachAddressOnce()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync(nameof(TwoServiceProcesses_OnOneDatabase_ShareTheWork_AndProbeEachAddressOnce));
        await using var db = new NpgsqlConnection(connectionString);
        await using var first = await ServiceProcess.StartAsync(Environment(connectionString));
        await using var second = await ServiceProcess.StartAsync(Environment(connectionString));
        using var client = first.Client(await NewKeyAsync(connectionString));

        var id = await UploadAsync(client, Csv());
        await WaitUntilAsync(async () => await db.ExecuteScalarAsync<string>("SELECT state FROM lists WHERE id = @id", new { id }) == "complete",
            TimeSpan.FromMinutes(2), () => first.Output + second.Output);

        await AssertEveryRowHasOneResultAsync(db, id);
        var workers = (await db.QueryAsync<(string Worker, int Attempts)>("SELECT worker, attempts FROM list_domains WHERE list_id = @id", new { id })).ToList();
        Assert.All(workers, w => Assert.Equal(1, w.Attempts));
        Assert.Equal(2, workers.Select(w => w.Worker).Distinct().Count());
        var rcpts = _smtp.ReceivedCommands.Where(c => c.StartsWith("RCPT TO:", StringComparison.OrdinalIgnoreCase)).ToList();
        foreach (var address in _addresses)
            Assert.Single(rcpts, c => c.Contains($"<{address}>", StringComparison.OrdinalIgnoreCase));
        await postgres.Server.DropDatabaseAsync(connectionString);
    }

    [Fact]
    public async Task PostgresRestart_MidList_TheListStillCompletes()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync(nameof(PostgresRestart_MidList_TheListStillCompletes));
        await using var service = await ServiceProcess.StartAsync(Environment(connectionString));
        using var client = service.Client(await NewKeyAsync(connectionString));
        var id = await UploadAsync(client, Csv());
        await using (var probe = new NpgsqlConnection(connectionString))
        {
            await WaitUntilAsync(async () => await probe.ExecuteScalarAsync<int>("SELECT count(*) FROM list_domains WHERE list_id = @id AND state = 'done'", new { id }) >= 3,
                TimeSpan.FromSeconds(60), () => service.Output);
        }

        await postgres.Server.RestartAsync();

        await using var db = new NpgsqlConnection(connectionString);
        try
        {
            await WaitUntilAsync(async () => await db.ExecuteScalarAsync<string>("SELECT state FROM lists WHERE id = @id", new { id }) == "complete",
                // Jobs that failed on the restart wait for Hangfire's retry delay (15–75 s for the first) and, when
                // their lease could not be given back, for the lease to run out: minutes on a loaded machine.
                TimeSpan.FromMinutes(6), () => "not complete after the restart:\n" + service.Output);
        }
        catch (TimeoutException e)
        {
            var domains = string.Join(", ", await db.QueryAsync<string>("SELECT state || ':' || count(*) FROM list_domains WHERE list_id = @id GROUP BY state", new { id }));
            var jobs = string.Join(", ", await db.QueryAsync<string>("SELECT coalesce(statename, 'null') || ':' || count(*) FROM hangfire.job GROUP BY statename"));
            var queue = string.Join(", ", await db.QueryAsync<string>("SELECT queue || ':' || count(*) || ':' || count(fetchedat) FROM hangfire.jobqueue GROUP BY queue"));
            throw new TimeoutException($"{e.Message}\ndomains {domains}\njobs {jobs}\nqueue {queue}", e);
        }
        await AssertEveryRowHasOneResultAsync(db, id);
        await postgres.Server.DropDatabaseAsync(connectionString);
    }
}

using System.Net;
using Dapper;
using Enrichment.Service.Jobs;
using Enrichment.Storage.Lists;
using Enrichment.Testing;
using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Enrichment.Service.Tests.Api;

/// <summary>
/// Two copies of one domain job (at-least-once delivery) in the real service (WebApplicationFactory, real PostgreSQL,
/// fake DNS/SMTP on loopback), with the service's clock a manual one: the second copy never opens an SMTP session while
/// the first holds the lease, and a first copy whose lease was taken over stops without writing.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class DomainJobLeaseTests : IAsyncLifetime
{
    const string Domain = "held.test";
    static readonly string[] Mailboxes = ["p1@held.test", "p2@held.test"];
    static readonly string[] Addresses = [.. Mailboxes, "x3@held.test"];
    readonly ManualTimeProvider _clock = new();
    readonly ManualResetEventSlim _gate = new(false);
    readonly TaskCompletionSource _probing = new(TaskCreationOptions.RunContinuationsAsynchronously);
    int _rcpts;
    ServiceApp _app = null!;

    public async Task InitializeAsync()
    {
        var mailboxes = FakeSmtpScripts.Mailboxes(Mailboxes);
        _app = await ServiceApp.StartAsync(nameof(DomainJobLeaseTests), context =>
        {
            // The first RCPT of the test holds its session until the test opens the gate: the first copy is mid-probe.
            if (Interlocked.Increment(ref _rcpts) == 1)
            {
                _probing.TrySetResult();
                _gate.Wait(TimeSpan.FromSeconds(60));
            }

            return mailboxes(context);
        }, new Dictionary<string, string?> { ["Enrichment:DomainLease"] = "00:01:00" }, _clock);
        _app.Dns.AddMailDomain(Domain, IPAddress.Loopback);
    }

    public async Task DisposeAsync()
    {
        _gate.Set();
        await _app.DisposeAsync();
        _gate.Dispose();
    }

    async Task<long> ListAsync()
    {
        await using var dataSource = NpgsqlDataSource.Create(_app.ConnectionString);
        var lists = new ListStore(dataSource);
        var id = await lists.CreateAsync(new NewList(null, "leases", "l.csv", null, null), default);
        await using (var writer = await new ListRowStore(dataSource).BeginImportAsync(id, _clock.GetUtcNow(), default))
        {
            for (var i = 0; i < Addresses.Length; i++)
                writer.Write(new ListRowInsert(i + 1, i + 2, [Addresses[i]], Addresses[i], Domain));
            await writer.CompleteAsync(default);
        }

        await lists.FinishImportAsync(id, ["email"], "{}", default);
        return id;
    }

    Task RunCopyAsync(long id) => Task.Run(() => _app.Services.GetRequiredService<VerifyDomainJob>().RunAsync(id, Domain, Addresses.Length, CancellationToken.None));

    int RcptsFor(string address) => _app.Smtp.ReceivedCommands.Count(c => c.StartsWith($"RCPT TO:<{address}>", StringComparison.OrdinalIgnoreCase));

    [Fact]
    public async Task SecondCopy_OpensNoSession_WhileTheFirstHoldsTheDomain_AndComesBackWhenTheLeaseWouldEnd()
    {
        var id = await ListAsync();
        var first = RunCopyAsync(id);
        await _probing.Task.WaitAsync(TimeSpan.FromSeconds(60));

        await RunCopyAsync(id).WaitAsync(TimeSpan.FromSeconds(60));
        var connectionsWhileHeld = _app.Smtp.ConnectionCount;
        _gate.Set();
        await first.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(1, connectionsWhileHeld);
        Assert.Equal(1, _app.Smtp.ConnectionCount);
        Assert.All(Addresses, a => Assert.Equal(1, RcptsFor(a)));
        await using var db = new NpgsqlConnection(_app.ConnectionString);
        var statuses = (await db.QueryAsync<string>("SELECT status FROM list_rows WHERE list_id = @id ORDER BY row_no", new { id })).ToList();
        Assert.Equal(["deliverable", "deliverable", "undeliverable"], statuses);
        Assert.Equal(("complete", 3), await db.QuerySingleAsync<(string, int)>("SELECT state, rows_settled FROM lists WHERE id = @id", new { id }));
        // The second copy left a delayed job for when the first one's lease would have run out (in case it died).
        var comeBack = _app.Services.GetRequiredService<JobStorage>().GetMonitoringApi().ScheduledJobs(0, 10)
            .Where(j => j.Value.Job.Type == typeof(VerifyDomainJob)).Select(j => j.Value.EnqueueAt).Single();
        Assert.Equal(_clock.GetUtcNow().AddMinutes(1).AddSeconds(2).UtcDateTime, comeBack, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task FirstCopy_StopsWithoutWriting_WhenItsLeaseWasTakenOverMidProbe()
    {
        var id = await ListAsync();
        var stale = RunCopyAsync(id);
        await _probing.Task.WaitAsync(TimeSpan.FromSeconds(60));

        // The first copy stalls past its lease (its renewals did not land): a second copy takes the domain over and
        // finishes it. Then the first copy's renewal timer fires, finds the newer token and stops the probe.
        await using var db = new NpgsqlConnection(_app.ConnectionString);
        await db.ExecuteAsync("UPDATE list_domains SET lease_expires_at = @past WHERE list_id = @id", new { id, past = _clock.GetUtcNow().AddSeconds(-1).UtcDateTime });
        await RunCopyAsync(id).WaitAsync(TimeSpan.FromSeconds(60));
        var afterTakeOver = (await db.QueryAsync<(string Status, DateTime VerifiedAt)>(
            "SELECT status, verified_at FROM list_rows WHERE list_id = @id ORDER BY row_no", new { id })).ToList();
        _clock.Advance(TimeSpan.FromSeconds(20));
        await stale.WaitAsync(TimeSpan.FromSeconds(60));
        _gate.Set();

        Assert.Equal(["deliverable", "deliverable", "undeliverable"], afterTakeOver.Select(r => r.Status));
        var final = (await db.QueryAsync<(string Status, DateTime VerifiedAt)>(
            "SELECT status, verified_at FROM list_rows WHERE list_id = @id ORDER BY row_no", new { id })).ToList();
        Assert.Equal(afterTakeOver, final);
        Assert.Equal(("complete", 3), await db.QuerySingleAsync<(string, int)>("SELECT state, rows_settled FROM lists WHERE id = @id", new { id }));
        Assert.Equal(2, await db.ExecuteScalarAsync<int>("SELECT attempts FROM list_domains WHERE list_id = @id", new { id }));
    }
}

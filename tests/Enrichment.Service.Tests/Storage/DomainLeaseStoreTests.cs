using Dapper;
using Enrichment.Service.Jobs;
using Enrichment.Storage.Lists;
using Enrichment.Testing;
using Npgsql;

namespace Enrichment.Service.Tests.Storage;

/// <summary>
/// Domain leases and their fencing token on a real PostgreSQL, with time from a manual clock: one copy of a domain job
/// works at a time, a lease runs out only by the clock, and a copy that lost its lease writes nothing.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class DomainLeaseStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    readonly ManualTimeProvider _clock = new();
    NpgsqlDataSource _dataSource = null!;
    ListStore _lists = null!;
    ListRowStore _rows = null!;
    DomainLeaseStore _leases = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await postgres.DatabaseForAsync(GetType()));
        _lists = new ListStore(_dataSource);
        _rows = new ListRowStore(_dataSource);
        _leases = new DomainLeaseStore(_dataSource);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    DateTimeOffset Now => _clock.GetUtcNow();

    async Task<long> ListAsync(string domain, int rows)
    {
        var id = await _lists.CreateAsync(new NewList(null, "leases", "l.csv", null, null), default);
        await using (var writer = await _rows.BeginImportAsync(id, Now, default))
        {
            for (var no = 1; no <= rows; no++)
                writer.Write(new ListRowInsert(no, no + 1, [$"p{no}@{domain}"], $"p{no}@{domain}", domain));
            await writer.CompleteAsync(default);
        }

        await _lists.FinishImportAsync(id, ["email"], "{}", default);
        return id;
    }

    Task<DomainStart> StartAsync(long id, string domain, string owner) => _leases.StartAsync(id, domain, owner, owner, Now, Now + Lease, default);

    RowResult Result(int no, string status) => new(no, null, false, null, status, status == "deliverable" ? 5 : 95, [], 250, "mx", Now);

    async Task<string?[]> StatusesAsync(long id)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<string?>("SELECT status FROM list_rows WHERE list_id = @id ORDER BY row_no", new { id })];
    }

    [Fact]
    public async Task Start_GivesTheDomainToOneCopy_UntilItsLeaseRunsOutByTheClock()
    {
        var id = await ListAsync("one.test", 2);

        var first = await StartAsync(id, "one.test", "a");
        var second = await StartAsync(id, "one.test", "b");
        _clock.Advance(Lease - TimeSpan.FromSeconds(1));
        var stillHeld = await StartAsync(id, "one.test", "b");
        _clock.Advance(TimeSpan.FromSeconds(1));
        var takenOver = await StartAsync(id, "one.test", "b");

        Assert.Equal((ListStates.Running, 1), (first.ListState, first.Lease!.Attempt));
        Assert.Null(second.Lease);
        Assert.Equal(first.Lease.ExpiresAt, second.HeldUntil);
        Assert.Null(stillHeld.Lease);
        Assert.Equal((2, first.Lease.Token + 1), (takenOver.Lease!.Attempt, takenOver.Lease.Token));
    }

    [Fact]
    public async Task StaleHolder_CannotWriteRenewSettleOrRelease_AfterATakeOver()
    {
        var id = await ListAsync("stale.test", 2);
        var stale = (await StartAsync(id, "stale.test", "stale")).Lease!;
        _clock.Advance(Lease + TimeSpan.FromSeconds(1)); // the holder stalled past its lease
        var fresh = (await StartAsync(id, "stale.test", "fresh")).Lease!;

        Assert.True(await _leases.WriteResultsAsync(fresh, [Result(1, "deliverable"), Result(2, "deliverable")], Now, default));
        Assert.False(await _leases.WriteResultsAsync(stale, [Result(1, "undeliverable"), Result(2, "undeliverable")], Now, default));
        Assert.False(await _leases.RenewAsync(stale, Now + Lease, default));
        Assert.Null(await _leases.SettleAsync(stale, default));
        Assert.False(await _leases.DeferAsync(stale, Now.AddMinutes(5), default));
        await _leases.ReleaseAsync(stale, default);
        Assert.Null((await StartAsync(id, "stale.test", "third")).Lease); // the stale release freed nothing

        Assert.Equal("deliverable,deliverable", string.Join(',', await StatusesAsync(id)));
        Assert.Equal(0, await _leases.SettleAsync(fresh, default));
        Assert.Null(await _leases.SettleAsync(fresh, default)); // settles once
        var list = (await _lists.GetAsync(id, default))!;
        Assert.Equal((2, 2, 0), (list.RowsSettled, list.CountDeliverable, list.DomainsPending));
        var afterDone = await StartAsync(id, "stale.test", "late");
        Assert.Equal((null, null), (afterDone.Lease, afterDone.HeldUntil));
    }

    [Fact]
    public async Task ReleaseAndDefer_FreeTheDomainAtOnce_ForTheNextCopy()
    {
        var id = await ListAsync("grey.test", 1);
        var failed = (await StartAsync(id, "grey.test", "a")).Lease!;
        await _leases.ReleaseAsync(failed, default); // a job that failed gives the domain back
        var retried = (await StartAsync(id, "grey.test", "b")).Lease!;
        Assert.True(await _leases.DeferAsync(retried, Now.AddSeconds(30), default));
        var afterRetry = (await StartAsync(id, "grey.test", "c")).Lease;

        Assert.Equal(3, afterRetry!.Attempt);
        Assert.Equal([failed.Token + 1, failed.Token + 2], [retried.Token, afterRetry.Token]);
        Assert.Equal(ListStates.Running, (await _lists.GetAsync(id, default))!.State);
    }

    [Fact]
    public async Task Renewal_KeepsTheLeaseOnTheClock_AndCancelsTheJobOnceTakenOver()
    {
        var id = await ListAsync("renew.test", 1);
        var lease = (await StartAsync(id, "renew.test", "worker")).Lease!;
        await using var renewal = new LeaseRenewal(_leases, lease, Lease, _clock, CancellationToken.None);

        var start = Now;
        _clock.Advance(Lease / 3); // the renewal timer fires: expiry moves to now + lease
        await WaitForExpiryAsync(id, "renew.test", start + Lease / 3 + Lease);
        _clock.Advance(Lease - Lease / 3 + TimeSpan.FromSeconds(1)); // past the first expiry; the timer fired again at 2/3
        await WaitForExpiryAsync(id, "renew.test", start + 2 * (Lease / 3) + Lease);
        var held = await StartAsync(id, "renew.test", "other");
        Assert.Null(held.Lease);
        Assert.False(renewal.Token.IsCancellationRequested);

        // The holder's renewal lapses (say its process froze), another copy takes over, then the holder's timer fires.
        await using (var connection = await _dataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("UPDATE list_domains SET lease_expires_at = @past WHERE list_id = @id", new { id, past = Now.AddSeconds(-1).UtcDateTime });
        var newer = (await StartAsync(id, "renew.test", "other")).Lease!;
        _clock.Advance(Lease / 3);
        await Task.Delay(Timeout.Infinite, renewal.Token).ContinueWith(_ => { }, TaskScheduler.Default).WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(renewal.WasLost);
        Assert.True(await _leases.RenewAsync(newer, Now + Lease, default));
    }

    /// <summary>The renewal runs on a timer callback: waits (bounded) for its write to land.</summary>
    async Task WaitForExpiryAsync(long id, string domain, DateTimeOffset expected)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        for (var i = 0; i < 300; i++)
        {
            var expiry = await connection.ExecuteScalarAsync<DateTime?>(
                "SELECT lease_expires_at FROM list_domains WHERE list_id = @id AND domain = @domain", new { id, domain });
            if (expiry == expected.UtcDateTime)
                return;
            await Task.Delay(50);
        }

        Assert.Fail($"the lease on {domain} was not renewed to {expected:O}");
    }
}

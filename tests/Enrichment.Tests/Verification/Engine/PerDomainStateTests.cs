using Enrichment.Verification.Probing;

namespace Enrichment.Tests.Verification.Engine;

/// <summary>State kept per domain or per mail provider must not grow with the number of domains in a list.</summary>
public class PerDomainStateTests
{
    [Fact]
    public async Task MemoryCatchAllStore_StaysUnderItsCap_WhenManyDomainsPassThrough()
    {
        var store = new MemoryCatchAllStore(maxEntries: 100);
        var start = DateTimeOffset.UnixEpoch;

        for (var i = 0; i < 1_000; i++)
        {
            await store.PutAsync($"d{i}.test", new CatchAllRecord(CatchAllRecord.RandomLocalPart(), i % 2 == 0, start.AddSeconds(i)), CancellationToken.None);
        }

        Assert.InRange(store.Count, 1, 100);
        var recent = await store.GetAsync("d998.test", CancellationToken.None);
        Assert.True(recent?.CatchAll);
        Assert.Null(await store.GetAsync("d1.test", CancellationToken.None));
    }

    [Fact]
    public void CatchAllRecord_RandomLocalPart_IsSixteenLettersOrDigits()
    {
        var first = CatchAllRecord.RandomLocalPart();

        Assert.Matches("^[a-z0-9]{16}$", first);
        Assert.NotEqual(first, CatchAllRecord.RandomLocalPart());
    }

    [Fact(Timeout = 10_000)]
    public async Task SessionLimiter_ForgetsProviders_WhenTheirLastSessionEnds()
    {
        using var limiter = new MemorySessionLimiter(overall: 4, perProvider: 1);

        var a = await limiter.AcquireAsync("a.test", CancellationToken.None);
        var waiting = limiter.AcquireAsync("a.test", CancellationToken.None).AsTask();
        var b = await limiter.AcquireAsync("b.test", CancellationToken.None);
        Assert.False(waiting.IsCompleted); // one session per provider
        Assert.Equal(2, limiter.TrackedProviders);

        await a.DisposeAsync();
        await (await waiting).DisposeAsync();
        await b.DisposeAsync();

        Assert.Equal(0, limiter.TrackedProviders);
    }

    [Fact(Timeout = 10_000)]
    public async Task SessionLimiter_ForgetsProvider_WhenAWaiterIsCancelled()
    {
        using var limiter = new MemorySessionLimiter(overall: 4, perProvider: 1);
        var held = await limiter.AcquireAsync("a.test", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync("a.test", cancel.Token).AsTask();
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        await held.DisposeAsync();

        Assert.Equal(0, limiter.TrackedProviders);
    }
}

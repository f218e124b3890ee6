using Enrichment.Verification;

namespace Enrichment.Tests.Verification.Engine;

/// <summary>State kept per domain or per MX host must not grow with the number of domains in a list.</summary>
public class PerDomainStateTests
{
    [Fact]
    public void CatchAllCache_StaysUnderItsCap_WhenManyDomainsPassThrough()
    {
        var cache = new CatchAllCache(TimeSpan.FromHours(1), TimeProvider.System, maxEntries: 100);

        for (var i = 0; i < 1_000; i++)
        {
            _ = cache.ProbeLocalPart($"d{i}.test");
            cache.Set($"d{i}.test", catchAll: i % 2 == 0);
        }

        Assert.InRange(cache.Count, 1, 100);
        Assert.True(cache.TryGet("d998.test", out var recent));
        Assert.True(recent);
    }

    [Fact]
    public void CatchAllCache_KeepsTheProbeRecipient_AcrossAttempts()
    {
        var cache = new CatchAllCache(TimeSpan.FromHours(1), TimeProvider.System);

        var first = cache.ProbeLocalPart("grey.test");
        cache.Set("grey.test", catchAll: false);

        Assert.Equal(first, cache.ProbeLocalPart("grey.test"));
        Assert.Matches("^[a-z0-9]{16}$", first);
        Assert.NotEqual(first, cache.ProbeLocalPart("other.test"));
    }

    [Fact(Timeout = 10_000)]
    public async Task SessionLimiter_ForgetsHosts_WhenTheirLastSessionEnds()
    {
        using var limiter = new SessionLimiter(overall: 4, perHost: 1);

        var a = await limiter.AcquireAsync("mx.a.test", CancellationToken.None);
        var waiting = limiter.AcquireAsync("mx.a.test", CancellationToken.None);
        var b = await limiter.AcquireAsync("mx.b.test", CancellationToken.None);
        Assert.False(waiting.IsCompleted); // one session per host
        Assert.Equal(2, limiter.TrackedHosts);

        a.Dispose();
        (await waiting).Dispose();
        b.Dispose();

        Assert.Equal(0, limiter.TrackedHosts);
    }

    [Fact(Timeout = 10_000)]
    public async Task SessionLimiter_ForgetsHost_WhenAWaiterIsCancelled()
    {
        using var limiter = new SessionLimiter(overall: 4, perHost: 1);
        var held = await limiter.AcquireAsync("mx.a.test", CancellationToken.None);
        using var cancel = new CancellationTokenSource();

        var waiting = limiter.AcquireAsync("mx.a.test", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        Assert.Equal(0, limiter.TrackedHosts);
    }
}

using System.Net;
using Enrichment.Testing;
using Enrichment.Verification.MailHosts;

namespace Enrichment.Tests.Verification.MailHosts;

/// <summary>
/// The resolver's own cache over DnsClient's: negative answers kept for their RFC 2308 TTL (capped) on the manual
/// clock, and concurrent lookups of one domain sharing one set of queries. Against <see cref="FakeDnsServer"/>.
/// </summary>
public class DnsClientMailHostResolverCacheTests
{
    [Fact(Timeout = 10_000)]
    public async Task ResolveAsync_RemembersNxDomainForTheSoaMinimum_ThenAsksAgain()
    {
        await using var dns = FakeDnsServer.Start();
        dns.NegativeTtl = 120;
        var clock = new ManualTimeProvider();
        var resolver = Resolver(dns, clock);

        var first = await resolver.ResolveAsync("missing.test", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(119));
        var cached = await resolver.ResolveAsync("MISSING.test.", CancellationToken.None);

        Assert.Equal(MxOutcome.NoDomain, first.Outcome);
        Assert.Equal(MxOutcome.NoDomain, cached.Outcome);
        Assert.Equal(1, dns.CountQueries("missing.test", FakeDnsServer.TypeMx));

        clock.Advance(TimeSpan.FromSeconds(1));
        await resolver.ResolveAsync("missing.test", CancellationToken.None);

        Assert.Equal(2, dns.CountQueries("missing.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveAsync_CapsTheNegativeTtl_WhenTheSoaAsksForDays()
    {
        await using var dns = FakeDnsServer.Start();
        dns.NegativeTtl = 86_400;
        var clock = new ManualTimeProvider();
        var resolver = Resolver(dns, clock, maxNegativeTtl: TimeSpan.FromMinutes(5));

        await resolver.ResolveAsync("missing.test", CancellationToken.None);
        clock.Advance(TimeSpan.FromMinutes(5));
        await resolver.ResolveAsync("missing.test", CancellationToken.None);

        Assert.Equal(2, dns.CountQueries("missing.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveAsync_RemembersANameWithoutMailHost_ForTheShortestSoaOfItsAnswers()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddEmptyName("empty.test");
        dns.NegativeTtl = 60;
        var clock = new ManualTimeProvider();
        var resolver = Resolver(dns, clock);

        var first = await resolver.ResolveAsync("empty.test", CancellationToken.None);
        clock.Advance(TimeSpan.FromSeconds(59));
        await resolver.ResolveAsync("empty.test", CancellationToken.None);

        Assert.Equal(MxOutcome.NoMailHost, first.Outcome);
        Assert.Equal(1, dns.CountQueries("empty.test", FakeDnsServer.TypeMx));
        Assert.Equal(1, dns.CountQueries("empty.test", FakeDnsServer.TypeAaaa));

        clock.Advance(TimeSpan.FromSeconds(1));
        await resolver.ResolveAsync("empty.test", CancellationToken.None);
        Assert.Equal(2, dns.CountQueries("empty.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveAsync_KeepsNoNegativeAnswer_WhenCachingIsOff()
    {
        await using var dns = FakeDnsServer.Start();
        var resolver = Resolver(dns, new ManualTimeProvider(), useCache: false);

        await resolver.ResolveAsync("missing.test", CancellationToken.None);
        await resolver.ResolveAsync("missing.test", CancellationToken.None);

        Assert.Equal(2, dns.CountQueries("missing.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveAsync_DoesNotRememberServfail()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetServFail("flaky.test");
        var resolver = Resolver(dns, new ManualTimeProvider());

        var first = await resolver.ResolveAsync("flaky.test", CancellationToken.None);
        await resolver.ResolveAsync("flaky.test", CancellationToken.None);

        Assert.Equal(MxOutcome.Failed, first.Outcome);
        Assert.Equal(2, dns.CountQueries("flaky.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveAsync_SharesOneSetOfQueries_WhenCallersAskForTheSameDomainAtOnce()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddMailDomain("busy.test", IPAddress.Loopback);
        dns.IncludeAdditional = false;
        var resolver = Resolver(dns, new ManualTimeProvider(), useCache: false);

        var lookups = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => resolver.ResolveAsync("busy.test", CancellationToken.None)));
        var later = await resolver.ResolveAsync("busy.test", CancellationToken.None);

        Assert.All(lookups, l => Assert.Equal(MxOutcome.Mx, l.Outcome));
        Assert.All(lookups, l => Assert.Equal([IPAddress.Loopback], l.Hosts[0].Addresses));
        Assert.Equal(MxOutcome.Mx, later.Outcome);
        Assert.Equal(2, dns.CountQueries("busy.test", FakeDnsServer.TypeMx)); // ten at once shared one; the later one asked again
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveAsync_LetsOtherCallersFinish_WhenTheCallerThatStartedTheLookupCancels()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetUnresponsive("slow.test");
        var resolver = Resolver(dns, new ManualTimeProvider(), queryTimeout: TimeSpan.FromMilliseconds(300));
        using var first = new CancellationTokenSource();

        var starter = resolver.ResolveAsync("slow.test", first.Token);
        var other = resolver.ResolveAsync("slow.test", CancellationToken.None);
        await first.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => starter);
        var lookup = await other;
        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.Equal(1, dns.CountQueries("slow.test", FakeDnsServer.TypeMx));
    }

    private static DnsClientMailHostResolver Resolver(
        FakeDnsServer dns, TimeProvider clock, bool useCache = true, TimeSpan? maxNegativeTtl = null, TimeSpan? queryTimeout = null) =>
        new(
            new MailHostResolverOptions
            {
                Nameservers = [dns.EndPoint],
                QueryTimeout = queryTimeout ?? TimeSpan.FromSeconds(2),
                Retries = 0,
                UseCache = useCache,
                MaxNegativeTtl = maxNegativeTtl ?? TimeSpan.FromMinutes(15),
            },
            clock);
}

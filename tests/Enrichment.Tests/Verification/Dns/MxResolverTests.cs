using Enrichment.Verification.MailHosts;
using System.Net;
using System.Net.Sockets;
using Enrichment.Testing;
using Enrichment.Verification.Dns;

namespace Enrichment.Tests.Verification.Dns;

/// <summary>The resolver against <see cref="FakeDnsServer"/> over loopback UDP and TCP.</summary>
public class MxResolverTests
{
    private static readonly IPAddress V4 = IPAddress.Parse("192.0.2.10");
    private static readonly IPAddress V6 = IPAddress.Parse("2001:db8::10");

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsHostsSortedByPreference_WhenMxRecordsExist()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddMx("example.test", 20, "b.mx.example.test");
        dns.AddMx("example.test", 10, "a.mx.example.test");
        dns.AddMx("example.test", 20, "c.mx.example.test");
        dns.AddMx("example.test", 5, "z.mx.example.test");
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("Example.TEST.");

        Assert.Equal("example.test", lookup.Domain);
        Assert.Equal(MxOutcome.Mx, lookup.Outcome);
        Assert.Null(lookup.Error);
        Assert.Equal(
            [new MxRecord(5, "z.mx.example.test"), new MxRecord(10, "a.mx.example.test"), new MxRecord(20, "b.mx.example.test"), new MxRecord(20, "c.mx.example.test")],
            lookup.Hosts);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsNullMx_WhenDomainPublishesRfc7505NullMx()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetNullMx("nomail.test");
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("nomail.test");

        Assert.Equal(MxOutcome.NullMx, lookup.Outcome);
        Assert.Empty(lookup.Hosts);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsImplicitMx_WhenOnlyARecordExists()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddA("bare.test", V4);
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("bare.test");

        Assert.Equal(MxOutcome.ImplicitMx, lookup.Outcome);
        Assert.Equal([new MxRecord(0, "bare.test")], lookup.Hosts);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsImplicitMx_WhenOnlyAaaaRecordExists()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddAaaa("v6only.test", V6);
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("v6only.test");

        Assert.Equal(MxOutcome.ImplicitMx, lookup.Outcome);
        Assert.Equal([new MxRecord(0, "v6only.test")], lookup.Hosts);
        Assert.Equal(1, dns.CountQueries("v6only.test", FakeDnsServer.TypeAaaa));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsNoMailHost_WhenNameExistsWithoutMxOrAddress()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddEmptyName("empty.test");
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("empty.test");

        Assert.Equal(MxOutcome.NoMailHost, lookup.Outcome);
        Assert.Empty(lookup.Hosts);
        Assert.Equal(1, dns.CountQueries("empty.test", FakeDnsServer.TypeA));
        Assert.Equal(1, dns.CountQueries("empty.test", FakeDnsServer.TypeAaaa));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsNoDomain_WhenServerAnswersNxDomain()
    {
        await using var dns = FakeDnsServer.Start();
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("missing.test");

        Assert.Equal(MxOutcome.NoDomain, lookup.Outcome);
        Assert.Equal(0, dns.CountQueries("missing.test", FakeDnsServer.TypeA));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsFailedServfail_WhenServerFails()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddMx("broken.test", 10, "mx.broken.test");
        dns.SetServFail("broken.test");
        using var resolver = Resolver(dns, retries: 2);

        var lookup = await resolver.LookupAsync("broken.test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.Equal("servfail", lookup.Error);
        Assert.Equal(1, dns.CountQueries("broken.test", FakeDnsServer.TypeMx)); // SERVFAIL is not retried on the same server.
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_FollowsCname_WhenDomainIsAnAlias()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddCname("alias.test", "middle.test");
        dns.AddCname("middle.test", "real.test");
        dns.AddMx("real.test", 10, "mx.real.test");
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("alias.test");

        Assert.Equal(MxOutcome.Mx, lookup.Outcome);
        Assert.Equal([new MxRecord(10, "mx.real.test")], lookup.Hosts);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_AsksForCnameTarget_WhenServerDoesNotChaseTheChain()
    {
        await using var dns = FakeDnsServer.Start();
        dns.ChaseCnames = false;
        dns.AddCname("alias.test", "real.test");
        dns.AddMx("real.test", 10, "mx.real.test");
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("alias.test");

        Assert.Equal(MxOutcome.Mx, lookup.Outcome);
        Assert.Equal([new MxRecord(10, "mx.real.test")], lookup.Hosts);
        Assert.Equal(1, dns.CountQueries("real.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsFailed_WhenCnameTargetCannotBeAskedAbout()
    {
        await using var dns = FakeDnsServer.Start();
        dns.ChaseCnames = false;
        dns.AddCname("broken.test", ".");
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("broken.test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.Equal("invalid cname target", lookup.Error);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsFailed_WhenCnamesLoop()
    {
        await using var dns = FakeDnsServer.Start();
        dns.ChaseCnames = false;
        dns.AddCname("ping.test", "pong.test");
        dns.AddCname("pong.test", "ping.test");
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("ping.test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.Equal("cname loop", lookup.Error);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsNoDomain_WhenCnameTargetDoesNotExist()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddCname("dangling.test", "gone.test");
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("dangling.test");

        Assert.Equal(MxOutcome.NoDomain, lookup.Outcome);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_FallsBackToTcp_WhenUdpReplyIsTruncated()
    {
        await using var dns = FakeDnsServer.Start();
        dns.TruncateUdp = true;
        dns.AddMx("tc.test", 10, "mx.tc.test");
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("tc.test");

        Assert.Equal(MxOutcome.Mx, lookup.Outcome);
        Assert.Equal([new MxRecord(10, "mx.tc.test")], lookup.Hosts);
        Assert.Equal(1, dns.TcpQueryCount);
        Assert.Equal(2, dns.CountQueries("tc.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_FallsBackToTcp_WhenAnswerExceedsEdnsPayload()
    {
        await using var dns = FakeDnsServer.Start();
        for (ushort i = 0; i < 40; i++)
        {
            // Distinct 40-character first labels defeat compression, so 40 records exceed 1232 octets.
            dns.AddMx("big.test", i, $"{new string('m', 36)}{i:D4}.mail-provider-{i}.example");
        }

        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("big.test");

        Assert.Equal(MxOutcome.Mx, lookup.Outcome);
        Assert.Equal(40, lookup.Hosts.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (ushort)i), lookup.Hosts.Select(h => h.Preference));
        Assert.Equal(1, dns.TcpQueryCount);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_RetriesThenFailsWithTimeout_WhenNameIsUnresponsive()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetUnresponsive("silent.test");
        using var resolver = Resolver(dns, retries: 2, timeout: TimeSpan.FromMilliseconds(200));

        var lookup = await resolver.LookupAsync("silent.test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.Equal("timeout", lookup.Error);
        Assert.Equal(3, dns.CountQueries("silent.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsFailed_WhenNothingListensOnNameserverPort()
    {
        using var resolver = new MxResolver(new MxResolverOptions
        {
            Nameservers = [DeadEndPoint()],
            QueryTimeout = TimeSpan.FromMilliseconds(300),
            Retries = 1,
        });

        var lookup = await resolver.LookupAsync("example.test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.False(string.IsNullOrEmpty(lookup.Error));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_UsesNextNameserver_WhenFirstIsUnreachable()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddMx("second.test", 10, "mx.second.test");
        using var resolver = new MxResolver(new MxResolverOptions
        {
            Nameservers = [DeadEndPoint(), dns.EndPoint],

            // Loopback answers a closed port with ICMP unreachable at once; the timeout only matters if it does not.
            QueryTimeout = TimeSpan.FromSeconds(2),
            Retries = 0,
        });

        var lookup = await resolver.LookupAsync("second.test");

        Assert.Equal(MxOutcome.Mx, lookup.Outcome);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_IgnoresForgedReplies_WhenIdOrQuestionMismatch()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SendDecoyReplies = true;
        dns.AddMx("target.test", 10, "mx.target.test");
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync("target.test");

        Assert.Equal(MxOutcome.Mx, lookup.Outcome);
        Assert.Equal([new MxRecord(10, "mx.target.test")], lookup.Hosts);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsFailedMalformed_WhenReplyCannotBeParsed()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetMalformed("garbled.test");

        // The resolver keeps listening after a garbled datagram (it could be forged), so this waits out the timeout.
        using var resolver = Resolver(dns, retries: 0, timeout: TimeSpan.FromSeconds(1));

        var lookup = await resolver.LookupAsync("garbled.test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.StartsWith("malformed reply", lookup.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsFailedWithoutQuerying_WhenDomainIsNotAValidName()
    {
        await using var dns = FakeDnsServer.Start();
        using var resolver = Resolver(dns);

        var lookup = await resolver.LookupAsync(new string('a', 64) + ".test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.Equal(0, dns.QueryCount);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_AnswersFromCache_UntilTtlExpires()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddMx("cached.test", 10, "mx.cached.test", ttl: 300);
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var resolver = Resolver(dns, clock);

        var first = await resolver.LookupAsync("cached.test");
        clock.Advance(TimeSpan.FromSeconds(299));
        var second = await resolver.LookupAsync("cached.test");
        var afterSecond = dns.QueryCount;
        clock.Advance(TimeSpan.FromSeconds(2));
        var third = await resolver.LookupAsync("cached.test");

        Assert.Equal([new MxRecord(10, "mx.cached.test")], first.Hosts);
        Assert.Equal(first.Hosts, second.Hosts);
        Assert.Equal(first.Hosts, third.Hosts);
        Assert.Equal(1, afterSecond);
        Assert.Equal(2, dns.QueryCount);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_CachesNxDomainForSoaMinimum()
    {
        await using var dns = FakeDnsServer.Start();
        dns.NegativeTtl = 30;
        var clock = new ManualTimeProvider(new DateTimeOffset(2025, 1, 1, 0, 0, 0, TimeSpan.Zero));
        using var resolver = Resolver(dns, clock);

        await resolver.LookupAsync("nowhere.test");
        clock.Advance(TimeSpan.FromSeconds(29));
        var cached = await resolver.LookupAsync("nowhere.test");
        var afterCached = dns.QueryCount;
        clock.Advance(TimeSpan.FromSeconds(2));
        await resolver.LookupAsync("nowhere.test");

        Assert.Equal(MxOutcome.NoDomain, cached.Outcome);
        Assert.Equal(1, afterCached);
        Assert.Equal(2, dns.QueryCount);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_DoesNotCacheFailures()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetServFail("flaky.test");
        using var resolver = Resolver(dns);

        await resolver.LookupAsync("flaky.test");
        await resolver.LookupAsync("flaky.test");

        Assert.Equal(2, dns.CountQueries("flaky.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_QueriesOnce_WhenManyCallersAskConcurrently()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddMx("busy.test", 10, "mx.busy.test");
        using var resolver = Resolver(dns);

        var lookups = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => Task.Run(() => resolver.LookupAsync("busy.test"))));

        Assert.All(lookups, l => Assert.Equal([new MxRecord(10, "mx.busy.test")], l.Hosts));
        Assert.Equal(1, dns.CountQueries("busy.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ThrowsOperationCanceled_WhenCallerCancels()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetUnresponsive("slow.test");
        using var resolver = Resolver(dns, timeout: TimeSpan.FromSeconds(5));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => resolver.LookupAsync("slow.test", cancellation.Token));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ThrowsObjectDisposed_AfterDispose()
    {
        await using var dns = FakeDnsServer.Start();
        var resolver = Resolver(dns);
        resolver.Dispose();

        await Assert.ThrowsAsync<ObjectDisposedException>(() => resolver.LookupAsync("any.test"));
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveHostAsync_ReturnsIpv4BeforeIpv6()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddAaaa("host.test", V6);
        dns.AddA("host.test", V4);
        using var resolver = Resolver(dns);

        var addresses = await resolver.ResolveHostAsync("host.test");

        Assert.Equal([V4, V6], addresses);
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveHostAsync_ReturnsEmpty_WhenHostIsUnknownOrFailing()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetServFail("failing.test");
        using var resolver = Resolver(dns);

        Assert.Empty(await resolver.ResolveHostAsync("unknown.test"));
        Assert.Empty(await resolver.ResolveHostAsync("failing.test"));
        Assert.Equal(0, dns.CountQueries("unknown.test", FakeDnsServer.TypeAaaa)); // NXDOMAIN covers AAAA too.
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveHostAsync_UsesAdditionalSectionOfMxReply_WithoutAskingForA()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddMx("glue.test", 10, "mx.glue.test");
        dns.AddA("mx.glue.test", V4);
        using var resolver = Resolver(dns);

        await resolver.LookupAsync("glue.test");
        var addresses = await resolver.ResolveHostAsync("mx.glue.test");

        Assert.Equal([V4], addresses);
        Assert.Equal(0, dns.CountQueries("mx.glue.test", FakeDnsServer.TypeA));
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveHostAsync_AsksForA_WhenMxReplyHasNoAdditionalSection()
    {
        await using var dns = FakeDnsServer.Start();
        dns.IncludeAdditional = false;
        dns.AddMx("noglue.test", 10, "mx.noglue.test");
        dns.AddA("mx.noglue.test", V4);
        using var resolver = Resolver(dns);

        await resolver.LookupAsync("noglue.test");
        var addresses = await resolver.ResolveHostAsync("mx.noglue.test");

        Assert.Equal([V4], addresses);
        Assert.Equal(1, dns.CountQueries("mx.noglue.test", FakeDnsServer.TypeA));
    }

    private static MxResolver Resolver(FakeDnsServer dns, TimeProvider? time = null, int retries = 0, TimeSpan? timeout = null) =>
        new(new MxResolverOptions
        {
            Nameservers = [dns.EndPoint],
            QueryTimeout = timeout ?? TimeSpan.FromSeconds(2),
            Retries = retries,
        }, time);

    /// <summary>A loopback port that was free a moment ago; nothing listens there.</summary>
    private static IPEndPoint DeadEndPoint()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)probe.LocalEndPoint!;
    }
}

using Enrichment.Verification.MailHosts;
using System.Net;
using System.Net.Sockets;
using Enrichment.Testing;

namespace Enrichment.Tests.Verification.MailHosts;

/// <summary>The DnsClient resolver against <see cref="FakeDnsServer"/> over loopback UDP and TCP.</summary>
public class DnsClientMailHostResolverTests
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
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("Example.TEST.");

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
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("nomail.test");

        Assert.Equal(MxOutcome.NullMx, lookup.Outcome);
        Assert.Empty(lookup.Hosts);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsImplicitMx_WhenOnlyARecordExists()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddA("bare.test", V4);
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("bare.test");

        Assert.Equal(MxOutcome.ImplicitMx, lookup.Outcome);
        Assert.Equal([new MxRecord(0, "bare.test")], lookup.Hosts);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsImplicitMx_WhenOnlyAaaaRecordExists()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddAaaa("v6only.test", V6);
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("v6only.test");

        Assert.Equal(MxOutcome.ImplicitMx, lookup.Outcome);
        Assert.Equal([new MxRecord(0, "v6only.test")], lookup.Hosts);
        Assert.Equal(1, dns.CountQueries("v6only.test", FakeDnsServer.TypeAaaa));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsNoMailHost_WhenNameExistsWithoutMxOrAddress()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddEmptyName("empty.test");
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("empty.test");

        Assert.Equal(MxOutcome.NoMailHost, lookup.Outcome);
        Assert.Empty(lookup.Hosts);
        Assert.Equal(1, dns.CountQueries("empty.test", FakeDnsServer.TypeA));
        Assert.Equal(1, dns.CountQueries("empty.test", FakeDnsServer.TypeAaaa));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsNoDomain_WhenServerAnswersNxDomain()
    {
        await using var dns = FakeDnsServer.Start();
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("missing.test");

        Assert.Equal(MxOutcome.NoDomain, lookup.Outcome);
        Assert.Equal(0, dns.CountQueries("missing.test", FakeDnsServer.TypeA));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsFailedServfail_WhenServerFails()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddMx("broken.test", 10, "mx.broken.test");
        dns.SetServFail("broken.test");
        var resolver = Resolver(dns, retries: 2);

        var lookup = await resolver.LookupMxAsync("broken.test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.Equal("servfail", lookup.Error);
        // DnsClient asks again after a SERVFAIL (DEPENDENCIES.md); bounded, never cached.
        Assert.InRange(dns.CountQueries("broken.test", FakeDnsServer.TypeMx), 1, 3);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_FollowsCname_WhenDomainIsAnAlias()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddCname("alias.test", "middle.test");
        dns.AddCname("middle.test", "real.test");
        dns.AddMx("real.test", 10, "mx.real.test");
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("alias.test");

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
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("alias.test");

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
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("broken.test");

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
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("ping.test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.Equal("cname loop", lookup.Error);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsNoDomain_WhenCnameTargetDoesNotExist()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddCname("dangling.test", "gone.test");
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("dangling.test");

        Assert.Equal(MxOutcome.NoDomain, lookup.Outcome);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_FallsBackToTcp_WhenUdpReplyIsTruncated()
    {
        await using var dns = FakeDnsServer.Start();
        dns.TruncateUdp = true;
        dns.AddMx("tc.test", 10, "mx.tc.test");
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("tc.test");

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

        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("big.test");

        Assert.Equal(MxOutcome.Mx, lookup.Outcome);
        Assert.Equal(40, lookup.Hosts.Count);
        Assert.Equal(Enumerable.Range(0, 40).Select(i => (ushort)i), lookup.Hosts.Select(h => h.Preference));
        // DnsClient advertises a large EDNS buffer, so whether TCP was needed is its business; every record arrived.
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_RetriesThenFailsWithTimeout_WhenNameIsUnresponsive()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetUnresponsive("silent.test");
        var resolver = Resolver(dns, retries: 2, timeout: TimeSpan.FromMilliseconds(200));

        var lookup = await resolver.LookupMxAsync("silent.test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.Equal("timeout", lookup.Error);
        Assert.Equal(3, dns.CountQueries("silent.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsFailed_WhenNothingListensOnNameserverPort()
    {
        var resolver = new DnsClientMailHostResolver(new MailHostResolverOptions
        {
            Nameservers = [DeadEndPoint()],
            QueryTimeout = TimeSpan.FromMilliseconds(300),
            Retries = 1,
        });

        var lookup = await resolver.LookupMxAsync("example.test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.False(string.IsNullOrEmpty(lookup.Error));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_UsesNextNameserver_WhenFirstIsUnreachable()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddMx("second.test", 10, "mx.second.test");
        var resolver = new DnsClientMailHostResolver(new MailHostResolverOptions
        {
            Nameservers = [DeadEndPoint(), dns.EndPoint],

            // Loopback answers a closed port with ICMP unreachable at once; the timeout only matters if it does not.
            QueryTimeout = TimeSpan.FromSeconds(2),
            Retries = 0,
        });

        var lookup = await resolver.LookupMxAsync("second.test");

        Assert.Equal(MxOutcome.Mx, lookup.Outcome);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_NeverBelievesForgedReplies_WhenIdOrQuestionMismatch()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SendDecoyReplies = true;
        dns.AddMx("target.test", 10, "mx.target.test");
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync("target.test");

        // DnsClient drops the attempt on a foreign id (no waiting for the real reply): a failure, never the decoy's answer.
        Assert.True(lookup.Outcome == MxOutcome.Failed || lookup.Hosts.SequenceEqual([new MxRecord(10, "mx.target.test")]), lookup.ToString());
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsFailedMalformed_WhenReplyCannotBeParsed()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetMalformed("garbled.test");

        // The resolver keeps listening after a garbled datagram (it could be forged), so this waits out the timeout.
        var resolver = Resolver(dns, retries: 0, timeout: TimeSpan.FromSeconds(1));

        var lookup = await resolver.LookupMxAsync("garbled.test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.StartsWith("malformed reply", lookup.Error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ReturnsFailedWithoutQuerying_WhenDomainIsNotAValidName()
    {
        await using var dns = FakeDnsServer.Start();
        var resolver = Resolver(dns);

        var lookup = await resolver.LookupMxAsync(new string('a', 64) + ".test");

        Assert.Equal(MxOutcome.Failed, lookup.Outcome);
        Assert.Equal(0, dns.QueryCount);
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_DoesNotCacheFailures()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetServFail("flaky.test");
        var resolver = Resolver(dns);

        await resolver.LookupMxAsync("flaky.test");
        await resolver.LookupMxAsync("flaky.test");

        Assert.Equal(2, dns.CountQueries("flaky.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_ThrowsOperationCanceled_WhenCallerCancels()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetUnresponsive("slow.test");
        var resolver = Resolver(dns, timeout: TimeSpan.FromSeconds(5));
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => resolver.LookupMxAsync("slow.test", cancellation.Token));
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveHostAsync_ReturnsIpv4BeforeIpv6()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddAaaa("host.test", V6);
        dns.AddA("host.test", V4);
        var resolver = Resolver(dns);

        var addresses = await Addresses(resolver, "host.test");

        Assert.Equal([V4, V6], addresses);
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveHostAsync_ReturnsEmpty_WhenHostIsUnknownOrFailing()
    {
        await using var dns = FakeDnsServer.Start();
        dns.SetServFail("failing.test");
        var resolver = Resolver(dns);

        Assert.Empty(await Addresses(resolver, "unknown.test"));
        Assert.Empty(await Addresses(resolver, "failing.test"));
        // A and AAAA go out together (one round trip); the A's NXDOMAIN decides for both (RFC 8020).
        Assert.Equal(1, dns.CountQueries("unknown.test", FakeDnsServer.TypeAaaa));
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveHostAsync_AsksForA_WhenMxReplyHasNoAdditionalSection()
    {
        await using var dns = FakeDnsServer.Start();
        dns.IncludeAdditional = false;
        dns.AddMx("noglue.test", 10, "mx.noglue.test");
        dns.AddA("mx.noglue.test", V4);
        var resolver = Resolver(dns);

        await resolver.LookupMxAsync("noglue.test");
        var addresses = await Addresses(resolver, "mx.noglue.test");

        Assert.Equal([V4], addresses);
        Assert.Equal(1, dns.CountQueries("mx.noglue.test", FakeDnsServer.TypeA));
    }

    [Fact(Timeout = 10_000)]
    public async Task LookupAsync_AnswersFromCache_WhenAskedAgain()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddMx("cached.test", 10, "mx.cached.test", ttl: 300);
        var resolver = Resolver(dns);

        var first = await resolver.LookupMxAsync("cached.test");
        var second = await resolver.LookupMxAsync("cached.test");

        Assert.Equal([new MxRecord(10, "mx.cached.test")], second.Hosts);
        Assert.Equal(first.Hosts, second.Hosts);
        Assert.Equal(1, dns.CountQueries("cached.test", FakeDnsServer.TypeMx));
    }

    [Fact(Timeout = 10_000)]
    public async Task ResolveAsync_GivesEveryTargetItsAddresses_AndMxUnresolvableWhenNoneHasOne()
    {
        await using var dns = FakeDnsServer.Start();
        dns.AddMx("two.test", 10, "mx1.two.test");
        dns.AddMx("two.test", 20, "mx2.two.test");
        dns.AddA("mx2.two.test", V4);
        dns.AddMx("dangling.test", 10, "mx.nowhere.test");
        var resolver = Resolver(dns);

        var two = await resolver.ResolveAsync("two.test", CancellationToken.None);
        var dangling = await resolver.ResolveAsync("dangling.test", CancellationToken.None);

        Assert.Equal(MxOutcome.Mx, two.Outcome);
        Assert.Equal([[], [V4]], two.Hosts.Select(h => h.Addresses.ToArray()));
        Assert.Equal(MxOutcome.MxUnresolvable, dangling.Outcome);
    }

    private static async Task<IReadOnlyList<IPAddress>> Addresses(DnsClientMailHostResolver resolver, string host) =>
        (await resolver.LookupHostAsync(host, CancellationToken.None)).Addresses;

    private static DnsClientMailHostResolver Resolver(FakeDnsServer dns, int retries = 0, TimeSpan? timeout = null) =>
        new(new MailHostResolverOptions
        {
            Nameservers = [dns.EndPoint],
            QueryTimeout = timeout ?? TimeSpan.FromSeconds(2),
            Retries = retries,
            UseCache = true,
        });

    /// <summary>A loopback port that was free a moment ago; nothing listens there.</summary>
    private static IPEndPoint DeadEndPoint()
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        return (IPEndPoint)probe.LocalEndPoint!;
    }
}

using System.Net;
using Enrichment.Testing;

namespace Enrichment.Benchmarks;

/// <summary>
/// Fake DNS + fake SMTP on loopback with <c>domains</c> test domains, each with its own MX host name and its own
/// provider (registered domain), optionally behind a latency proxy (the SMTP port to use is <see cref="SmtpPort"/>).
/// </summary>
internal sealed class BenchEnvironment : IAsyncDisposable
{
    private BenchEnvironment(FakeDnsServer dns, FakeSmtpServer smtp, IReadOnlyList<string> domains, LatencyProxy? proxy)
    {
        Dns = dns;
        Smtp = smtp;
        Domains = domains;
        Proxy = proxy;
    }

    public LatencyProxy? Proxy { get; }

    /// <summary>Where clients connect: the latency proxy when there is one.</summary>
    public int SmtpPort => Proxy?.Port ?? Smtp.Port;

    public FakeDnsServer Dns { get; }
    public FakeSmtpServer Smtp { get; }
    public IReadOnlyList<string> Domains { get; }

    /// <summary>Mailboxes "p&lt;digits&gt;" exist; everything else (the "x…" addresses, the random catch-all probe) does not.</summary>
    /// <param name="oneWayLatency">Network latency each way through a proxy (zero: no proxy).</param>
    public static BenchEnvironment Start(int domains, TimeSpan replyDelay, TimeSpan oneWayLatency = default)
    {
        var dns = FakeDnsServer.Start();
        var names = new List<string>(domains);
        for (var i = 0; i < domains; i++)
        {
            var domain = $"company{i:D4}-bench.test";
            dns.AddMailDomain(domain, IPAddress.Loopback);
            names.Add(domain);
        }

        dns.AddA("bench.enrichment.test", IPAddress.Loopback);
        var smtp = FakeSmtpServer.Start(new FakeSmtpOptions
        {
            ReplyDelay = replyDelay,
            RcptReply = c => Exists(c.Recipient) ? "250 2.1.5 OK" : "550 5.1.1 <" + c.Recipient + ">: user unknown",
        });
        var proxy = oneWayLatency > TimeSpan.Zero ? LatencyProxy.Start(new IPEndPoint(IPAddress.Loopback, smtp.Port), oneWayLatency) : null;
        return new BenchEnvironment(dns, smtp, names, proxy);
    }

    public static bool Exists(string address) =>
        address.Length > 2 && address[0] == 'p' && address.IndexOf('@') > 1 && !address.AsSpan(1, address.IndexOf('@') - 1).ContainsAnyExceptInRange('0', '9');

    public async ValueTask DisposeAsync()
    {
        if (Proxy is not null)
        {
            await Proxy.DisposeAsync();
        }

        await Smtp.DisposeAsync();
        await Dns.DisposeAsync();
    }
}

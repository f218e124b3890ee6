using System.Net;
using Enrichment.Testing;

namespace Enrichment.Benchmarks;

/// <summary>Fake DNS + fake SMTP on loopback with <c>domains</c> test domains, each with its own MX host name.</summary>
internal sealed class BenchEnvironment : IAsyncDisposable
{
    private BenchEnvironment(FakeDnsServer dns, FakeSmtpServer smtp, IReadOnlyList<string> domains)
    {
        Dns = dns;
        Smtp = smtp;
        Domains = domains;
    }

    public FakeDnsServer Dns { get; }
    public FakeSmtpServer Smtp { get; }
    public IReadOnlyList<string> Domains { get; }

    /// <summary>Mailboxes "p&lt;digits&gt;" exist; everything else (the "x…" addresses, the random catch-all probe) does not.</summary>
    public static BenchEnvironment Start(int domains, TimeSpan replyDelay)
    {
        var dns = FakeDnsServer.Start();
        var names = new List<string>(domains);
        for (var i = 0; i < domains; i++)
        {
            var domain = $"company{i:D4}.bench.test";
            dns.AddMailDomain(domain, IPAddress.Loopback);
            names.Add(domain);
        }

        dns.AddA("bench.enrichment.test", IPAddress.Loopback);
        var smtp = FakeSmtpServer.Start(new FakeSmtpOptions
        {
            ReplyDelay = replyDelay,
            RcptReply = c => Exists(c.Recipient) ? "250 2.1.5 OK" : "550 5.1.1 <" + c.Recipient + ">: user unknown",
        });
        return new BenchEnvironment(dns, smtp, names);
    }

    public static bool Exists(string address) =>
        address.Length > 2 && address[0] == 'p' && address.IndexOf('@') > 1 && !address.AsSpan(1, address.IndexOf('@') - 1).ContainsAnyExceptInRange('0', '9');

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await Dns.DisposeAsync();
    }
}

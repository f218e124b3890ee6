using Enrichment.Verification.MailHosts;
using System.Net;
using Enrichment.Testing;
using Enrichment.Verification;
using Enrichment.Verification.Flags;
using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Verification.Engine;

/// <summary>A fake DNS server and a fake SMTP server on loopback, and a verifier pointed at them.</summary>
internal sealed class EngineHarness : IAsyncDisposable
{
    public const string Helo = "verifier.enrichment.test";

    private EngineHarness(FakeDnsServer dns, FakeSmtpServer smtp, DnsClientMailHostResolver resolver, EmailVerifier verifier)
    {
        Dns = dns;
        Smtp = smtp;
        Resolver = resolver;
        Verifier = verifier;
    }

    public FakeDnsServer Dns { get; }
    public FakeSmtpServer Smtp { get; }
    public DnsClientMailHostResolver Resolver { get; }
    public EmailVerifier Verifier { get; }

    /// <summary>Domains in <paramref name="domains"/> get "MX 10 mx.&lt;domain&gt;" pointing at the fake SMTP server.</summary>
    public static EngineHarness Start(FakeSmtpOptions smtpOptions, VerificationOptions? options = null, TimeProvider? time = null, params string[] domains) =>
        Start(smtpOptions, options, probe => probe, time, domains);

    /// <param name="tweak">Changes to the probe options the harness would use (timeouts, sender).</param>
    public static EngineHarness Start(FakeSmtpOptions smtpOptions, VerificationOptions? options, Func<SmtpSessionOptions, SmtpSessionOptions> tweak, TimeProvider? time = null, params string[] domains)
    {
        var dns = FakeDnsServer.Start();
        foreach (var domain in domains)
        {
            dns.AddMailDomain(domain, IPAddress.Loopback);
        }

        dns.AddA(Helo, IPAddress.Loopback);
        var smtp = FakeSmtpServer.Start(smtpOptions, time);
        var resolver = new DnsClientMailHostResolver(new MailHostResolverOptions { Nameservers = [dns.EndPoint], QueryTimeout = TimeSpan.FromMilliseconds(500), Retries = 1 });
        var verifier = new EmailVerifier(
            resolver,
            new MailKitSessionFactory(tweak(new SmtpSessionOptions
            {
                Port = smtp.Port,
                HeloName = Helo,
                MailFrom = "probe@" + Helo,
                ConnectTimeout = TimeSpan.FromSeconds(2),
                BannerTimeout = TimeSpan.FromSeconds(2),
                CommandTimeout = TimeSpan.FromSeconds(2),
                SessionTimeout = TimeSpan.FromSeconds(20),
            }), time),
            DomainLists.LoadDefault(),
            options ?? new VerificationOptions { RetrySchedule = [] },
            time);
        return new EngineHarness(dns, smtp, resolver, verifier);
    }

    public async ValueTask DisposeAsync()
    {
        Verifier.Dispose();
        await Smtp.DisposeAsync();
        await Dns.DisposeAsync();
    }
}

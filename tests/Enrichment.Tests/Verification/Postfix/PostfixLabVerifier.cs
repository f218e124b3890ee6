using Enrichment.Testing;
using Enrichment.Verification;
using Enrichment.Verification.Flags;
using Enrichment.Verification.MailHosts;
using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Verification.Postfix;

/// <summary>
/// The engine as the real-server tests point it at a private Postfix: our fake DNS on loopback names the Postfix
/// instance as every domain's MX, and the session uses the lab's HELO name and sender.
/// </summary>
internal static class PostfixLabVerifier
{
    public static EmailVerifier Create(int postfixPort, FakeDnsServer dns, VerificationOptions options, TimeSpan sessionTimeout) =>
        new(
            new DnsClientMailHostResolver(new MailHostResolverOptions { Nameservers = [dns.EndPoint], QueryTimeout = TimeSpan.FromSeconds(1) }),
            new MailKitSessionFactory(new SmtpSessionOptions
            {
                Port = postfixPort,
                HeloName = "verifier.enrichment.test",
                MailFrom = "probe@verifier.enrichment.test",
                CommandTimeout = TimeSpan.FromSeconds(10),
                SessionTimeout = sessionTimeout,
            }),
            DomainLists.LoadDefault(),
            options);
}

using System.Net;
using Enrichment.Verification;
using Enrichment.Verification.Flags;
using Enrichment.Verification.MailHosts;
using Enrichment.Verification.Smtp;

namespace Enrichment.Benchmarks;

/// <summary>The engine pointed at a benchmark's fake DNS and SMTP servers on loopback, with no greylisting retries.</summary>
public static class FakeServerVerifier
{
    public static EmailVerifier Create(IPEndPoint dns, int smtpPort) =>
        new(new DnsClientMailHostResolver(new MailHostResolverOptions { Nameservers = [dns] }),
            new MailKitSessionFactory(new SmtpSessionOptions
            {
                Port = smtpPort,
                HeloName = "bench.enrichment.test",
                MailFrom = "verify@bench.enrichment.test",
            }),
            DomainLists.LoadDefault(),
            new VerificationOptions { RetrySchedule = [] });
}

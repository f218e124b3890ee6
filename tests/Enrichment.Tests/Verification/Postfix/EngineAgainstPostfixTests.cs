using Enrichment.Verification.MailHosts;
using System.Net;
using Enrichment.Testing;
using Enrichment.Verification;
using Enrichment.Verification.Flags;
using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Verification.Postfix;

/// <summary>The whole engine against a real MTA: Debian's Postfix on a loopback port, found through the fake DNS.</summary>
[Collection(PostfixCollectionDefinition.Name)]
public sealed class EngineAgainstPostfixTests(PostfixFixture postfix)
{
    private async Task<IReadOnlyList<VerificationResult>> VerifyAsync(params string[] addresses)
    {
        await using var dns = FakeDnsServer.Start();
        foreach (var domain in new[] { "real.test", "catchall.test", "full.test" })
        {
            dns.AddMailDomain(domain, IPAddress.Loopback);
        }

        using var verifier = PostfixLabVerifier.Create(postfix.Server.Port, dns, new VerificationOptions { RetrySchedule = [] }, TimeSpan.FromSeconds(30));
        return await verifier.VerifyAsync(addresses);
    }

    [Fact(Timeout = 60_000)]
    public async Task Verify_GivesTheRightVerdicts_AgainstRealPostfix()
    {
        var results = await VerifyAsync("alice@real.test", "Carol.Jones@real.test", "ghost@real.test", "anyone@catchall.test", "dave@full.test");

        Assert.Equal(VerificationStatus.Deliverable, results[0].Status);
        Assert.Equal(250, results[0].SmtpCode);
        Assert.False(results[0].CatchAll);
        Assert.Equal(VerificationStatus.Deliverable, results[1].Status);
        Assert.Equal(VerificationStatus.Undeliverable, results[2].Status);
        Assert.Equal([Reasons.MailboxNotFound], results[2].Reasons);
        Assert.Equal("5.1.1", results[2].EnhancedCode);
        Assert.Equal(VerificationStatus.Risky, results[3].Status);
        Assert.Contains(Reasons.CatchAll, results[3].Reasons);
        Assert.True(results[3].CatchAll);
        Assert.Equal(VerificationStatus.Risky, results[4].Status);
        Assert.Contains(Reasons.FullInbox, results[4].Reasons);
        Assert.Equal("4.2.2", results[4].EnhancedCode);
    }

    [Fact(Timeout = 60_000)]
    public async Task Verify_SurvivesPostfixErrorLimits_WhenManyRecipientsAreUnknown()
    {
        // Postfix slows down after 10 errors in a session and hangs up after 20 (smtpd_hard_error_limit).
        var unknown = Enumerable.Range(0, 30).Select(i => $"ghost{i}@real.test").ToArray();

        var results = await VerifyAsync([.. unknown, "bob@real.test"]);

        Assert.All(results.Take(30), r => Assert.Equal(VerificationStatus.Undeliverable, r.Status));
        Assert.Equal(VerificationStatus.Deliverable, results[30].Status);
        Assert.DoesNotContain("status=sent", postfix.Server.ReadLog(), StringComparison.Ordinal);
    }
}

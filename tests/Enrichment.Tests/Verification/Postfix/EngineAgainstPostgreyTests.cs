using System.Net;
using Enrichment.Testing;
using Enrichment.Verification;
using Enrichment.Verification.Flags;
using Enrichment.Verification.MailHosts;
using Enrichment.Verification.Smtp;
using Xunit.Abstractions;

namespace Enrichment.Tests.Verification.Postfix;

/// <summary>
/// The engine against real Postfix with Debian's postgrey as its policy service (10 s delay, default reply text):
/// every first ask is answered 450, and the engine must come back on its schedule and still get every verdict right.
/// Real time passes here (postgrey keeps its own clock); the wall time is reported, not asserted.
/// </summary>
public sealed class EngineAgainstPostgreyTests(ITestOutputHelper output)
{
    [Fact(Timeout = 120_000)]
    public async Task Verify_ComesBackAfterTheGreylistingWindow_AndGivesTheRightVerdicts()
    {
        await using var postfix = await PostfixServer.StartAsync(new PostfixMailboxes(
            MailboxDomains: new Dictionary<string, IReadOnlyList<string>> { ["grey.test"] = ["alice", "bob"] },
            CatchAllDomains: ["greycatch.test"],
            GreylistDelaySeconds: 10));
        await using var dns = FakeDnsServer.Start();
        dns.AddMailDomain("grey.test", IPAddress.Loopback);
        dns.AddMailDomain("greycatch.test", IPAddress.Loopback);
        // The default retry schedule: 30 s, 5 min, 10 min.
        using var verifier = PostfixLabVerifier.Create(postfix.Port, dns, new VerificationOptions(), TimeSpan.FromSeconds(60));
        var clock = System.Diagnostics.Stopwatch.StartNew();

        var results = await verifier.VerifyAsync(["alice@grey.test", "bob@grey.test", "ghost@grey.test", "anyone@greycatch.test", "not an address"]);

        output.WriteLine($"wall time with postgrey --delay=10: {clock.Elapsed.TotalSeconds:F1} s");
        Assert.Equal(
            [VerificationStatus.Deliverable, VerificationStatus.Deliverable, VerificationStatus.Undeliverable, VerificationStatus.Risky, VerificationStatus.Undeliverable],
            results.Select(r => r.Status));
        Assert.Equal([Reasons.MailboxNotFound], results[2].Reasons);
        Assert.Contains(Reasons.CatchAll, results[3].Reasons);
        Assert.Contains("Greylisted", postfix.ReadLog(), StringComparison.Ordinal); // the policy service did greylist us
        Assert.DoesNotContain("status=sent", postfix.ReadLog(), StringComparison.Ordinal);
    }
}

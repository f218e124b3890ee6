using System.Net;
using Enrichment.Testing;
using Enrichment.Verification;
using Enrichment.Verification.Flags;
using Enrichment.Verification.MailHosts;
using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Verification.Postfix;

/// <summary>
/// The engine against a real Postfix with recipient restrictions of its own (access-map replies as operators write
/// them: policy, disabled, busy, moved), two recipients per transaction so every later transaction goes out as one
/// pipelined RSET + MAIL FROM + RCPT group.
/// </summary>
public sealed class EngineAgainstPostfixRestrictionsTests
{
    private static readonly PostfixMailboxes Mailboxes = new(
        MailboxDomains: new Dictionary<string, IReadOnlyList<string>>
        {
            ["strict.test"] = ["alice", "bob", "carol", "blocked", "disabled", "busy", "moved"],
        },
        CatchAllDomains: [],
        RecipientReplies: new Dictionary<string, string>
        {
            ["blocked@strict.test"] = "550 5.7.1 Access denied",
            ["disabled@strict.test"] = "550 5.2.1 Mailbox disabled, not accepting messages",
            ["busy@strict.test"] = "450 4.2.1 Mailbox busy, try again later",
            ["moved@strict.test"] = "551 5.1.6 User has moved; please try ",
        });

    [Fact(Timeout = 120_000)]
    public async Task Verify_GivesTheRightVerdicts_UnderPostfixAccessRestrictions_WithPipelinedTransactions()
    {
        using var startup = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await using var postfix = await PostfixServer.StartAsync(Mailboxes, startup.Token);
        await using var dns = FakeDnsServer.Start();
        dns.AddMailDomain("strict.test", IPAddress.Loopback);
        using var verifier = PostfixLabVerifier.Create(
            postfix.Port, dns, new VerificationOptions { RetrySchedule = [], MaxRecipientsPerTransaction = 2 }, TimeSpan.FromSeconds(60));

        var results = await verifier.VerifyAsync(
            ["alice@strict.test", "ghost@strict.test", "bob@strict.test", "blocked@strict.test", "disabled@strict.test", "busy@strict.test", "moved@strict.test", "carol@strict.test"]);

        (VerificationStatus Status, string? Reason)[] expected =
        [
            (VerificationStatus.Deliverable, null),
            (VerificationStatus.Undeliverable, Reasons.MailboxNotFound),
            (VerificationStatus.Deliverable, null),
            (VerificationStatus.Unknown, Reasons.PolicyBlock),
            (VerificationStatus.Undeliverable, Reasons.Disabled),
            (VerificationStatus.Unknown, Reasons.Greylisted),
            (VerificationStatus.Undeliverable, Reasons.MailboxNotFound),
            (VerificationStatus.Deliverable, null),
        ];
        for (var i = 0; i < expected.Length; i++)
        {
            Assert.True(expected[i].Status == results[i].Status, $"{results[i].Input}: {results[i].Status} ({string.Join('|', results[i].Reasons)}; {results[i].SmtpCode} {results[i].SmtpText})");
            if (expected[i].Reason is { } reason)
            {
                Assert.Contains(reason, results[i].Reasons);
            }
        }

        var log = postfix.ReadLog();
        Assert.DoesNotContain("status=sent", log, StringComparison.Ordinal);
        Assert.DoesNotContain("improper command pipelining", log, StringComparison.Ordinal);
    }
}

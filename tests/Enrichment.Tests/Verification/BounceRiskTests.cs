using Enrichment.Verification;

namespace Enrichment.Tests.Verification;

public class BounceRiskTests
{
    public static TheoryData<RiskEvidence, VerificationStatus, int, string[]> Cases => new()
    {
        { new(false, DnsFinding.NotRun, SmtpFinding.NotRun, Disposable: true), VerificationStatus.Undeliverable, 100, [Reasons.Syntax] },
        { new(true, DnsFinding.NoDomain, SmtpFinding.NotRun), VerificationStatus.Undeliverable, 100, [Reasons.NoDomain] },
        { new(true, DnsFinding.NullMx, SmtpFinding.NotRun), VerificationStatus.Undeliverable, 100, [Reasons.NullMx] },
        { new(true, DnsFinding.NoMailHost, SmtpFinding.NotRun), VerificationStatus.Undeliverable, 95, [Reasons.NoMx] },
        { new(true, DnsFinding.Failed, SmtpFinding.NotRun), VerificationStatus.Unknown, 60, [Reasons.DnsFailure] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.Accepted), VerificationStatus.Deliverable, 5, [] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.Accepted, FreeProvider: true), VerificationStatus.Deliverable, 5, [Reasons.FreeProvider] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.Accepted, Role: true), VerificationStatus.Risky, 20, [Reasons.Role] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.Accepted, Disposable: true), VerificationStatus.Risky, 45, [Reasons.Disposable] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.Accepted, TypoSuggested: true), VerificationStatus.Risky, 25, [Reasons.PossibleTypo] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.Accepted, QuotedLocalPart: true), VerificationStatus.Deliverable, 15, [Reasons.QuotedLocalPart] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.AcceptedCatchAll), VerificationStatus.Risky, 45, [Reasons.CatchAll] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.AcceptedCatchAll, Disposable: true, Role: true), VerificationStatus.Risky, 100, [Reasons.CatchAll, Reasons.Disposable, Reasons.Role] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.MailboxNotFound), VerificationStatus.Undeliverable, 95, [Reasons.MailboxNotFound] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.Disabled), VerificationStatus.Undeliverable, 90, [Reasons.Disabled] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.FullInbox), VerificationStatus.Risky, 70, [Reasons.FullInbox] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.Greylisted), VerificationStatus.Unknown, 50, [Reasons.Greylisted] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.PolicyBlock), VerificationStatus.Unknown, 50, [Reasons.PolicyBlock] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.Rejected), VerificationStatus.Unknown, 60, [Reasons.Rejected] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.Timeout), VerificationStatus.Unknown, 50, [Reasons.Timeout] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.NoConnect), VerificationStatus.Unknown, 50, [Reasons.NoConnect] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.ProtocolError), VerificationStatus.Unknown, 50, [Reasons.ProtocolError] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.DnsFailure), VerificationStatus.Unknown, 60, [Reasons.DnsFailure] },
        { new(true, DnsFinding.MailHosts, SmtpFinding.NotRun), VerificationStatus.Unknown, 40, [Reasons.SmtpSkipped] },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Assess_GivesStatusScoreAndReasons(RiskEvidence evidence, VerificationStatus status, int score, string[] reasons)
    {
        var verdict = BounceRisk.Assess(evidence);

        Assert.Equal(status, verdict.Status);
        Assert.Equal(score, verdict.Score);
        Assert.Equal(reasons, verdict.Reasons);
    }

    [Fact]
    public void Assess_NeverCallsPolicyBlockUndeliverable()
    {
        var verdict = BounceRisk.Assess(new RiskEvidence(true, DnsFinding.MailHosts, SmtpFinding.PolicyBlock, Role: true, Disposable: true));

        Assert.NotEqual(VerificationStatus.Undeliverable, verdict.Status);
    }
}

namespace Enrichment.Verification;

/// <summary>Reason codes, stable strings that appear in CSV/JSON output and the API.</summary>
public static class Reasons
{
    public const string Syntax = "syntax";
    public const string NoDomain = "no_domain";
    public const string NullMx = "null_mx";
    public const string NoMx = "no_mx";
    public const string MxUnresolvable = "mx_unresolvable";
    public const string CatchAllUntested = "catch_all_untested";
    public const string DnsFailure = "dns_failure";
    public const string MailboxNotFound = "mailbox_not_found";
    public const string Disabled = "disabled";
    public const string FullInbox = "full_inbox";
    public const string CatchAll = "catch_all";
    public const string Greylisted = "greylisted";
    public const string PolicyBlock = "policy_block";
    public const string Rejected = "smtp_rejected";
    public const string Timeout = "timeout";
    public const string NoConnect = "no_connect";
    public const string ProtocolError = "protocol_error";
    public const string SmtpSkipped = "smtp_skipped";
    public const string InternalError = "internal_error";
    public const string Disposable = "disposable";
    public const string Role = "role";
    public const string FreeProvider = "free_provider";
    public const string PossibleTypo = "possible_typo";
    public const string QuotedLocalPart = "quoted_local_part";
}

/// <summary>How the SMTP step ended for one address (absent when it did not run).</summary>
public enum SmtpFinding
{
    NotRun,
    Accepted,
    AcceptedCatchAll,
    MailboxNotFound,
    Disabled,
    FullInbox,
    PolicyBlock,
    Rejected,
    Greylisted,
    Timeout,
    NoConnect,
    ProtocolError,
    /// <summary>The MX host's own address could not be looked up.</summary>
    DnsFailure,
}

/// <summary>How the DNS step ended.</summary>
public enum DnsFinding
{
    NotRun,
    MailHosts,
    NoDomain,
    NullMx,
    NoMailHost,
    /// <summary>MX records exist but not one target has an address.</summary>
    MxUnresolvable,
    Failed,
}

/// <summary>Everything the score is made from; one record so the rule stays a pure function.</summary>
public sealed record RiskEvidence(
    bool SyntaxValid,
    DnsFinding Dns,
    SmtpFinding Smtp,
    bool Disposable = false,
    bool Role = false,
    bool FreeProvider = false,
    bool TypoSuggested = false,
    bool QuotedLocalPart = false,
    bool CatchAllUntested = false);

public sealed record RiskVerdict(VerificationStatus Status, int Score, IReadOnlyList<string> Reasons);

/// <summary>
/// The bounce-risk rule: one table for the decisive step, then modifiers for address traits.
/// Score is the likelihood (0–100) that a message to the address bounces or harms the sender;
/// the README's "Verdicts" section reproduces these two tables.
/// </summary>
public static class BounceRisk
{
    // Decisive step: the first row that applies wins. (status, base score, reason or null)
    private static (VerificationStatus Status, int Score, string? Reason) Decide(RiskEvidence e) => e switch
    {
        { SyntaxValid: false } => (VerificationStatus.Undeliverable, 100, Reasons.Syntax),
        { Dns: DnsFinding.NoDomain } => (VerificationStatus.Undeliverable, 100, Reasons.NoDomain),
        { Dns: DnsFinding.NullMx } => (VerificationStatus.Undeliverable, 100, Reasons.NullMx),
        { Dns: DnsFinding.NoMailHost } => (VerificationStatus.Undeliverable, 95, Reasons.NoMx),
        { Dns: DnsFinding.MxUnresolvable } => (VerificationStatus.Undeliverable, 95, Reasons.MxUnresolvable),
        { Dns: DnsFinding.Failed } => (VerificationStatus.Unknown, 60, Reasons.DnsFailure),
        { Smtp: SmtpFinding.MailboxNotFound } => (VerificationStatus.Undeliverable, 95, Reasons.MailboxNotFound),
        { Smtp: SmtpFinding.Disabled } => (VerificationStatus.Undeliverable, 90, Reasons.Disabled),
        { Smtp: SmtpFinding.FullInbox } => (VerificationStatus.Risky, 70, Reasons.FullInbox),
        { Smtp: SmtpFinding.AcceptedCatchAll } => (VerificationStatus.Risky, 45, Reasons.CatchAll),
        // The random recipient got a 4xx or a policy reply: acceptance proves nothing on a domain we could not test.
        { Smtp: SmtpFinding.Accepted, CatchAllUntested: true } => (VerificationStatus.Risky, 40, Reasons.CatchAllUntested),
        { Smtp: SmtpFinding.Accepted } => (VerificationStatus.Deliverable, 5, null),
        { Smtp: SmtpFinding.Greylisted } => (VerificationStatus.Unknown, 50, Reasons.Greylisted),
        { Smtp: SmtpFinding.PolicyBlock } => (VerificationStatus.Unknown, 50, Reasons.PolicyBlock),
        { Smtp: SmtpFinding.Rejected } => (VerificationStatus.Unknown, 60, Reasons.Rejected),
        { Smtp: SmtpFinding.Timeout } => (VerificationStatus.Unknown, 50, Reasons.Timeout),
        { Smtp: SmtpFinding.NoConnect } => (VerificationStatus.Unknown, 50, Reasons.NoConnect),
        { Smtp: SmtpFinding.ProtocolError } => (VerificationStatus.Unknown, 50, Reasons.ProtocolError),
        { Smtp: SmtpFinding.DnsFailure } => (VerificationStatus.Unknown, 60, Reasons.DnsFailure),
        _ => (VerificationStatus.Unknown, 40, Reasons.SmtpSkipped),
    };

    /// <summary>Modifiers: (applies, reason, points added, whether a deliverable address becomes risky).</summary>
    private static IEnumerable<(string Reason, int Points, bool DemotesDeliverable)> Modifiers(RiskEvidence e)
    {
        if (e.Disposable)
        {
            yield return (Reasons.Disposable, 40, true);
        }

        if (e.Role)
        {
            yield return (Reasons.Role, 15, true);
        }

        if (e.TypoSuggested)
        {
            yield return (Reasons.PossibleTypo, 20, true);
        }

        if (e.QuotedLocalPart)
        {
            yield return (Reasons.QuotedLocalPart, 10, false);
        }

        if (e.FreeProvider)
        {
            yield return (Reasons.FreeProvider, 0, false);
        }
    }

    public static RiskVerdict Assess(RiskEvidence evidence)
    {
        ArgumentNullException.ThrowIfNull(evidence);
        var (status, score, reason) = Decide(evidence);
        var reasons = new List<string>(4);
        if (reason is not null)
        {
            reasons.Add(reason);
        }

        if (evidence.SyntaxValid)
        {
            foreach (var (modifier, points, demotes) in Modifiers(evidence))
            {
                reasons.Add(modifier);
                score += points;
                if (demotes && status == VerificationStatus.Deliverable)
                {
                    status = VerificationStatus.Risky;
                }
            }
        }

        return new RiskVerdict(status, Math.Clamp(score, 0, 100), reasons);
    }
}

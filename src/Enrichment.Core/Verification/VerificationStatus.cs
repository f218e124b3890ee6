namespace Enrichment.Verification;

/// <summary>The four verdicts a marketer reads; the vocabulary of Kickbox and Reacher.</summary>
public enum VerificationStatus
{
    Deliverable,
    Risky,
    Undeliverable,
    Unknown,
}

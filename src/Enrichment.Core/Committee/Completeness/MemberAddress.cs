using Enrichment.Verification;

namespace Enrichment.Committee.Completeness;

/// <summary>A member's address with its latest verdict, and whether it may be mailed at all.</summary>
public sealed record MemberAddress(
    string Email,
    VerificationStatus Status,
    IReadOnlyList<string> Reasons,
    bool Suppressed = false,
    bool Erased = false);

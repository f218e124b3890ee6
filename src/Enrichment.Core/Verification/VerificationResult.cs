namespace Enrichment.Verification;

/// <summary>One address to verify; <see cref="Id"/> is the caller's handle (the CLI uses the input line number).</summary>
public sealed record VerificationRequest(long Id, string Input);

/// <summary>The verdict for one address, with the evidence a postmaster or a marketer would ask for.</summary>
public sealed record VerificationResult(
    long Id,
    string Input,
    string? Normalized,
    VerificationStatus Status,
    int Risk,
    IReadOnlyList<string> Reasons,
    string? MxHost,
    bool? CatchAll,
    int? SmtpCode,
    string? EnhancedCode,
    string? SmtpText,
    bool? Tls,
    DateTimeOffset VerifiedAt,
    string? Suggestion,
    string? Detail)
{
    public static string StatusText(VerificationStatus status) => status switch
    {
        VerificationStatus.Deliverable => "deliverable",
        VerificationStatus.Risky => "risky",
        VerificationStatus.Undeliverable => "undeliverable",
        _ => "unknown",
    };
}

using Enrichment.Verification.MailHosts;

namespace Enrichment.Verification;

/// <summary>What one call of <see cref="DomainVerifier"/> settled, and what it could not settle yet.</summary>
/// <param name="Results">Final verdicts, one per settled address (syntax errors included).</param>
/// <param name="Retry">Addresses still answered 4xx that the policy allows asking again, or null.</param>
/// <param name="MailHosts">The domain's MX lookup (every host in preference order), or null when no address reached DNS.</param>
public sealed record DomainVerification(IReadOnlyList<VerificationResult> Results, DomainRetry? Retry, MailHostLookup? MailHosts = null);

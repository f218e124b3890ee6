namespace Enrichment.Verification;

/// <summary>
/// One domain's addresses for <see cref="DomainVerifier"/>. <see cref="Attempt"/> counts earlier asks of these
/// addresses (0 the first time; take it from <see cref="DomainRetry.Attempt"/>). With <see cref="Alternatives"/>,
/// requests sharing an <see cref="VerificationRequest.Id"/> are ranked guesses for one person: probing stops at the
/// first accepted one and unprobed guesses get no result.
/// </summary>
public sealed record DomainWork(string Domain, IReadOnlyList<VerificationRequest> Requests, int Attempt = 0, bool Alternatives = false);

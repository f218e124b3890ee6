namespace Enrichment.Verification;

/// <summary>
/// Addresses to ask again no earlier than <see cref="NotBefore"/>, as a new <see cref="DomainWork"/> with
/// <see cref="Attempt"/>. <see cref="Provisional"/> holds their verdicts so far (unknown, greylisted) for a caller that
/// gives up.
/// </summary>
public sealed record DomainRetry(IReadOnlyList<VerificationRequest> Requests, DateTimeOffset NotBefore, int Attempt, IReadOnlyList<VerificationResult> Provisional);

using Enrichment.Verification;

namespace Enrichment.Committee.Fill;

/// <summary>
/// Someone known to work at the account's domain: from our contacts, a provider's domain search, or an upload of
/// names. The address and its verdict are there when known; <see cref="Suppressed"/> people are never picked.
/// </summary>
public sealed record DomainPerson(
    string Name,
    string? Title,
    string? Email = null,
    VerificationStatus? Status = null,
    IReadOnlyList<string>? Reasons = null,
    bool Suppressed = false,
    string? Source = null);

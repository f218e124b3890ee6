namespace Enrichment.Storage.Contacts;

/// <summary>
/// What GET /api/contacts and claims select on. Null means "any". <see cref="Statuses"/> are verification statuses
/// (deliverable, risky, undeliverable, unknown); <see cref="VerifiedSince"/> is now minus verified_within.
/// </summary>
public sealed record ContactFilter(
    IReadOnlyList<string>? Statuses = null,
    int? MaxRisk = null,
    long? ListId = null,
    string? AccountDomain = null,
    DateTimeOffset? UpdatedSince = null,
    DateTimeOffset? VerifiedSince = null);

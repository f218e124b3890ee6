namespace Enrichment.Service.Consumers;

/// <summary>
/// POST /api/consumers/{name}/claims: <c>limit</c> (1–1000, default 100), the filters of GET /api/contacts, and
/// <c>include_risky</c>. Only deliverable contacts by default; status may name deliverable and risky only.
/// </summary>
public sealed record ClaimBody(
    int? Limit = null,
    string[]? Status = null,
    int? MaxRisk = null,
    long? ListId = null,
    string? AccountDomain = null,
    string? UpdatedSince = null,
    string? VerifiedWithin = null,
    bool? IncludeRisky = null);

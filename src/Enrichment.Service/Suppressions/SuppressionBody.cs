namespace Enrichment.Service.Suppressions;

/// <summary>POST /api/suppressions: exactly one of <c>email</c> or <c>domain</c>, with a reason and a source.</summary>
public sealed record SuppressionBody(string? Email, string? Domain, string? Reason, string? Source);

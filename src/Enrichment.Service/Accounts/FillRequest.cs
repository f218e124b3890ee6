namespace Enrichment.Service.Accounts;

/// <summary>POST /api/accounts/fill: the accounts named by id, or every account matching tier and completeness (percent).</summary>
public sealed record FillRequest(long[]? Ids, string? Tier, int? MinCompleteness, int? MaxCompleteness);

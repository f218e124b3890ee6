namespace Enrichment.Service.Accounts;

/// <summary>POST /api/accounts: a target company. Domain may be a website URL; template null means the default.</summary>
public sealed record AccountRequest(string? Name, string? Domain, string? Tier, string? Template);

namespace Enrichment.Storage.Accounts;

/// <summary>An account to create or update (by domain).</summary>
public sealed record NewAccount(string Domain, string? Name, string? Tier, string? Template);

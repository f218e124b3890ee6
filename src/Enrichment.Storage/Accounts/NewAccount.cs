namespace Enrichment.Storage.Accounts;

/// <summary>An account to create or update (by domain, within the API key that owns it; null: no key, the dashboard's).</summary>
public sealed record NewAccount(string Domain, string? Name, string? Tier, string? Template, long? ApiKeyId = null);

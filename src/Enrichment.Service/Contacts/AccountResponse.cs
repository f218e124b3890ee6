namespace Enrichment.Service.Contacts;

/// <summary>The company a contact works for (its domain is the account's key).</summary>
public sealed record AccountResponse(string Domain, string? Name);

namespace Enrichment.Storage.Accounts;

/// <summary>A member the fill job writes; (account, <see cref="PersonKey"/>) is its identity.</summary>
public sealed record MemberWrite(
    string PersonKey,
    string Name,
    string? FirstName,
    string? LastName,
    string? Title,
    string Seniority,
    string Department,
    string Role,
    string? Email,
    string Source);

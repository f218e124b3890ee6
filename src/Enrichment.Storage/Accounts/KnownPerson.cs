namespace Enrichment.Storage.Accounts;

/// <summary>
/// Someone we already know at a domain: a contact (with address and latest verdict) or a person uploaded in a list
/// without an address. <see cref="Suppressed"/> comes from the suppressions table (address or domain).
/// </summary>
public sealed record KnownPerson
{
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? FullName { get; init; }
    public string? Title { get; init; }
    public string Source { get; init; } = null!;
    public string? Status { get; init; }
    public string[]? Reasons { get; init; }
    public bool Suppressed { get; init; }
}

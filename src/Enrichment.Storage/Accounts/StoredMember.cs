namespace Enrichment.Storage.Accounts;

/// <summary>
/// A committee member as stored, with its address's latest verdict (null: never verified) and whether the address or
/// its domain is suppressed.
/// </summary>
public sealed record StoredMember
{
    public string PersonKey { get; init; } = null!;
    public string Name { get; init; } = null!;
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? Title { get; init; }
    public string Seniority { get; init; } = null!;
    public string Department { get; init; } = null!;
    public string Role { get; init; } = null!;
    public string? Email { get; init; }
    public string Source { get; init; } = null!;
    public string? Status { get; init; }
    public short? Risk { get; init; }
    public string[]? Reasons { get; init; }
    public bool Suppressed { get; init; }
}

namespace Enrichment.Storage.Contacts;

/// <summary>A contact as the lead-gen API shows it: the person, their account, and the latest verdict.</summary>
public sealed class ContactView
{
    public long Id { get; init; }
    public string Email { get; init; } = "";
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? FullName { get; init; }
    public string? Title { get; init; }
    public string? AccountDomain { get; init; }
    public string? AccountName { get; init; }
    public string? Status { get; init; }
    public short? Risk { get; init; }
    public string[]? Reasons { get; init; }
    public DateTime? VerifiedAt { get; init; }
    public string Source { get; init; } = "";
    public DateTime UpdatedAt { get; init; }
}

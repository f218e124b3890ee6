using Enrichment.Storage.Contacts;

namespace Enrichment.Service.Contacts;

/// <summary>A contact in the lead-gen API (GET /api/contacts, claims).</summary>
public sealed record ContactResponse(
    string Email,
    string? FirstName,
    string? LastName,
    string? FullName,
    string? Title,
    AccountResponse? Account,
    string? Status,
    int? Risk,
    IReadOnlyList<string> Reasons,
    DateTimeOffset? VerifiedAt,
    string Source,
    DateTimeOffset UpdatedAt)
{
    public static ContactResponse Of(ContactView c)
    {
        ArgumentNullException.ThrowIfNull(c);
        return new ContactResponse(c.Email, c.FirstName, c.LastName, c.FullName, c.Title,
            c.AccountDomain is null ? null : new AccountResponse(c.AccountDomain, c.AccountName),
            c.Status, c.Risk, c.Reasons ?? [], c.VerifiedAt is { } v ? Utc(v) : null, c.Source, Utc(c.UpdatedAt));
    }

    static DateTimeOffset Utc(DateTime t) => new(DateTime.SpecifyKind(t, DateTimeKind.Utc));
}

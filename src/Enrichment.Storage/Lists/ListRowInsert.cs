namespace Enrichment.Storage.Lists;

/// <summary>
/// One data row as imported: original fields in input order, what the mapping made of it, or why it was rejected.
/// A row rejected at import, or already judged there (an address without a usable domain), carries its
/// <see cref="Status"/> and is settled on arrival.
/// </summary>
public sealed record ListRowInsert(
    int RowNo,
    int Line,
    IReadOnlyList<string> Fields,
    string? Email,
    string? Domain,
    string? FirstName = null,
    string? LastName = null,
    string? FullName = null,
    string? Company = null,
    string? CompanyDomain = null,
    string? Title = null,
    string? ExternalId = null,
    string? RejectionReason = null,
    string? RejectionColumn = null,
    int? DuplicateOf = null,
    string? Status = null,
    int? Risk = null,
    IReadOnlyList<string>? Reasons = null);

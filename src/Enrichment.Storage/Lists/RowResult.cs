namespace Enrichment.Storage.Lists;

/// <summary>The verdict written back to one row (keyed by list and row number; writing it twice changes nothing).</summary>
public sealed record RowResult(
    int RowNo,
    string? Email,
    bool Found,
    string? FindSource,
    string Status,
    int Risk,
    IReadOnlyList<string> Reasons,
    int? SmtpCode,
    string? MxHost,
    DateTimeOffset? VerifiedAt);

namespace Enrichment.Storage.Lists;

/// <summary>A row as downloaded: original fields plus the result columns.</summary>
public sealed class ResultRow
{
    public int RowNo { get; init; }
    public int Line { get; init; }
    public string[] Fields { get; init; } = [];
    public string? Email { get; init; }
    public bool Found { get; init; }
    public string? Status { get; init; }
    public short? Risk { get; init; }
    public string[]? Reasons { get; init; }
    public short? SmtpCode { get; init; }
    public string? MxHost { get; init; }
    public DateTime? VerifiedAt { get; init; }
    public string? RejectionReason { get; init; }
    public string? RejectionColumn { get; init; }
    public int? DuplicateOf { get; init; }
}

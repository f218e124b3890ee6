namespace Enrichment.Storage.Dashboard;

/// <summary>A row shown on a list's page (rejected or duplicate): where it is in the file and why it is listed.</summary>
public sealed class RowLine
{
    public int RowNo { get; init; }
    public int Line { get; init; }
    public string[] Fields { get; init; } = [];
    public string? Email { get; init; }
    public string? RejectionReason { get; init; }
    public string? RejectionColumn { get; init; }
    public int? DuplicateOf { get; init; }
    public int? DuplicateOfLine { get; init; }
}

namespace Enrichment.Storage.Lists;

/// <summary>A list's verdict counts counted from its rows (the summary stored at completion).</summary>
public sealed class ListTotals
{
    public int Rows { get; init; }
    public int Rejected { get; init; }
    public int Duplicates { get; init; }
    public int Deliverable { get; init; }
    public int Risky { get; init; }
    public int Undeliverable { get; init; }
    public int Unknown { get; init; }
    public int NotFound { get; init; }
    public int Found { get; init; }

    /// <summary>Mean bounce-risk score (0–100) over deliverable and risky rows: /100 is the expected bounce rate of
    /// the segment a sender would mail.</summary>
    public double MeanRiskSendable { get; init; }
}

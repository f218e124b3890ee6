namespace Enrichment.Storage.Dashboard;

/// <summary>What the lists page adds to a list's counters: the earliest greylisting retry and the sendable risk sum.</summary>
public sealed class ListLiveFacts
{
    public long ListId { get; init; }
    public DateTime? NextRetryAt { get; init; }
    public int Sendable { get; init; }
    public long RiskSum { get; init; }

    /// <summary>Expected bounce rate of deliverable + risky rows so far (mean risk / 100); null before any settled.</summary>
    public double? BounceEstimate => Sendable == 0 ? null : RiskSum / (double)Sendable / 100;
}

namespace Enrichment.Service.Accounts;

/// <summary>The fill jobs queued: one per account.</summary>
public sealed record FillQueued(IReadOnlyList<FillQueued.Job> Jobs)
{
    public sealed record Job(long AccountId, string Domain, string JobId);
}

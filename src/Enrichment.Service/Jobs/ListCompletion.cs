using Enrichment.Storage.Lists;
using Hangfire;

namespace Enrichment.Service.Jobs;

/// <summary>
/// The fan-in without Hangfire Pro batches: whoever sees the list's pending-domain counter at 0 tries to complete
/// it; the conditional UPDATE lets exactly one succeed, and that one enqueues the callback.
/// </summary>
public sealed class ListCompletion(ListStore lists, IBackgroundJobClient jobs, TimeProvider time)
{
    public async Task<bool> TryCompleteAsync(long listId, CancellationToken ct)
    {
        var list = await lists.GetAsync(listId, ct);
        if (list is null || ListStates.IsFinal(list.State) || list.DomainsPending > 0 || list.State == ListStates.Importing)
            return false;
        var totals = await lists.TotalsAsync(listId, ct);
        var summary = ListSummary.Of(list, totals, time.GetUtcNow());
        if (!await lists.TryCompleteAsync(listId, summary.ToJson(), ct))
            return false;
        if (list.CallbackUrl is not null)
            jobs.Enqueue<CallbackJob>(job => job.RunAsync(listId, 0, CancellationToken.None));
        return true;
    }
}

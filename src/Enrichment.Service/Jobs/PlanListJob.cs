using Enrichment.Storage.Lists;
using Hangfire;

namespace Enrichment.Service.Jobs;

/// <summary>
/// After an import: one smtp-queue job per domain of the list. Rerunnable: only domains without a job get one
/// (a crash between enqueue and bookkeeping makes a duplicate job, which finds its domain done and ends).
/// </summary>
public sealed class PlanListJob(ListStore lists, IBackgroundJobClient jobs, ListCompletion completion)
{
    [Queue(Queues.Import)]
    [JobDisplayName("Plan list {0}")]
    public async Task RunAsync(long listId, CancellationToken ct)
    {
        var list = await lists.GetAsync(listId, ct);
        if (list is null || ListStates.IsFinal(list.State))
            return;
        foreach (var domain in await lists.UnscheduledDomainsAsync(listId, ct))
        {
            var jobId = jobs.Enqueue<VerifyDomainJob>(job => job.RunAsync(listId, domain.Domain, domain.Rows, CancellationToken.None));
            await lists.SetDomainJobAsync(listId, domain.Domain, jobId, ct);
        }

        // Nothing to verify (every row rejected or judged at import): complete now.
        await completion.TryCompleteAsync(listId, ct);
    }
}

using Enrichment.Storage.Lists;
using Hangfire;

namespace Enrichment.Service.Jobs;

/// <summary>
/// After an import: one smtp-queue job per domain of the list. Rerunnable: only domains without a job get one
/// (a crash between enqueue and bookkeeping makes a duplicate job, which finds its domain done or leased and ends).
/// Enqueueing is the one serial step of a list, and each Hangfire enqueue is several round trips of its own: done one
/// at a time it capped a 2,000-domain list at ~5–10 domain jobs/s however many workers and processes waited. So the
/// domains are enqueued several at a time and their job ids recorded a chunk per statement.
/// </summary>
public sealed class PlanListJob(ListStore lists, IBackgroundJobClient jobs, ListCompletion completion)
{
    /// <summary>Enqueues in flight at once (each its own Hangfire transaction).</summary>
    const int Parallel = 8;

    /// <summary>Domains whose job ids are recorded together; a crash repeats at most this many enqueues.</summary>
    const int Chunk = 64;

    [Queue(Queues.Import)]
    [JobDisplayName("Plan list {0}")]
    public async Task RunAsync(long listId, CancellationToken ct)
    {
        var list = await lists.GetAsync(listId, ct);
        if (list is null || ListStates.IsFinal(list.State))
            return;
        foreach (var chunk in (await lists.UnscheduledDomainsAsync(listId, ct)).Chunk(Chunk))
        {
            var jobIds = new string[chunk.Length];
            await System.Threading.Tasks.Parallel.ForAsync(0, chunk.Length, new ParallelOptions { MaxDegreeOfParallelism = Parallel, CancellationToken = ct },
                (i, _) =>
                {
                    var domain = chunk[i];
                    jobIds[i] = jobs.Enqueue<VerifyDomainJob>(job => job.RunAsync(listId, domain.Domain, domain.Rows, CancellationToken.None));
                    return ValueTask.CompletedTask;
                });
            await lists.SetDomainJobsAsync(listId, [.. chunk.Select(d => d.Domain)], jobIds, ct);
        }

        // Nothing to verify (every row rejected or judged at import): complete now.
        await completion.TryCompleteAsync(listId, ct);
    }
}

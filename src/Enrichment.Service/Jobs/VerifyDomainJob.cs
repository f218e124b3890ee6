using Enrichment.Finding;
using Enrichment.Service.Hosting;
using Enrichment.Storage.Contacts;
using Enrichment.Storage.Domains;
using Enrichment.Storage.Lists;
using Enrichment.Verification;
using Enrichment.Verification.Flags;
using Enrichment.Verification.MailHosts;
using Enrichment.Verification.Probing;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Enrichment.Service.Jobs;

/// <summary>
/// One domain of one list: find addresses for the people without one, reuse recent verdicts, verify the rest in the
/// domain's SMTP session (Core's DomainVerifier), write verdicts, contacts and domain facts back. Recipients answered
/// 4xx are not waited for here: the job schedules itself at the retry time and ends. Idempotent: every write is keyed
/// by (list, row) or by address, and the domain settles exactly once. One copy at a time: the job works under a lease
/// on the domain (renewed while it probes); a second copy that finds the lease live ends and comes back when it would
/// expire, and a copy that lost its lease has its results refused by the fencing token.
/// </summary>
public sealed class VerifyDomainJob(
    DomainLeaseStore leases,
    ListRowStore rows,
    VerificationStore verifications,
    ContactStore contacts,
    DomainStore domains,
    DomainVerifier verifier,
    VerificationPolicy policy,
    AddressFinder finder,
    DomainLists domainLists,
    ListCompletion completion,
    IBackgroundJobClient jobs,
    IOptions<ServiceOptions> options,
    TimeProvider time,
    ILogger<VerifyDomainJob> log)
{
    /// <summary>This process, as the dashboard and the fault tests see who worked on a domain.</summary>
    static readonly string Worker = $"{Environment.MachineName}:{Environment.ProcessId}";

    /// <summary>How long after another copy's lease would run out this copy looks again (the schedule poll's slack).</summary>
    static readonly TimeSpan LeaseSlack = TimeSpan.FromSeconds(2);

    [Queue(Queues.Smtp)]
    [JobDisplayName("Verify {1} — list {0}, {2} addresses")]
    public async Task RunAsync(long listId, string domain, int addresses, CancellationToken ct)
    {
        var started = time.GetUtcNow();
        var owner = $"{Worker}:{Guid.NewGuid():N}";
        var start = await leases.StartAsync(listId, domain, owner, Worker, started, started + options.Value.DomainLease, ct);
        if (start.Lease is not { } lease)
        {
            if (start.HeldUntil is { } heldUntil)
            {
                // Another copy of this job is working on the domain (at-least-once delivery). Come back when its lease
                // would run out: by then it has settled the domain (this copy then ends at once) or it died.
                jobs.Schedule<VerifyDomainJob>(job => job.RunAsync(listId, domain, addresses, CancellationToken.None), heldUntil + LeaseSlack);
                log.LogInformation("List {ListId}: {Domain} is held by another worker until {Until:u}; looking again then", listId, domain, heldUntil);
            }
            else if (start.ListState is not null)
            {
                // The list is cancelled or final, or a duplicate job finds the domain done: at most completion is left.
                await completion.TryCompleteAsync(listId, ct);
            }

            return;
        }

        var leaseUsed = false;
        try
        {
            await using var renewal = new LeaseRenewal(leases, lease, options.Value.DomainLease, time, ct);
            try
            {
                leaseUsed = await WorkAsync(lease, addresses, renewal.Token);
            }
            catch (OperationCanceledException) when (renewal.WasLost && !ct.IsCancellationRequested)
            {
                leaseUsed = true; // nothing of ours to release: the newer holder owns the domain
                log.LogWarning("List {ListId}: the lease on {Domain} was taken over by another worker; this copy stopped without writing", listId, domain);
            }
        }
        finally
        {
            if (!leaseUsed)
                await ReleaseQuietlyAsync(lease);
        }
    }

    /// <summary>A job that fails (or is stopped) gives its lease back, so its retry need not wait for the lease to run out.</summary>
    async Task ReleaseQuietlyAsync(DomainLease lease)
    {
        try
        {
            await leases.ReleaseAsync(lease, CancellationToken.None);
        }
        catch (Exception ex) when (ex is Npgsql.NpgsqlException or TimeoutException or System.Net.Sockets.SocketException or IOException)
        {
            // The database is away (that may be why the job failed): the lease runs out by itself, and the job's retry
            // waits for it instead of probing alongside a holder it cannot see.
            log.LogWarning("List {ListId}: could not release the lease on {Domain} ({Error}); it runs out by itself", lease.ListId, lease.Domain, ex.Message);
        }
    }

    /// <summary>The work under the lease. True when the lease was used up (settled, deferred or lost): nothing to release.</summary>
    async Task<bool> WorkAsync(DomainLease lease, int addresses, CancellationToken ct)
    {
        var (listId, domain, attempt) = (lease.ListId, lease.Domain, lease.Attempt);
        var open = (await rows.DomainRowsAsync(listId, domain, ct)).Where(r => r.Status is null).ToList();
        var now = time.GetUtcNow();
        var results = new List<RowResult>(open.Count);
        var fresh = new List<VerificationResult>();

        // 1. Verdicts young enough to reuse (per-verdict ages) cost no SMTP at all.
        var given = open.Where(r => r.Email is not null && !r.Found).ToList();
        var reusable = await verifications.ReusableAsync(
            given.Select(r => r.Email!).Distinct(StringComparer.Ordinal).ToList(), options.Value.ReuseVerdictsFor, now, ct);
        foreach (var row in given.Where(r => reusable.ContainsKey(r.Email!)))
        {
            var v = reusable[row.Email!];
            results.Add(new RowResult(row.RowNo, row.Email, false, null, v.Status, v.Risk, v.Reasons, v.SmtpCode, v.MxHost, v.VerifiedAt));
        }

        var toVerify = given.Where(r => !reusable.ContainsKey(r.Email!)).ToList();
        var people = open.Where(r => r.Email is null).ToList();

        // 2. People without an address: domain search + pattern guessing give ranked candidates.
        var candidates = new Dictionary<int, (IReadOnlyList<string> Ranked, string Source)>();
        if (people.Count > 0)
        {
            var known = given.Select(r => new FindRequest(r.RowNo, r.FirstName, r.LastName, r.FullName, r.Title, r.Email));
            var found = await finder.FindAsync(domain,
                [.. known, .. people.Select(p => new FindRequest(p.RowNo, p.FirstName, p.LastName, p.FullName, p.Title, null))], null, ct);
            foreach (var person in people)
            {
                var result = found.Results.FirstOrDefault(r => r.Id == person.RowNo);
                if (result is null || result.Candidates.Count == 0)
                {
                    results.Add(new RowResult(person.RowNo, null, false, result?.Source, AddressFinder.StatusNotFound, 100,
                        result?.Reasons ?? ["no_candidates"], null, null, null));
                    continue;
                }

                candidates[person.RowNo] = (result.Candidates, result.Source);
            }
        }

        // 3. One verification of the domain: given addresses and each person's guesses (alternatives: probing stops at
        // the first accepted guess).
        DomainRetry? retry = null;
        MailHostLookup? mailHosts = null;
        if (toVerify.Count > 0 || candidates.Count > 0)
        {
            var requests = toVerify.Select(r => new VerificationRequest(r.RowNo, r.Email!))
                .Concat(candidates.SelectMany(c => c.Value.Ranked.Select(address => new VerificationRequest(c.Key, address))))
                .ToList();
            var verification = await verifier.VerifyAsync(
                new DomainWork(domain, requests, attempt - 1, Alternatives: candidates.Count > 0), policy, ct);
            retry = verification.Retry;
            mailHosts = verification.MailHosts;
            fresh.AddRange(verification.Results);
            var byRow = verification.Results.ToLookup(r => (int)r.Id);
            var pending = retry?.Requests.Select(r => (int)r.Id).ToHashSet() ?? [];
            foreach (var row in toVerify)
            {
                if (byRow[row.RowNo].FirstOrDefault() is { } v)
                    results.Add(ToRowResult(row.RowNo, v, found: false, source: null));
                else if (!pending.Contains(row.RowNo))
                    results.Add(new RowResult(row.RowNo, row.Email, false, null, "unknown", 50, [Reasons.InternalError], null, null, now));
            }

            foreach (var (rowNo, (ranked, source)) in candidates)
            {
                if (pending.Contains(rowNo))
                    continue;
                var verdicts = byRow[rowNo].Where(v => v.Normalized is not null).GroupBy(v => v.Normalized!).ToDictionary(g => g.Key, g => g.First());
                results.Add(FoundAddress.Choose(ranked, verdicts) is { } chosen
                    ? ToRowResult(rowNo, chosen, found: true, source)
                    : new RowResult(rowNo, null, false, source, AddressFinder.StatusNotFound, 100, [Reasons.MailboxNotFound], null, null, now));
            }
        }

        if (!await WriteBackAsync(lease, open, results, fresh, mailHosts, now, ct))
        {
            log.LogWarning("List {ListId}: the lease on {Domain} was taken over before its results were written; they were dropped", listId, domain);
            return true;
        }

        if (retry is not null)
        {
            // Greylisted: the domain waits for a delayed job; this worker is free at once.
            if (await leases.DeferAsync(lease, retry.NotBefore, ct))
            {
                jobs.Schedule<VerifyDomainJob>(job => job.RunAsync(listId, domain, addresses, CancellationToken.None), retry.NotBefore);
                log.LogInformation("List {ListId}: {Domain} has {Count} recipient(s) answering 4xx; retry at {At:u}", listId, domain, retry.Requests.Count, retry.NotBefore);
            }

            return true;
        }

        if (await leases.SettleAsync(lease, ct) is not null)
            await completion.TryCompleteAsync(listId, ct);
        return true;
    }

    /// <summary>
    /// The rows' verdicts first, fenced by the lease (false: taken over, nothing written); then the shared tables, each
    /// of which keeps the newer of two writes (verifications and domain facts by their time; contacts fill gaps only).
    /// </summary>
    async Task<bool> WriteBackAsync(DomainLease lease, IReadOnlyList<RowWork> open, List<RowResult> results, List<VerificationResult> fresh, MailHostLookup? mailHosts, DateTimeOffset now, CancellationToken ct)
    {
        var (listId, domain) = (lease.ListId, lease.Domain);
        if (!await leases.WriteResultsAsync(lease, results, now, ct))
            return false;
        await verifications.UpsertAsync([.. fresh.Where(v => v.Normalized is not null).Select(v => new VerificationRecord(
            v.Normalized!, domain, VerificationResult.StatusText(v.Status), v.Risk, v.Reasons, v.SmtpCode,
            v.SmtpText is null ? null : $"{v.SmtpCode} {v.EnhancedCode} {v.SmtpText}".Trim(), v.MxHost, v.CatchAll, v.VerifiedAt, listId))], ct);

        var byRow = open.ToDictionary(r => r.RowNo);
        var accountDomain = domainLists.IsFreeProvider(domain) ? null : domain;
        await contacts.UpsertAsync([.. results
            .Where(r => r.Email is not null && r.Status is "deliverable" or "risky")
            .Select(r => (Result: r, Row: byRow[r.RowNo]))
            .Select(x => new ContactRecord(x.Result.Email!, x.Row.FirstName, x.Row.LastName, x.Row.FullName, x.Row.Title,
                x.Row.CompanyDomain ?? accountDomain, $"list:{listId}"))], ct);

        if (mailHosts is { Hosts.Count: > 0 } lookup)
        {
            await domains.SetMailHostsAsync(domain, [.. lookup.Hosts.Select(h => new MxHostEntry(h.Name, h.Preference))],
                MailProvider.Of(lookup.Hosts[0].Name), now, ct);
        }

        return true;
    }

    static RowResult ToRowResult(int rowNo, VerificationResult v, bool found, string? source) =>
        new(rowNo, v.Normalized ?? v.Input, found, source, VerificationResult.StatusText(v.Status), v.Risk, v.Reasons, v.SmtpCode, v.MxHost, v.VerifiedAt);
}

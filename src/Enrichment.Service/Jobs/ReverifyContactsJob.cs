using Enrichment.Storage.Consumers;
using Enrichment.Storage.Contacts;
using Enrichment.Verification;
using Hangfire;

namespace Enrichment.Service.Jobs;

/// <summary>
/// Stale contacts a claim left out under the "reverify" policy: verified again through the service's verification
/// path (DomainVerifier, one SMTP session per domain), the fresh verdict written to verifications so a later claim can
/// hand them out. Recipients answering 4xx get a delayed job of their own. Idempotent: contacts already done (or erased)
/// are no longer queued and are skipped.
/// </summary>
public sealed class ReverifyContactsJob(
    ReverificationStore queue,
    VerificationStore verifications,
    DomainVerifier verifier,
    VerificationPolicy policy,
    IBackgroundJobClient jobs,
    ILogger<ReverifyContactsJob> log)
{
    [Queue(Queues.Smtp)]
    [JobDisplayName("Re-verify {0.Length} stale contacts")]
    public async Task RunAsync(long[] contactIds, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(contactIds);
        var emails = await queue.PendingEmailsAsync(contactIds, ct);
        foreach (var domain in emails.GroupBy(e => e[(e.LastIndexOf('@') + 1)..], StringComparer.Ordinal))
        {
            var addresses = domain.ToList();
            var work = new DomainWork(domain.Key, [.. addresses.Select((e, i) => new VerificationRequest(i, e))]);
            var verification = await verifier.VerifyAsync(work, policy, ct);
            await verifications.UpsertAsync([.. verification.Results.Where(v => v.Normalized is not null).Select(v => new VerificationRecord(
                v.Normalized!, domain.Key, VerificationResult.StatusText(v.Status), v.Risk, v.Reasons, v.SmtpCode,
                v.SmtpText is null ? null : $"{v.SmtpCode} {v.EnhancedCode} {v.SmtpText}".Trim(), v.MxHost, v.CatchAll, v.VerifiedAt, null))], ct);
            var pending = verification.Retry?.Requests.Select(r => addresses[(int)r.Id]).ToHashSet(StringComparer.Ordinal) ?? [];
            await queue.DoneAsync([.. addresses.Where(a => !pending.Contains(a))], ct);
            if (verification.Retry is { } retry && pending.Count > 0)
            {
                var ids = (await queue.IdsAsync(pending, ct)).ToArray();
                jobs.Schedule<ReverifyContactsJob>(job => job.RunAsync(ids, CancellationToken.None), retry.NotBefore);
                log.LogInformation("Re-verification of {Count} address(es) at {Domain} answered 4xx; retry at {At:u}", pending.Count, domain.Key, retry.NotBefore);
            }
        }
    }
}

using Enrichment.Verification.Flags;
using Enrichment.Verification.MailHosts;
using Enrichment.Verification.Probing;
using Enrichment.Verification.Smtp;
using Enrichment.Verification.Syntax;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enrichment.Verification;

/// <summary>
/// The unit of work the schedulers run: one domain's addresses in, verdicts out, plus the addresses still answered
/// 4xx with the earliest time to ask them again. It never sleeps through a greylisting window: the CLI re-queues the
/// retry in process, the service turns it into a delayed job. Syntax → flags → mail hosts → SMTP → bounce risk.
/// </summary>
public sealed class DomainVerifier
{
    private readonly IMailHostResolver _hosts;
    private readonly DomainLists _lists;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly DomainSessions _sessions;

    public DomainVerifier(
        IMailHostResolver hosts,
        IRecipientSessionFactory sessions,
        DomainLists lists,
        ICatchAllStore catchAll,
        ISessionLimiter limiter,
        VerificationOptions options,
        TimeProvider? time = null,
        ILogger<DomainVerifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        ArgumentNullException.ThrowIfNull(sessions);
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(catchAll);
        ArgumentNullException.ThrowIfNull(limiter);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _hosts = hosts;
        _lists = lists;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _sessions = new DomainSessions(sessions, catchAll, limiter, options, _time, _logger);
    }

    /// <summary>
    /// Verifies <paramref name="work"/>'s addresses once. Every request gets a result in
    /// <see cref="DomainVerification.Results"/>, except those in <see cref="DomainVerification.Retry"/> and, with
    /// alternatives, guesses left unprobed because a better one was accepted.
    /// </summary>
    /// <exception cref="ArgumentException">A syntactically valid address is not on <see cref="DomainWork.Domain"/>.</exception>
    public async Task<DomainVerification> VerifyAsync(DomainWork work, VerificationPolicy policy, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(work);
        ArgumentNullException.ThrowIfNull(policy);
        policy.Validate();
        var results = new List<VerificationResult>(work.Requests.Count);
        var batch = new List<(VerificationRequest Request, EmailAddress Address, string? Suggestion)>(work.Requests.Count);
        foreach (var request in work.Requests)
        {
            var syntax = EmailSyntax.Parse(request.Input);
            if (syntax.Address is not { } address)
            {
                results.Add(FromSyntaxError(request, syntax));
                continue;
            }

            if (!string.Equals(address.Domain, work.Domain, StringComparison.OrdinalIgnoreCase))
            {
                throw new ArgumentException($"request {request.Id} '{request.Input}' is on {address.Domain}, not on {work.Domain}", nameof(work));
            }

            batch.Add((request, address, syntax.Suggestion));
        }

        DomainRetry? retry = null;
        MailHostLookup? mailHosts = null;
        if (batch.Count > 0)
        {
            var domain = batch[0].Address.Domain;
            var lookup = await _hosts.ResolveAsync(domain, cancellationToken);
            mailHosts = lookup;
            var dns = lookup.Outcome switch
            {
                MxOutcome.Mx or MxOutcome.ImplicitMx => DnsFinding.MailHosts,
                MxOutcome.NullMx => DnsFinding.NullMx,
                MxOutcome.NoDomain => DnsFinding.NoDomain,
                MxOutcome.NoMailHost => DnsFinding.NoMailHost,
                MxOutcome.MxUnresolvable => DnsFinding.MxUnresolvable,
                _ => DnsFinding.Failed,
            };

            var probes = new Dictionary<string, RecipientProbe>(StringComparer.Ordinal);
            var again = new HashSet<string>(StringComparer.Ordinal);
            var probed = dns == DnsFinding.MailHosts && policy.ProbeSmtp;
            if (probed)
            {
                var items = batch
                    .Select((p, i) => new DomainSessions.Item(p.Address.Normalized, work.Alternatives ? p.Request.Id : i))
                    .DistinctBy(i => i.Address)
                    .ToList();
                var transient = await _sessions.RunAsync(domain, lookup.Hosts, items, work.Alternatives, probes, cancellationToken);
                var next = GreylistSchedule.NextAttempt(policy, work.Attempt, transient.Select(t => probes[t.Address].Reply), _time.GetUtcNow());
                if (transient.Count > 0 && next is { } notBefore)
                {
                    again.UnionWith(transient.Select(t => t.Address));
                    retry = new DomainRetry([], notBefore, work.Attempt + 1, []);
                }
            }

            var firstHost = lookup.Hosts.Count > 0 ? lookup.Hosts[0].Name : null;
            var pendingRequests = new List<VerificationRequest>();
            var provisional = new List<VerificationResult>();
            foreach (var (request, address, suggestion) in batch)
            {
                var probe = probes.GetValueOrDefault(address.Normalized);
                if (work.Alternatives && probed && probe is null)
                {
                    continue; // an alternative left unprobed because a better one was accepted
                }

                var verdict = BounceRisk.Assess(new RiskEvidence(
                    SyntaxValid: true,
                    Dns: dns,
                    Smtp: probe?.Finding ?? SmtpFinding.NotRun,
                    Disposable: _lists.IsDisposable(address.Domain),
                    Role: !address.QuotedLocalPart && _lists.IsRole(address.LocalPart),
                    FreeProvider: _lists.IsFreeProvider(address.Domain),
                    TypoSuggested: suggestion is not null,
                    QuotedLocalPart: address.QuotedLocalPart,
                    CatchAllUntested: probe?.CatchAllUntested == true));
                var result = new VerificationResult(
                    request.Id,
                    request.Input,
                    address.Normalized,
                    verdict.Status,
                    verdict.Score,
                    verdict.Reasons,
                    probe?.MxHost ?? firstHost,
                    probe?.CatchAll,
                    probe?.Reply?.Code,
                    probe?.Reply?.Enhanced?.ToString(),
                    probe?.Reply?.Text,
                    probe?.Tls,
                    _time.GetUtcNow(),
                    suggestion,
                    probe?.Detail ?? lookup.Error);
                if (again.Contains(address.Normalized))
                {
                    pendingRequests.Add(request);
                    provisional.Add(result);
                }
                else
                {
                    results.Add(result);
                    VerificationMetrics.Verdict(result);
                }
            }

            if (retry is not null)
            {
                retry = retry with { Requests = pendingRequests, Provisional = provisional };
                _logger.LogDebug("{Domain}: {Count} recipients answered 4xx; asking again at {At}", domain, pendingRequests.Count, retry.NotBefore);
            }
        }

        return new DomainVerification(results, retry, mailHosts);
    }

    private VerificationResult FromSyntaxError(VerificationRequest request, SyntaxResult syntax)
    {
        var verdict = BounceRisk.Assess(new RiskEvidence(SyntaxValid: false, DnsFinding.NotRun, SmtpFinding.NotRun));
        var result = new VerificationResult(
            request.Id, request.Input, null, verdict.Status, verdict.Score, [.. verdict.Reasons, syntax.Error ?? "invalid"],
            null, null, null, null, null, null, _time.GetUtcNow(), syntax.Suggestion, syntax.ErrorDetail);
        VerificationMetrics.Verdict(result);
        return result;
    }
}

using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Enrichment.Verification.Dns;
using Enrichment.Verification.Flags;
using Enrichment.Verification.Smtp;
using Enrichment.Verification.Syntax;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enrichment.Verification;

/// <summary>
/// The verification engine: syntax → flags → MX → SMTP → bounce risk. Addresses are grouped by domain so
/// that a domain's recipients share one SMTP session and one catch-all probe.
/// </summary>
public sealed class EmailVerifier : IDisposable
{
    private readonly MxResolver _dns;
    private readonly DomainLists _lists;
    private readonly VerificationOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly SessionLimiter _limiter;
    private readonly DomainProber _prober;

    public EmailVerifier(
        MxResolver dns,
        DomainLists lists,
        SmtpProbeOptions smtp,
        VerificationOptions options,
        TimeProvider? time = null,
        ILogger<EmailVerifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(dns);
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(smtp);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _dns = dns;
        _lists = lists;
        _options = options;
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _limiter = new SessionLimiter(options.MaxConcurrentSessions, options.MaxSessionsPerHost);
        CatchAll = new CatchAllCache(options.CatchAllCacheAge, _time);
        _prober = new DomainProber(dns, smtp, options, CatchAll, _limiter, _time, _logger);
    }

    /// <summary>Per-domain catch-all verdicts learned so far (shared by every batch of this verifier).</summary>
    public CatchAllCache CatchAll { get; }

    /// <summary>Addresses a domain batch collects before it is probed; larger batches reuse sessions better.</summary>
    public int DomainBatchSize { get; init; } = 500;

    /// <summary>Valid addresses held back waiting for more of their domain; bounds memory on huge inputs.</summary>
    public int MaxBuffered { get; init; } = 7_500;

    /// <summary>Verifies a list and returns the results in input order.</summary>
    public async Task<IReadOnlyList<VerificationResult>> VerifyAsync(IEnumerable<string> addresses, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        var requests = addresses.Select((a, i) => new VerificationRequest(i, a)).ToList();
        var results = new VerificationResult[requests.Count];
        await foreach (var result in VerifyAsync(requests.ToAsyncEnumerable(), cancellationToken))
        {
            results[result.Id] = result;
        }

        return results;
    }

    /// <summary>
    /// Streams results as domains finish (not in input order: match them by <see cref="VerificationRequest.Id"/>).
    /// Memory stays bounded by <see cref="MaxBuffered"/> and the number of domains in flight.
    /// </summary>
    public async IAsyncEnumerable<VerificationResult> VerifyAsync(
        IAsyncEnumerable<VerificationRequest> requests,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var output = Channel.CreateBounded<VerificationResult>(new BoundedChannelOptions(1024) { SingleReader = true });
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(() => ProduceAsync(requests, output.Writer, linked.Token), linked.Token);
        try
        {
            await foreach (var result in output.Reader.ReadAllAsync(cancellationToken))
            {
                yield return result;
            }

            await producer;
        }
        finally
        {
            await linked.CancelAsync();
            try
            {
                await producer;
            }
            catch (OperationCanceledException)
            {
                // the consumer stopped early; the producer's work is no longer wanted
            }
        }
    }

    /// <summary>
    /// Verifies one domain's recipients in that domain's session(s). Each group holds alternatives for one
    /// person, best first: probing stops at the first accepted one, and unprobed alternatives are absent
    /// from the result.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, VerificationResult>> VerifyAlternativesAsync(
        IReadOnlyList<IReadOnlyList<string>> groups,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(groups);
        var results = new Dictionary<string, VerificationResult>(StringComparer.Ordinal);
        var byDomain = new Dictionary<string, List<(EmailAddress Address, int Group, string Input)>>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var input in groups[g])
            {
                var syntax = EmailSyntax.Parse(input);
                if (syntax.Address is null)
                {
                    results[input] = FromSyntaxError(new VerificationRequest(g, input), syntax);
                    continue;
                }

                if (!byDomain.TryGetValue(syntax.Address.Domain, out var list))
                {
                    byDomain[syntax.Address.Domain] = list = [];
                }

                list.Add((syntax.Address, g, input));
            }
        }

        foreach (var (domain, items) in byDomain)
        {
            var batch = items.Select(i => new Pending(new VerificationRequest(i.Group, i.Input), i.Address, null)).ToList();
            foreach (var result in await VerifyDomainAsync(domain, batch, grouped: true, cancellationToken))
            {
                results[result.Input] = result;
            }
        }

        return results;
    }

    private sealed record Pending(VerificationRequest Request, EmailAddress Address, string? Suggestion);

    private async Task ProduceAsync(IAsyncEnumerable<VerificationRequest> requests, ChannelWriter<VerificationResult> output, CancellationToken cancellationToken)
    {
        var buffers = new Dictionary<string, List<Pending>>(StringComparer.Ordinal);
        var buffered = 0;
        var inFlight = new List<Task>();
        using var slots = new SemaphoreSlim(_options.MaxConcurrentSessions * 2);
        Exception? failure = null;
        try
        {
            async Task DispatchAsync(string domain)
            {
                var batch = buffers[domain];
                buffers.Remove(domain);
                buffered -= batch.Count;
                await slots.WaitAsync(cancellationToken);
                inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
                inFlight.Add(Task.Run(
                    async () =>
                    {
                        var holding = true;

                        // A domain waiting out a greylisting window (minutes) gives its slot to the others meanwhile.
                        async Task WaitOutsideSlotAsync(TimeSpan delay, CancellationToken token)
                        {
                            holding = false;
                            slots.Release();
                            await Task.Delay(delay, _time, token);
                            await slots.WaitAsync(token);
                            holding = true;
                        }

                        try
                        {
                            foreach (var result in await VerifyDomainSafelyAsync(domain, batch, WaitOutsideSlotAsync, cancellationToken))
                            {
                                await output.WriteAsync(result, cancellationToken);
                            }
                        }
                        finally
                        {
                            if (holding)
                            {
                                slots.Release();
                            }
                        }
                    },
                    cancellationToken));
            }

            await foreach (var request in requests.WithCancellation(cancellationToken))
            {
                var syntax = EmailSyntax.Parse(request.Input);
                if (syntax.Address is not { } address)
                {
                    await output.WriteAsync(FromSyntaxError(request, syntax), cancellationToken);
                    continue;
                }

                if (!buffers.TryGetValue(address.Domain, out var list))
                {
                    buffers[address.Domain] = list = [];
                }

                list.Add(new Pending(request, address, syntax.Suggestion));
                buffered++;
                if (list.Count >= DomainBatchSize)
                {
                    await DispatchAsync(address.Domain);
                }
                else if (buffered >= MaxBuffered)
                {
                    // Too much held back: send the largest half of the domains on their way.
                    foreach (var domain in buffers.OrderByDescending(b => b.Value.Count).Select(b => b.Key).ToList())
                    {
                        await DispatchAsync(domain);
                        if (buffered < MaxBuffered / 2)
                        {
                            break;
                        }
                    }
                }
            }

            foreach (var domain in buffers.Keys.ToList())
            {
                await DispatchAsync(domain);
            }

            await Task.WhenAll(inFlight);
        }
        catch (Exception ex)
        {
            failure = ex;
            throw;
        }
        finally
        {
            // Domain tasks still running hold slots and write to the output: let them finish (they see the same
            // cancellation) before the slots go away and the output is completed.
            try
            {
                await Task.WhenAll(inFlight);
            }
            catch (Exception ex) when (failure is not null)
            {
                _logger.LogDebug("{Count} domain batches ended with the input: {Error}", inFlight.Count, ex.Message);
            }

            output.TryComplete(failure);
        }
    }

    /// <summary>
    /// One domain's batch, never failing the run: an unexpected error (a bug, a server we did not foresee) turns
    /// that domain's addresses into "unknown" rows that say so, and every other domain goes on.
    /// </summary>
    private async Task<List<VerificationResult>> VerifyDomainSafelyAsync(
        string domain, List<Pending> batch, Func<TimeSpan, CancellationToken, Task> waitForRetry, CancellationToken cancellationToken)
    {
        try
        {
            return await VerifyDomainAsync(domain, batch, grouped: false, cancellationToken, waitForRetry);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Verifying {Domain} failed unexpectedly", domain);
            return batch.Select(p => new VerificationResult(
                p.Request.Id, p.Request.Input, p.Address.Normalized, VerificationStatus.Unknown, 50, [Reasons.InternalError],
                null, null, null, null, null, null, _time.GetUtcNow(), p.Suggestion, $"{ex.GetType().Name}: {ex.Message}")).ToList();
        }
    }

    private async Task<List<VerificationResult>> VerifyDomainAsync(
        string domain, List<Pending> batch, bool grouped, CancellationToken cancellationToken, Func<TimeSpan, CancellationToken, Task>? waitForRetry = null)
    {
        var lookup = await _dns.LookupAsync(domain, cancellationToken);
        var dns = lookup.Outcome switch
        {
            MxOutcome.Mx or MxOutcome.ImplicitMx => DnsFinding.MailHosts,
            MxOutcome.NullMx => DnsFinding.NullMx,
            MxOutcome.NoDomain => DnsFinding.NoDomain,
            MxOutcome.NoMailHost => DnsFinding.NoMailHost,
            _ => DnsFinding.Failed,
        };

        IReadOnlyDictionary<string, RecipientProbe> probes = new Dictionary<string, RecipientProbe>();
        if (dns == DnsFinding.MailHosts && _options.ProbeSmtp)
        {
            var groups = grouped
                ? batch.GroupBy(p => p.Request.Id).Select(g => (IReadOnlyList<string>)g.Select(p => p.Address.Normalized).ToList()).ToList()
                : batch.Select(p => (IReadOnlyList<string>)[p.Address.Normalized]).ToList();
            probes = await _prober.ProbeAsync(domain, lookup.Hosts, groups, cancellationToken, waitForRetry);
        }

        var results = new List<VerificationResult>(batch.Count);
        var firstHost = lookup.Hosts.Count > 0 ? lookup.Hosts[0].Exchange : null;
        foreach (var pending in batch)
        {
            var probe = probes.GetValueOrDefault(pending.Address.Normalized);
            if (grouped && dns == DnsFinding.MailHosts && _options.ProbeSmtp && probe is null)
            {
                continue; // an alternative left unprobed because a better one was accepted
            }

            var smtp = probe?.Finding ?? SmtpFinding.NotRun;
            var verdict = BounceRisk.Assess(new RiskEvidence(
                SyntaxValid: true,
                Dns: dns,
                Smtp: smtp,
                Disposable: _lists.IsDisposable(pending.Address.Domain),
                Role: !pending.Address.QuotedLocalPart && _lists.IsRole(pending.Address.LocalPart),
                FreeProvider: _lists.IsFreeProvider(pending.Address.Domain),
                TypoSuggested: pending.Suggestion is not null,
                QuotedLocalPart: pending.Address.QuotedLocalPart));
            results.Add(new VerificationResult(
                pending.Request.Id,
                pending.Request.Input,
                pending.Address.Normalized,
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
                pending.Suggestion,
                probe?.Detail ?? lookup.Error));
        }

        return results;
    }

    private VerificationResult FromSyntaxError(VerificationRequest request, SyntaxResult syntax)
    {
        var verdict = BounceRisk.Assess(new RiskEvidence(SyntaxValid: false, DnsFinding.NotRun, SmtpFinding.NotRun));
        return new VerificationResult(
            request.Id, request.Input, null, verdict.Status, verdict.Score, [.. verdict.Reasons, syntax.Error ?? "invalid"],
            null, null, null, null, null, null, _time.GetUtcNow(), syntax.Suggestion, syntax.ErrorDetail);
    }

    public void Dispose() => _limiter.Dispose();
}

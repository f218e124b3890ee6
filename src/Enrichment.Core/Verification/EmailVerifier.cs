using Enrichment.Verification.MailHosts;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Enrichment.Verification.Flags;
using Enrichment.Verification.Probing;
using Enrichment.Verification.Smtp;
using Enrichment.Verification.Syntax;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enrichment.Verification;

/// <summary>
/// The in-process scheduler over <see cref="DomainVerifier"/> (the CLI's engine): addresses are grouped by domain so
/// that a domain's recipients share one SMTP session and one catch-all probe, and a domain whose recipients are
/// greylisted is re-queued for its retry time while other domains use its slot.
/// </summary>
public sealed class EmailVerifier : IDisposable
{
    private readonly VerificationOptions _options;
    private readonly VerificationPolicy _policy;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly MemorySessionLimiter _limiter;
    private readonly DomainVerifier _domains;

    public EmailVerifier(
        MailHosts.IMailHostResolver hosts,
        IRecipientSessionFactory sessions,
        DomainLists lists,
        VerificationOptions options,
        TimeProvider? time = null,
        ILogger<EmailVerifier>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        _options = options;
        _policy = new VerificationPolicy { RetrySchedule = options.RetrySchedule, ProbeSmtp = options.ProbeSmtp };
        _time = time ?? TimeProvider.System;
        _logger = (ILogger?)logger ?? NullLogger.Instance;
        _limiter = new MemorySessionLimiter(options.MaxConcurrentSessions, options.MaxSessionsPerProvider);
        CatchAll = new MemoryCatchAllStore();
        _domains = new DomainVerifier(hosts, sessions, lists, CatchAll, _limiter, options, _time);
    }

    /// <summary>Per-domain catch-all knowledge learned so far (shared by every batch of this verifier).</summary>
    public MemoryCatchAllStore CatchAll { get; }

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
        var byDomain = new Dictionary<string, List<VerificationRequest>>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var input in groups[g])
            {
                var syntax = EmailSyntax.Parse(input);
                var domain = syntax.Address?.Domain ?? "";
                if (!byDomain.TryGetValue(domain, out var list))
                {
                    byDomain[domain] = list = [];
                }

                list.Add(new VerificationRequest(g, input));
            }
        }

        foreach (var (domain, requests) in byDomain)
        {
            foreach (var result in await VerifyDomainAsync(new DomainWork(domain, requests, Alternatives: true), WaitAsync, cancellationToken))
            {
                results[result.Input] = result;
            }
        }

        return results;
    }

    private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, _time, cancellationToken);

    private async Task ProduceAsync(IAsyncEnumerable<VerificationRequest> requests, ChannelWriter<VerificationResult> output, CancellationToken cancellationToken)
    {
        var buffers = new Dictionary<string, List<VerificationRequest>>(StringComparer.Ordinal);
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
                            foreach (var result in await VerifyDomainSafelyAsync(new DomainWork(domain, batch), WaitOutsideSlotAsync, cancellationToken))
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
                    var invalid = await _domains.VerifyAsync(new DomainWork("", [request]), _policy, cancellationToken);
                    await output.WriteAsync(invalid.Results[0], cancellationToken);
                    continue;
                }

                if (!buffers.TryGetValue(address.Domain, out var list))
                {
                    buffers[address.Domain] = list = [];
                }

                list.Add(request);
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
        DomainWork work, Func<TimeSpan, CancellationToken, Task> waitForRetry, CancellationToken cancellationToken)
    {
        try
        {
            return await VerifyDomainAsync(work, waitForRetry, cancellationToken);
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            _logger.LogError(ex, "Verifying {Domain} failed unexpectedly", work.Domain);
            return work.Requests.Select(r => new VerificationResult(
                r.Id, r.Input, EmailSyntax.Parse(r.Input).Address?.Normalized, VerificationStatus.Unknown, 50, [Reasons.InternalError],
                null, null, null, null, null, null, _time.GetUtcNow(), null, $"{ex.GetType().Name}: {ex.Message}")).ToList();
        }
    }

    /// <summary>Runs the domain's unit of work, re-queueing greylisted recipients in process until the policy gives up.</summary>
    private async Task<List<VerificationResult>> VerifyDomainAsync(
        DomainWork work, Func<TimeSpan, CancellationToken, Task> waitForRetry, CancellationToken cancellationToken)
    {
        var results = new List<VerificationResult>(work.Requests.Count);
        while (true)
        {
            var outcome = await _domains.VerifyAsync(work, _policy, cancellationToken);
            results.AddRange(outcome.Results);
            if (outcome.Retry is not { } retry)
            {
                return results;
            }

            VerificationMetrics.GreylistPending.Add(retry.Requests.Count);
            try
            {
                var wait = retry.NotBefore - _time.GetUtcNow();
                await waitForRetry(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, cancellationToken);
            }
            finally
            {
                VerificationMetrics.GreylistPending.Add(-retry.Requests.Count);
            }

            work = work with { Requests = retry.Requests, Attempt = retry.Attempt };
        }
    }

    public void Dispose() => _limiter.Dispose();
}

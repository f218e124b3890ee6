using System.Net;
using System.Net.Sockets;
using Enrichment.Verification.Dns;
using Enrichment.Verification.Smtp;
using Microsoft.Extensions.Logging;

namespace Enrichment.Verification;

/// <summary>What the SMTP step learned about one recipient.</summary>
public sealed record RecipientProbe(SmtpFinding Finding, SmtpReply? Reply, string? MxHost, bool? Tls, bool? CatchAll, string? Detail);

/// <summary>
/// Probes the recipients of one domain over as few SMTP sessions as the server allows:
/// one connection, a catch-all check first (cached per domain), then up to
/// <see cref="VerificationOptions.MaxRecipientsPerTransaction"/> RCPTs per transaction with RSET between
/// transactions. Survives recipient caps (452), servers that hang up after a run of rejections (421),
/// and misbehaving servers (a new session, smaller batches). Never sends DATA.
/// </summary>
internal sealed class DomainProber(
    MxResolver dns,
    SmtpProbeOptions smtpOptions,
    VerificationOptions options,
    CatchAllCache catchAllCache,
    SessionLimiter limiter,
    TimeProvider time,
    ILogger logger)
{
    private readonly record struct Item(string Address, int Group);

    /// <summary>
    /// Probes <paramref name="groups"/> of recipients. Within a group the recipients are alternatives
    /// (ranked guesses for one person): probing a group stops at its first accepted recipient, and the
    /// rest are left out of the result.
    /// </summary>
    public async Task<IReadOnlyDictionary<string, RecipientProbe>> ProbeAsync(
        string domain,
        IReadOnlyList<MxRecord> hosts,
        IReadOnlyList<IReadOnlyList<string>> groups,
        CancellationToken cancellationToken,
        Func<TimeSpan, CancellationToken, Task>? waitForRetry = null)
    {
        var results = new Dictionary<string, RecipientProbe>(StringComparer.Ordinal);
        var pending = new List<Item>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var g = 0; g < groups.Count; g++)
        {
            foreach (var address in groups[g])
            {
                if (seen.Add(address))
                {
                    pending.Add(new Item(address, g));
                }
            }
        }

        // Shared by every round: a person whose candidate was accepted before a retry is not probed again.
        var acceptedGroups = new HashSet<int>();
        for (var round = 0; pending.Count > 0; round++)
        {
            var retry = await RunSessionsAsync(domain, hosts, pending, results, acceptedGroups, cancellationToken);
            if (retry.Count == 0)
            {
                break;
            }

            if (round >= options.RetrySchedule.Count)
            {
                break; // the provisional Greylisted findings stand
            }

            logger.LogDebug("{Domain}: {Count} recipients answered 4xx; asking again in {Wait}", domain, retry.Count, options.RetrySchedule[round]);
            await (waitForRetry ?? WaitAsync)(options.RetrySchedule[round], cancellationToken);
            pending = retry;
        }

        return results;
    }

    private async Task<List<Item>> RunSessionsAsync(
        string domain,
        IReadOnlyList<MxRecord> hosts,
        List<Item> pending,
        Dictionary<string, RecipientProbe> results,
        HashSet<int> acceptedGroups,
        CancellationToken cancellationToken)
    {
        var queue = new Queue<Item>(pending.Where(i => !acceptedGroups.Contains(i.Group)));
        var retry = new List<Item>();
        var cap = options.MaxRecipientsPerTransaction;
        var fruitlessSessions = 0;
        SmtpReply? closing = null; // the last 421 ("busy, come back later") that ended a session

        void Record(Item item, RecipientProbe probe)
        {
            results[item.Address] = probe;
            if (probe.Finding is SmtpFinding.Accepted or SmtpFinding.AcceptedCatchAll)
            {
                acceptedGroups.Add(item.Group);
            }
        }

        void RecordAll(RecipientProbe probe, bool transient)
        {
            while (queue.Count > 0)
            {
                var item = queue.Dequeue();
                Record(item, probe);
                if (transient)
                {
                    retry.Add(item);
                }
            }
        }

        if (catchAllCache.TryGet(domain, out var knownCatchAll) && knownCatchAll)
        {
            // Known catch-all: no session would tell more, so none is opened.
            RecordAll(new RecipientProbe(SmtpFinding.AcceptedCatchAll, null, hosts.Count > 0 ? hosts[0].Exchange : null, null, true, "domain accepts any recipient (cached)"), transient: false);
        }

        while (queue.Count > 0)
        {
            await using var session = await OpenSessionAsync(hosts, cancellationToken);
            if (session.Probe is null)
            {
                RecordAll(session.Failure!, session.Transient);
                break;
            }

            var probe = session.Probe;
            var host = session.Host;
            var pendingBefore = queue.Count;
            Item? inFlight = null;
            try
            {
                bool? catchAll = catchAllCache.TryGet(domain, out var cached) ? cached : null;
                var catchAllAsked = catchAll is not null;
                SmtpReply? catchAllReply = null;
                for (var transaction = 0;
                     queue.Count > 0 && transaction < options.MaxTransactionsPerSession && probe.IsConnected;
                     transaction++)
                {
                    var mail = await probe.MailFromAsync(cancellationToken);
                    if (!mail.IsPositive)
                    {
                        // MAIL FROM refused: a verdict on our sender, not on any recipient.
                        RecordAll(new RecipientProbe(mail.IsTransient ? SmtpFinding.Greylisted : SmtpFinding.PolicyBlock, mail, host, probe.TlsUsed, catchAll, "MAIL FROM refused"), mail.IsTransient);
                        break;
                    }

                    var sent = 0;
                    if (!catchAllAsked)
                    {
                        catchAllAsked = true;
                        sent = 1; // the random recipient is one of this transaction's RCPTs
                        catchAllReply = await probe.RcptToAsync(catchAllCache.ProbeLocalPart(domain) + "@" + domain, cancellationToken);
                        catchAll = RecipientClassifier.Classify(catchAllReply) switch
                        {
                            RecipientOutcome.Accepted => true,
                            RecipientOutcome.MailboxNotFound or RecipientOutcome.Disabled or RecipientOutcome.Rejected => false,
                            _ => null, // greylisted or blocked: decides nothing
                        };
                        if (catchAll is { } known)
                        {
                            catchAllCache.Set(domain, known);
                        }

                        if (!probe.IsConnected)
                        {
                            closing = catchAllReply.Code == 421 ? catchAllReply : closing;
                            break;
                        }
                    }

                    if (catchAll == true)
                    {
                        // Every recipient would be accepted: probing them would spend RCPTs and say nothing.
                        RecordAll(new RecipientProbe(SmtpFinding.AcceptedCatchAll, catchAllReply, host, probe.TlsUsed, true, "domain accepts any recipient"), transient: false);
                        break;
                    }

                    var reconnect = false;
                    var asked = 0; // recipients of the queue asked in this transaction: at least one, whatever the cap
                    while (queue.Count > 0 && (sent < cap || asked == 0))
                    {
                        var item = queue.Peek();
                        if (acceptedGroups.Contains(item.Group))
                        {
                            queue.Dequeue();
                            continue;
                        }

                        if (probe.SessionTimeLeft < smtpOptions.CommandTimeout && queue.Count < pendingBefore)
                        {
                            // The session budget could cut this RCPT short and blame the recipient; start afresh.
                            reconnect = true;
                            break;
                        }

                        inFlight = item;
                        var reply = await probe.RcptToAsync(item.Address, cancellationToken);
                        inFlight = null;
                        var outcome = RecipientClassifier.Classify(reply);
                        if (outcome == RecipientOutcome.TooManyRecipients && sent > 0)
                        {
                            cap = sent; // the server's cap: later transactions stay under it
                            break;
                        }

                        if (reply.Code == 421 || !probe.IsConnected)
                        {
                            // The server is closing: a comment on the session, not on this recipient.
                            closing = reply.Code == 421 ? reply : closing;
                            cap = Math.Max(1, Math.Min(cap, sent) / 2);
                            reconnect = true;
                            break;
                        }

                        queue.Dequeue();
                        sent++;
                        asked++;
                        var finding = ToFinding(outcome);
                        Record(item, new RecipientProbe(finding, reply, host, probe.TlsUsed, catchAll, null));
                        if (finding == SmtpFinding.Greylisted)
                        {
                            retry.Add(item);
                        }
                    }

                    if (reconnect || queue.Count == 0)
                    {
                        break;
                    }

                    var reset = await probe.ResetAsync(cancellationToken);
                    if (!reset.IsPositive)
                    {
                        break;
                    }
                }

                await probe.QuitAsync(cancellationToken);
            }
            catch (Exception ex) when (IsSessionFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug("{Domain}: session with {Host} failed: {Error}", domain, host, ex.Message);
                if (inFlight is { } item && queue.Count > 0 && queue.Peek() == item)
                {
                    // The recipient whose reply broke the session is not asked again: the same server would break again.
                    queue.Dequeue();
                    Record(item, new RecipientProbe(ex is TimeoutException ? SmtpFinding.Timeout : SmtpFinding.ProtocolError, null, host, probe.TlsUsed, null, ex.Message));
                }
            }

            // A server that keeps ending sessions before answering anything gets two chances, not an endless loop.
            fruitlessSessions = queue.Count < pendingBefore ? 0 : fruitlessSessions + 1;
            if (fruitlessSessions >= 2 && queue.Count > 0)
            {
                // Two sessions ended by "421 come back later" are rate limiting: ask again on the retry schedule.
                RecordAll(
                    closing is not null
                        ? new RecipientProbe(SmtpFinding.Greylisted, closing, host, probe.TlsUsed, null, "server closed two sessions with 421")
                        : new RecipientProbe(SmtpFinding.ProtocolError, null, host, probe.TlsUsed, null, "server ended two sessions before answering"),
                    transient: closing is not null);
            }
        }

        return retry;
    }

    private Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken) => Task.Delay(delay, time, cancellationToken);

    private static bool IsSessionFailure(Exception ex) =>
        ex is IOException or SocketException or TimeoutException or ObjectDisposedException;

    private static SmtpFinding ToFinding(RecipientOutcome outcome) => outcome switch
    {
        RecipientOutcome.Accepted => SmtpFinding.Accepted,
        RecipientOutcome.MailboxNotFound => SmtpFinding.MailboxNotFound,
        RecipientOutcome.FullInbox => SmtpFinding.FullInbox,
        RecipientOutcome.Disabled => SmtpFinding.Disabled,
        RecipientOutcome.PolicyBlock => SmtpFinding.PolicyBlock,
        RecipientOutcome.TryLater => SmtpFinding.Greylisted,
        // A lone recipient answered "too many recipients": the server is in no state to say anything.
        RecipientOutcome.TooManyRecipients => SmtpFinding.Greylisted,
        _ => SmtpFinding.Rejected,
    };

    private sealed class Session(SmtpProbe? probe, string host, IDisposable? lease, RecipientProbe? failure, bool transient) : IAsyncDisposable
    {
        public SmtpProbe? Probe => probe;
        public string Host => host;
        public RecipientProbe? Failure => failure;
        public bool Transient => transient;

        public async ValueTask DisposeAsync()
        {
            try
            {
                if (probe is not null)
                {
                    await probe.DisposeAsync();
                }
            }
            finally
            {
                lease?.Dispose();
            }
        }
    }

    /// <summary>Tries MX hosts in preference order, each of its addresses, until one completes the handshake.</summary>
    private async Task<Session> OpenSessionAsync(IReadOnlyList<MxRecord> hosts, CancellationToken cancellationToken)
    {
        var failure = new RecipientProbe(SmtpFinding.NoConnect, null, hosts.Count > 0 ? hosts[0].Exchange : null, null, null, "no MX host could be reached");
        var transient = false;
        foreach (var mx in hosts)
        {
            var (addresses, dnsError) = await dns.LookupHostAsync(mx.Exchange, cancellationToken);
            if (addresses.Count == 0)
            {
                failure = dnsError is null
                    ? failure with { MxHost = mx.Exchange, Detail = $"MX host {mx.Exchange} has no address" }
                    : new RecipientProbe(SmtpFinding.DnsFailure, null, mx.Exchange, null, null, $"MX host {mx.Exchange}: {dnsError}");
                continue;
            }

            foreach (var address in addresses.Take(2))
            {
                var probeOptions = smtpOptions;
                for (var attempt = 0; attempt < 2; attempt++)
                {
                    var lease = await limiter.AcquireAsync(mx.Exchange, cancellationToken);
                    var probe = new SmtpProbe(probeOptions, time);
                    var handedOver = false;
                    try
                    {
                        var reply = await probe.ConnectAsync(address, mx.Exchange, cancellationToken);
                        if (reply.IsPositive && probe.IsConnected)
                        {
                            handedOver = true;
                            return new Session(probe, mx.Exchange, lease, null, false);
                        }

                        // 421 at the greeting is "busy, come back"; 554 is "not you".
                        transient = reply.IsTransient;
                        failure = new RecipientProbe(reply.IsTransient ? SmtpFinding.Greylisted : SmtpFinding.PolicyBlock, reply, mx.Exchange, probe.TlsUsed, null, "session refused");
                    }
                    catch (TimeoutException ex) when (!cancellationToken.IsCancellationRequested)
                    {
                        failure = new RecipientProbe(SmtpFinding.Timeout, null, mx.Exchange, null, null, $"{Describe(address)}: {ex.Message}");
                    }
                    catch (Exception ex) when (IsSessionFailure(ex) && !cancellationToken.IsCancellationRequested)
                    {
                        failure = new RecipientProbe(SmtpFinding.NoConnect, null, mx.Exchange, null, null, $"{Describe(address)}: {ex.Message}");
                    }
                    finally
                    {
                        // Whatever ended the attempt (including the caller's cancellation), the slot goes back.
                        if (!handedOver)
                        {
                            await probe.DisposeAsync();
                            lease.Dispose();
                        }
                    }

                    if (!probe.TlsFailed || !probeOptions.UseStartTls)
                    {
                        break;
                    }

                    // Opportunistic TLS (RFC 7435): a server whose TLS is broken is still asked, in plain text.
                    logger.LogDebug("{Host}: STARTTLS handshake failed; trying again without TLS", mx.Exchange);
                    probeOptions = probeOptions with { UseStartTls = false };
                }
            }
        }

        return new Session(null, failure.MxHost ?? "", null, failure, transient);
    }

    private string Describe(IPAddress address) => $"{address}:{smtpOptions.Port}";
}

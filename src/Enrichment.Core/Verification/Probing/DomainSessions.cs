using System.Net.Sockets;
using Enrichment.Verification.MailHosts;
using Enrichment.Verification.Smtp;
using Microsoft.Extensions.Logging;

namespace Enrichment.Verification.Probing;

/// <summary>
/// One attempt at a domain's recipients over as few SMTP sessions as the server allows: a catch-all check first
/// (from the store when fresh), then batches of RCPTs (pipelined when offered) within the transaction cap and the
/// session's rejection budget, RSET between transactions. Survives recipient caps (452), servers that hang up (421),
/// misbehaving servers (a new session, smaller batches). Never sends DATA and never waits for a retry: recipients
/// answered 4xx come back to the caller.
/// </summary>
internal sealed class DomainSessions(
    IRecipientSessionFactory sessions,
    ICatchAllStore catchAllStore,
    ISessionLimiter limiter,
    VerificationOptions options,
    TimeProvider time,
    ILogger logger)
{
    internal readonly record struct Item(string Address, long Group);

    /// <summary>Runs one attempt; returns the findings and the items to ask again (answered 4xx).</summary>
    public async Task<List<Item>> RunAsync(
        string domain,
        IReadOnlyList<MailHost> hosts,
        IReadOnlyList<Item> pending,
        bool alternatives,
        Dictionary<string, RecipientProbe> results,
        CancellationToken cancellationToken)
    {
        var acceptedGroups = new HashSet<long>();
        var queue = new List<Item>(pending);
        var retry = new List<Item>();
        var cap = options.MaxRecipientsPerTransaction;
        var fruitlessSessions = 0;
        SmtpReply? closing = null; // the last 421 ("busy, come back later") that ended a session
        var firstHost = hosts.Count > 0 ? hosts[0].Name : null;

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
            foreach (var item in queue)
            {
                Record(item, probe);
                if (transient)
                {
                    retry.Add(item);
                }
            }

            queue.Clear();
        }

        var stored = await catchAllStore.GetAsync(domain, cancellationToken);
        var probeLocalPart = stored?.ProbeLocalPart ?? CatchAllRecord.RandomLocalPart();
        bool? catchAll = stored is { CatchAll: { } known } && options.CatchAllCacheAge > TimeSpan.Zero && time.GetUtcNow() - stored.CheckedAt < options.CatchAllCacheAge
            ? known
            : null;
        var catchAllAsked = catchAll is not null;
        var catchAllUntested = false;
        SmtpReply? catchAllReply = null;
        if (catchAll == true)
        {
            // Known catch-all: no session would tell more, so none is opened.
            RecordAll(new RecipientProbe(SmtpFinding.AcceptedCatchAll, null, firstHost, null, true, "domain accepts any recipient (cached)"), transient: false);
        }

        while (queue.Count > 0)
        {
            var (session, host, lease, failure, transientFailure) = await OpenSessionAsync(domain, hosts, cancellationToken);
            if (session is null)
            {
                RecordAll(failure!, transientFailure);
                break;
            }

            var pendingBefore = queue.Count;
            var rejections = 0;
            if (options.CatchAllCacheAge == TimeSpan.Zero && catchAll != true)
            {
                catchAllAsked = false; // nothing remembered: every session asks (the one-connection-per-address baseline)
            }

            Item? inFlight = null;
            try
            {
                for (var transaction = 0; queue.Count > 0 && transaction < options.MaxTransactionsPerSession && session.IsConnected; transaction++)
                {
                    // MAIL FROM goes with the transaction's first RCPT group (and the RSET ending the previous
                    // transaction before it): one round trip with PIPELINING (RFC 2920 §3.1).
                    var started = false;
                    var reconnect = false;
                    var sent = 0;
                    var asked = 0; // queued recipients asked in this transaction: at least one, whatever the cap
                    while (queue.Count > 0 && (sent < cap || asked == 0) && !reconnect)
                    {
                        if (session.TimeLeft < session.CommandTimeout && queue.Count < pendingBefore)
                        {
                            // The session budget could cut a RCPT short and blame the recipient; start afresh.
                            reconnect = true;
                            break;
                        }

                        // The batch: the random recipient first (once), then queued recipients (one per person when they
                        // are alternatives), within the transaction cap and what is left of the rejection budget.
                        // The random recipient leads the first group: on a catch-all domain its answer makes the others
                        // moot (they are recorded as catch-all), elsewhere the group saves a round trip per domain.
                        // Guesses (alternatives) wait for it: on a catch-all domain most of them would be wasted RCPTs.
                        var probing = !catchAllAsked;
                        var room = probing
                            ? (alternatives ? 0 : Math.Max(0, Math.Min(cap - sent - 1, options.MaxRejectionsPerSession - rejections - 1)))
                            : Math.Max(1, Math.Min(cap - sent, options.MaxRejectionsPerSession - rejections));
                        var batch = new List<Item>();
                        var groupsInBatch = new HashSet<long>();
                        queue.RemoveAll(i => acceptedGroups.Contains(i.Group));
                        foreach (var item in queue)
                        {
                            if (batch.Count >= room)
                            {
                                break;
                            }

                            if (!alternatives || groupsInBatch.Add(item.Group))
                            {
                                batch.Add(item);
                            }
                        }

                        if (batch.Count == 0 && !probing)
                        {
                            break;
                        }

                        var commands = new List<string>(batch.Count + 1);
                        if (probing)
                        {
                            commands.Add(probeLocalPart + "@" + domain);
                        }

                        commands.AddRange(batch.Select(b => b.Address));
                        IReadOnlyList<SmtpReply> replies;
                        if (!started)
                        {
                            // A failure before MAIL FROM is answered blames no recipient.
                            var opened = await session.TransactionAsync(commands, reset: transaction > 0, cancellationToken);
                            started = true;
                            if (!opened.Started)
                            {
                                if (transaction == 0 && opened.Mail is { } mail && !mail.IsPositive)
                                {
                                    // MAIL FROM refused in a fresh session: a verdict on our sender, not on any recipient.
                                    RecordAll(new RecipientProbe(mail.IsTransient ? SmtpFinding.Greylisted : SmtpFinding.PolicyBlock, mail, host, session.Tls, catchAll, "MAIL FROM refused"), mail.IsTransient);
                                }
                                else
                                {
                                    // Refused after a RSET (some servers punish DATA-less transactions) or cut short:
                                    // carry on in a new session, whose first transaction decides.
                                    closing = opened.Reset is { Code: 421 } ? opened.Reset : opened.Mail is { Code: 421 } ? opened.Mail : closing;
                                    reconnect = true;
                                }

                                break;
                            }

                            replies = opened.Recipients;
                            if (replies.Count == 0 && session.Failure is { } broken)
                            {
                                // MAIL FROM was answered, then the first RCPT's reply broke the session: that recipient
                                // is not asked again (the same server would break again).
                                if (!probing && batch.Count > 0)
                                {
                                    queue.Remove(batch[0]);
                                    Record(batch[0], new RecipientProbe(broken is TimeoutException ? SmtpFinding.Timeout : SmtpFinding.ProtocolError, null, host, session.Tls, null, broken.Message));
                                }

                                reconnect = true;
                                break;
                            }
                        }
                        else
                        {
                            inFlight = batch.Count > 0 ? batch[0] : null;
                            replies = await session.RcptToAsync(commands, cancellationToken);
                            inFlight = null;
                        }

                        VerificationMetrics.Recipients.Add(replies.Count);
                        if (replies.Count == 0)
                        {
                            reconnect = true; // nothing answered (the session's budget ran out): start afresh
                            break;
                        }

                        var offset = 0;
                        if (probing && replies.Count > 0)
                        {
                            catchAllAsked = true;
                            offset = 1;
                            sent++;
                            catchAllReply = replies[0];
                            rejections += catchAllReply.IsPositive ? 0 : 1;
                            catchAll = RecipientClassifier.Classify(catchAllReply) switch
                            {
                                RecipientOutcome.Accepted => true,
                                RecipientOutcome.MailboxNotFound or RecipientOutcome.Disabled or RecipientOutcome.Rejected => false,
                                _ => null, // greylisted or blocked: decides nothing
                            };
                            catchAllUntested = catchAll is null;
                            await catchAllStore.PutAsync(domain, new CatchAllRecord(probeLocalPart, catchAll, time.GetUtcNow()), cancellationToken);
                            if (catchAll == true)
                            {
                                // Every recipient would be accepted: the answers to the others say nothing.
                                RecordAll(new RecipientProbe(SmtpFinding.AcceptedCatchAll, catchAllReply, host, session.Tls, true, "domain accepts any recipient"), transient: false);
                                break;
                            }

                            if (catchAllReply.Code == 421 || !session.IsConnected)
                            {
                                closing = catchAllReply.Code == 421 ? catchAllReply : closing;
                                reconnect = true;
                                continue;
                            }
                        }

                        var answered = 0;
                        for (var i = offset; i < replies.Count; i++)
                        {
                            var item = batch[i - offset];
                            var reply = replies[i];
                            var outcome = RecipientClassifier.Classify(reply);
                            if (outcome == RecipientOutcome.TooManyRecipients && sent > 0)
                            {
                                cap = sent; // the server's cap: later transactions stay under it
                                reconnect = false;
                                break;
                            }

                            if (reply.Code == 421)
                            {
                                // The server is closing: a comment on the session, not on this recipient.
                                closing = reply;
                                cap = Math.Max(1, Math.Min(cap, sent) / 2);
                                reconnect = true;
                                break;
                            }

                            answered++;
                            sent++;
                            asked++;
                            rejections += reply.IsPositive ? 0 : 1;
                            queue.Remove(item);
                            var finding = ToFinding(outcome);
                            Record(item, new RecipientProbe(finding, reply, host, session.Tls, catchAll, null, catchAllUntested && finding == SmtpFinding.Accepted));
                            if (finding == SmtpFinding.Greylisted)
                            {
                                retry.Add(item);
                            }
                        }

                        if (replies.Count - offset < batch.Count)
                        {
                            if (session.Failure is { } broken && answered == replies.Count - offset && replies.Count > 0)
                            {
                                // The recipient whose reply broke the session is not asked again: the same server would break again.
                                var item = batch[answered];
                                queue.Remove(item);
                                Record(item, new RecipientProbe(broken is TimeoutException ? SmtpFinding.Timeout : SmtpFinding.ProtocolError, null, host, session.Tls, null, broken.Message));
                            }

                            reconnect |= !session.IsConnected || session.Failure is not null;
                            if (replies.Count > 0 && replies[^1].Code == 421)
                            {
                                closing = replies[^1];
                            }
                        }

                        if (answered < batch.Count && !reconnect)
                        {
                            break; // a cap answered 452 or a budget cut the batch short: next transaction
                        }

                        if (rejections >= options.MaxRejectionsPerSession)
                        {
                            // Real servers hang up after a run of errors (Postfix: 20); carry on in a new session.
                            reconnect = true;
                        }
                    }

                    if (reconnect || queue.Count == 0 || !session.IsConnected)
                    {
                        break;
                    }
                }

                await session.QuitAsync(cancellationToken);
            }
            catch (Exception ex) when (IsSessionFailure(ex) && !cancellationToken.IsCancellationRequested)
            {
                logger.LogDebug("{Domain}: session with {Host} failed: {Error}", domain, host, ex.Message);
                if (inFlight is { } item && queue.Remove(item))
                {
                    // The recipient whose reply broke the session is not asked again: the same server would break again.
                    Record(item, new RecipientProbe(ex is TimeoutException ? SmtpFinding.Timeout : SmtpFinding.ProtocolError, null, host, session.Tls, null, ex.Message));
                }
            }
            finally
            {
                await session.DisposeAsync();
                await lease!.DisposeAsync();
            }

            // A server that keeps ending sessions before answering anything gets two chances, not an endless loop.
            fruitlessSessions = queue.Count < pendingBefore ? 0 : fruitlessSessions + 1;
            if (fruitlessSessions >= 2 && queue.Count > 0)
            {
                // Two sessions ended by "421 come back later" are rate limiting: ask again on the retry schedule.
                RecordAll(
                    closing is not null
                        ? new RecipientProbe(SmtpFinding.Greylisted, closing, host, null, null, "server closed two sessions with 421")
                        : new RecipientProbe(SmtpFinding.ProtocolError, null, host, null, null, "server ended two sessions before answering"),
                    transient: closing is not null);
            }
        }

        retry.RemoveAll(i => acceptedGroups.Contains(i.Group) && results[i.Address].Finding == SmtpFinding.Greylisted);
        return retry;
    }

    private static bool IsSessionFailure(Exception ex) =>
        ex is IOException or SocketException or TimeoutException or ObjectDisposedException or InvalidOperationException or SmtpProtocolException;

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

    /// <summary>Tries MX hosts in preference order, two addresses each, until one completes the opening.</summary>
    private async Task<(IRecipientSession? Session, string Host, IAsyncDisposable? Lease, RecipientProbe? Failure, bool Transient)> OpenSessionAsync(
        string domain, IReadOnlyList<MailHost> hosts, CancellationToken cancellationToken)
    {
        var failure = new RecipientProbe(SmtpFinding.NoConnect, null, hosts.Count > 0 ? hosts[0].Name : null, null, null, "no MX host could be reached");
        var transient = false;
        foreach (var mx in hosts)
        {
            if (mx.Addresses.Count == 0)
            {
                failure = mx.Error is null
                    ? failure with { MxHost = mx.Name, Detail = $"MX host {mx.Name} has no address" }
                    : new RecipientProbe(SmtpFinding.DnsFailure, null, mx.Name, null, null, $"MX host {mx.Name}: {mx.Error}");
                continue;
            }

            foreach (var address in mx.Addresses.Take(2))
            {
                var lease = await limiter.AcquireAsync(MailProvider.Of(mx.Name), cancellationToken);
                IRecipientSession? session = null;
                var handedOver = false;
                try
                {
                    session = await sessions.OpenAsync(mx.Name, address, cancellationToken);
                    VerificationMetrics.Sessions.Add(1);
                    if (session.Opening.IsPositive && session.IsConnected)
                    {
                        handedOver = true;
                        return (session, mx.Name, lease, null, false);
                    }

                    // 421 at the greeting is "busy, come back"; 554 is "not you".
                    var reply = session.Opening;
                    transient = reply.IsTransient;
                    failure = new RecipientProbe(reply.IsTransient ? SmtpFinding.Greylisted : SmtpFinding.PolicyBlock, reply, mx.Name, session.Tls, null, "session refused");
                }
                catch (TimeoutException ex) when (!cancellationToken.IsCancellationRequested)
                {
                    failure = new RecipientProbe(SmtpFinding.Timeout, null, mx.Name, null, null, $"{address}: {ex.Message}");
                }
                catch (Exception ex) when (IsSessionFailure(ex) && !cancellationToken.IsCancellationRequested)
                {
                    failure = new RecipientProbe(SmtpFinding.NoConnect, null, mx.Name, null, null, $"{address}: {ex.Message}");
                }
                finally
                {
                    // Whatever ended the attempt (including the caller's cancellation), the slot goes back.
                    if (!handedOver)
                    {
                        if (session is not null)
                        {
                            await session.DisposeAsync();
                        }

                        await lease.DisposeAsync();
                    }
                }

                logger.LogDebug("{Domain}: {Host} {Address}: {Detail}", domain, mx.Name, address, failure.Detail);
            }
        }

        if (failure.Finding is SmtpFinding.NoConnect or SmtpFinding.Timeout && failure.Reply is null)
        {
            // The usual cause is a network that blocks outbound port 25 (home, cloud): say what helps.
            failure = failure with { Detail = failure.Detail + "; no MX host answered: if this network blocks outbound port 25, use a SOCKS5 proxy (--proxy)" };
        }

        return (null, failure.MxHost ?? "", null, failure, transient);
    }
}

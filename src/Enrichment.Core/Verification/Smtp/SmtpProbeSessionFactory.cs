using System.Net;

namespace Enrichment.Verification.Smtp;

/// <summary>The recipient-session port over our own <see cref="SmtpProbe"/> (one RCPT round trip at a time).</summary>
public sealed class SmtpProbeSessionFactory(SmtpProbeOptions options, TimeProvider? time = null) : IRecipientSessionFactory
{
    public async Task<IRecipientSession> OpenAsync(string host, IPAddress address, CancellationToken cancellationToken)
    {
        var probeOptions = options;
        for (var attempt = 0; ; attempt++)
        {
            var probe = new SmtpProbe(probeOptions, time);
            try
            {
                var reply = await probe.ConnectAsync(address, host, cancellationToken);
                return new Session(probe, reply);
            }
            catch (Exception ex) when (probe.TlsFailed && probeOptions.UseStartTls && attempt == 0 && ex is not OperationCanceledException)
            {
                // Opportunistic TLS (RFC 7435): a server whose TLS is broken is still asked, in plain text.
                await probe.DisposeAsync();
                probeOptions = probeOptions with { UseStartTls = false };
            }
            catch
            {
                await probe.DisposeAsync();
                throw;
            }
        }
    }

    private sealed class Session(SmtpProbe probe, SmtpReply opening) : IRecipientSession
    {
        public SmtpReply Opening => opening;
        public bool IsConnected => probe.IsConnected;
        public bool Tls => probe.TlsUsed;
        public TimeSpan TimeLeft => probe.SessionTimeLeft;
        public TimeSpan CommandTimeout => probe.Options.CommandTimeout;
        public IReadOnlyList<string> Transcript => probe.Transcript;
        public Exception? Failure { get; private set; }

        public Task<SmtpReply> MailFromAsync(CancellationToken cancellationToken) => probe.MailFromAsync(cancellationToken);

        public async Task<IReadOnlyList<SmtpReply>> RcptToAsync(IReadOnlyList<string> recipients, CancellationToken cancellationToken)
        {
            var replies = new List<SmtpReply>(recipients.Count);
            foreach (var recipient in recipients)
            {
                if (replies.Count > 0 && probe.SessionTimeLeft < probe.Options.CommandTimeout)
                {
                    // The session budget could cut this RCPT short and blame the recipient: the caller asks it in a new session.
                    break;
                }

                try
                {
                    var reply = await probe.RcptToAsync(recipient, cancellationToken);
                    replies.Add(reply);
                    if (!probe.IsConnected)
                    {
                        break;
                    }
                }
                catch (Exception ex) when (replies.Count > 0 && ex is not OperationCanceledException)
                {
                    Failure = ex;
                    break;
                }
            }

            return replies;
        }

        public Task<SmtpReply> ResetAsync(CancellationToken cancellationToken) => probe.ResetAsync(cancellationToken);

        public Task QuitAsync(CancellationToken cancellationToken) => probe.QuitAsync(cancellationToken);

        public ValueTask DisposeAsync() => probe.DisposeAsync();
    }
}

using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography.X509Certificates;
using MailKit;
using MailKit.Net.Proxy;
using MailKit.Net.Smtp;
using MailKit.Security;

namespace Enrichment.Verification.Smtp;

/// <summary>
/// Recipient sessions on MailKit: our own TCP connect (or MailKit's SOCKS5 client) to the MX address we chose, the
/// connection capped per reply, <c>LocalDomain</c> as the EHLO name, opportunistic STARTTLS accepting any certificate
/// (revocation checks off: an unreachable revocation server stalled handshakes ~30 s), a failed STARTTLS retried in
/// plain text, a budget per step and per session through cancellation tokens, and the protocol logger as transcript.
/// </summary>
public sealed class MailKitSessionFactory : IRecipientSessionFactory
{
    private readonly SmtpSessionOptions _options;
    private readonly TimeProvider _time;

    public MailKitSessionFactory(SmtpSessionOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.HeloName);
        SmtpArgument.Validate(options.HeloName, allowEmpty: false, nameof(options));
        if (options.HeloName.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException("HeloName may not contain spaces.", nameof(options));
        }

        SmtpArgument.Validate(options.MailFrom, allowEmpty: true, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ConnectTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BannerTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CommandTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SessionTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxReplyBytes, 4096);
        _options = options;
        _time = time ?? TimeProvider.System;
    }

    public async Task<IRecipientSession> OpenAsync(string host, IPAddress address, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(host);
        ArgumentNullException.ThrowIfNull(address);
        var session = new Session(_options, _time, host, address, cancellationToken);
        try
        {
            await session.OpenAsync(_options.UseStartTls);
            if (session.TlsFailed)
            {
                // Opportunistic TLS (RFC 7435): a server whose TLS is broken, or that refuses STARTTLS, is still asked in plain text.
                await session.DisposeAsync();
                session = new Session(_options, _time, host, address, cancellationToken);
                await session.OpenAsync(useTls: false);
            }

            return session;
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    private sealed class Session : IRecipientSession
    {
        private readonly SmtpSessionOptions _options;
        private readonly TimeProvider _time;
        private readonly string _host;
        private readonly IPAddress _address;
        private readonly CancellationToken _caller;
        private readonly CancellationTokenSource _budget;
        private readonly CancellationTokenSource _linked;
        private readonly TranscriptLogger _transcript = new();
        private readonly ProbingSmtpClient _client;
        private readonly long _start;
        private bool _connected;

        public Session(SmtpSessionOptions options, TimeProvider time, string host, IPAddress address, CancellationToken caller)
        {
            _options = options;
            _time = time;
            _host = host;
            _address = address;
            _caller = caller;
            _start = time.GetTimestamp();
            _budget = new CancellationTokenSource(options.SessionTimeout, time);
            _linked = CancellationTokenSource.CreateLinkedTokenSource(caller, _budget.Token);
            _client = new ProbingSmtpClient(_transcript)
            {
                LocalDomain = options.HeloName,
                CheckCertificateRevocation = false,
#pragma warning disable CA5359 // Opportunistic TLS (RFC 7435): MX certificates rarely match; unverified TLS still beats plain text.
                ServerCertificateValidationCallback = AcceptAnyCertificate,
#pragma warning restore CA5359
                Timeout = (int)Math.Min(int.MaxValue, (options.CommandTimeout > options.BannerTimeout ? options.CommandTimeout : options.BannerTimeout).TotalMilliseconds),
            };
        }

        public SmtpReply Opening { get; private set; } = new(0, null, "");
        public SmtpReply? Greeting => _transcript.Greeting;
        public bool IsConnected => _connected && _client.IsConnected;
        public bool Tls { get; private set; }
        public bool TlsFailed { get; private set; }
        public TimeSpan TimeLeft => _options.SessionTimeout - _time.GetElapsedTime(_start);
        public TimeSpan CommandTimeout => _options.CommandTimeout;
        public IReadOnlyList<string> Transcript => _transcript.Lines;
        public Exception? Failure { get; private set; }

        public async Task OpenAsync(bool useTls)
        {
            var stream = await StepAsync("connect", _options.ConnectTimeout, ConnectAsync);
            try
            {
                var opening = _options.BannerTimeout + (3 * _options.CommandTimeout); // greeting, EHLO, STARTTLS, EHLO
                await StepAsync(
                    "greeting",
                    opening,
                    async token =>
                    {
                        await _client.ConnectAsync(stream, _host, _options.Port, useTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, token);
                        return true;
                    });
                stream = null; // the client owns it now
                _connected = true;
                Tls = _client.IsSecure;
                if (Tls)
                {
                    _transcript.Note($"TLS {_client.SslProtocol} {_client.SslCipherSuite}");
                }

                // The reply that ended the opening as the server sent it: the last EHLO (or HELO) 250.
                Opening = _transcript.LastReply ?? new SmtpReply(250, null, "");
            }
            catch (SmtpCommandException ex) when (useTls && string.Equals(_transcript.LastCommand, "STARTTLS", StringComparison.OrdinalIgnoreCase))
            {
                TlsFailed = true;
                Opening = SmtpReply.From((int)ex.StatusCode, ex.Message);
            }
            catch (SmtpCommandException ex)
            {
                // A refusal at the greeting (421/554) or at EHLO and HELO: a reply, not a failure.
                Opening = SmtpReply.From((int)ex.StatusCode, ex.Message);
                await QuitQuietlyAsync();
            }
            catch (SslHandshakeException) when (!_caller.IsCancellationRequested)
            {
                TlsFailed = true;
            }
            finally
            {
                if (stream is not null)
                {
                    await stream.DisposeAsync();
                }
            }
        }

        public async Task<SmtpReply> MailFromAsync(CancellationToken cancellationToken) =>
            await CommandAsync("MAIL", $"MAIL FROM:<{_options.MailFrom}>", cancellationToken);

        public async Task<IReadOnlyList<SmtpReply>> RcptToAsync(IReadOnlyList<string> recipients, CancellationToken cancellationToken) =>
            await ExchangeAsync(RcptCommands(recipients), prelude: 0, cancellationToken);

        public async Task<TransactionReplies> TransactionAsync(IReadOnlyList<string> recipients, bool reset, CancellationToken cancellationToken)
        {
            var rcpts = RcptCommands(recipients);
            var commands = new List<string>(rcpts.Count + 2);
            if (reset)
            {
                commands.Add("RSET");
            }

            commands.Add($"MAIL FROM:<{_options.MailFrom}>");
            var prelude = commands.Count;
            commands.AddRange(rcpts);
            var replies = await ExchangeAsync(commands, prelude, cancellationToken);
            var resetReply = reset && replies.Count > 0 ? replies[0] : null;
            var mail = replies.Count >= prelude ? replies[prelude - 1] : null;
            var started = (resetReply is null || resetReply.IsPositive) && mail is { IsPositive: true };
            return new TransactionReplies(resetReply, mail, started ? [.. replies.Skip(prelude)] : []);
        }

        private static List<string> RcptCommands(IReadOnlyList<string> recipients)
        {
            ArgumentNullException.ThrowIfNull(recipients);
            foreach (var recipient in recipients)
            {
                SmtpArgument.Validate(recipient, allowEmpty: false, nameof(recipients));
            }

            return [.. recipients.Select(r => $"RCPT TO:<{r}>")];
        }

        /// <summary>
        /// Sends <paramref name="commands"/> — pipelined in one write when the server offers PIPELINING — and reads
        /// their replies in order. The first <paramref name="prelude"/> commands (RSET, MAIL FROM) must succeed for the
        /// rest to mean anything: sent one at a time, the group stops at a refused one; pipelined, every reply is
        /// still read so the stream stays in step.
        /// </summary>
        private async Task<List<SmtpReply>> ExchangeAsync(List<string> commands, int prelude, CancellationToken cancellationToken)
        {
            var replies = new List<SmtpReply>(commands.Count);
            var pipelined = _options.UsePipelining && _client.Capabilities.HasFlag(SmtpCapabilities.Pipelining) && commands.Count > 1;
            if (pipelined)
            {
                // One write for the group, then each reply under its own timeout.
                await StepAsync(
                    Verb(commands[0]),
                    _options.CommandTimeout,
                    async token =>
                    {
                        await _client.SendGroupAsync(commands, token);
                        return true;
                    },
                    cancellationToken);
            }

            foreach (var command in commands)
            {
                if (!pipelined && replies.Count > 0 && TimeLeft < _options.CommandTimeout)
                {
                    break; // the session budget could cut this command short and blame the recipient: ask it in a new session
                }

                try
                {
                    var step = Verb(command);
                    var reply = pipelined
                        ? ToReply(await StepAsync(step, _options.CommandTimeout, _client.ReadReplyAsync, cancellationToken))
                        : await CommandAsync(step, command, cancellationToken);
                    replies.Add(reply);
                    if (reply.Code == 421)
                    {
                        _connected = false; // MailKit leaves a 421 "connected"; the server is closing (RFC 5321 §3.8)
                    }

                    if (!IsConnected || (!pipelined && replies.Count <= prelude && !reply.IsPositive))
                    {
                        break;
                    }
                }
                catch (Exception) when (!Cancelled(cancellationToken) && _budget.IsCancellationRequested)
                {
                    // The session's own budget ran out: no recipient is to blame; the rest go to a new session.
                    _connected = false;
                    break;
                }
                catch (Exception ex) when (replies.Count > 0 && !Cancelled(cancellationToken))
                {
                    Failure = ex;
                    _connected = false;
                    break;
                }
            }

            return replies;
        }

        private static string Verb(string command) => command.Length >= 4 ? command[..4].ToUpperInvariant() : command;

        public Task<SmtpReply> ResetAsync(CancellationToken cancellationToken) => CommandAsync("RSET", "RSET", cancellationToken);

        public async Task QuitAsync(CancellationToken cancellationToken)
        {
            if (IsConnected)
            {
                await QuitQuietlyAsync();
            }

            _connected = false;
        }

        public async ValueTask DisposeAsync()
        {
            _connected = false;
            _client.Dispose();
            _linked.Dispose();
            _budget.Dispose();
            _transcript.Dispose();
            await ValueTask.CompletedTask;
        }

        private static bool AcceptAnyCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

        private static SmtpReply ToReply(SmtpResponse response) => SmtpReply.From((int)response.StatusCode, response.Response);

        private async Task<Stream> ConnectAsync(CancellationToken token)
        {
            var endPoint = new IPEndPoint(_address, _options.Port);
            _transcript.Note($"connect {_host} {endPoint}{(_options.Proxy is { } p ? " via " + p : "")}");
            if (_options.Proxy is { } proxy)
            {
                // The MX's address, not its name, goes to the proxy: DNS stays in the engine.
                var socks = proxy.Credentials is { } credentials ? new Socks5Client(proxy.Host, proxy.Port, credentials) : new Socks5Client(proxy.Host, proxy.Port);
                var tunnel = await socks.ConnectAsync(_address.ToString(), _options.Port, token);
                return new CappedStream(tunnel, _options.MaxReplyBytes);
            }

            var socket = new Socket(_address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(endPoint, token);
                return new CappedStream(new NetworkStream(socket, ownsSocket: true), _options.MaxReplyBytes);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        private async Task<SmtpReply> CommandAsync(string step, string command, CancellationToken cancellationToken)
        {
            if (!IsConnected)
            {
                throw new InvalidOperationException("The SMTP session is closed.");
            }

            var response = await StepAsync(step, _options.CommandTimeout, token => _client.CommandAsync(command, token), cancellationToken);
            var reply = ToReply(response);
            if (reply.Code == 421)
            {
                _connected = false; // the server is closing the channel (RFC 5321 §3.8)
            }

            return reply;
        }

        /// <summary>The caller (of this call or of the opening) cancelled: not a timeout.</summary>
        private bool Cancelled(CancellationToken call) => call.IsCancellationRequested || _caller.IsCancellationRequested;

        private async Task QuitQuietlyAsync()
        {
            try
            {
                using var step = CancellationTokenSource.CreateLinkedTokenSource(_caller);
                step.CancelAfter(_options.CommandTimeout);
                await _client.DisconnectAsync(quit: true, step.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or TimeoutException or OperationCanceledException or InvalidOperationException or ObjectDisposedException or MailKit.ProtocolException or SmtpCommandException)
            {
                // Best effort: the server may already be gone.
            }
        }

        /// <summary>Runs one step under its own timeout within the session budget; a timeout is a TimeoutException unless the caller cancelled.</summary>
        private async Task<T> StepAsync<T>(string step, TimeSpan timeout, Func<CancellationToken, Task<T>> action, CancellationToken call = default)
        {
            var left = TimeLeft;
            using var stepBudget = new CancellationTokenSource(timeout < left ? timeout : (left > TimeSpan.Zero ? left : TimeSpan.FromTicks(1)), _time);
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(_linked.Token, stepBudget.Token, call);
            var started = _time.GetTimestamp();
            try
            {
                return await action(linked.Token);
            }
            catch (Exception ex) when (!Cancelled(call) && (ex is OperationCanceledException || linked.IsCancellationRequested))
            {
                _connected = false;
                throw new TimeoutException($"SMTP {step} timed out after {_time.GetElapsedTime(started).TotalSeconds:F3} s ({_host}).", ex);
            }
            catch (Exception ex) when (ex is MailKit.ProtocolException or ServiceNotConnectedException)
            {
                _connected = false;
                throw new SmtpProtocolException($"SMTP {step}: {ex.Message}", ex);
            }
            catch (Exception ex) when (ex is IOException or SocketException)
            {
                _connected = false;
                throw;
            }
        }
    }
}

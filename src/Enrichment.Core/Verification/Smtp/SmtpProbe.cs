using System.Collections.ObjectModel;
using System.Globalization;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Enrichment.Verification.Smtp;

/// <summary>
/// An SMTP client that asks a mail exchanger about recipients and never sends a message: greeting, EHLO (HELO fallback),
/// opportunistic STARTTLS, MAIL FROM, RCPT TO, RSET, QUIT. There is no DATA command, by design.
/// </summary>
/// <remarks>
/// Negative replies are values, not exceptions. Exceptions are reserved for a failed connect (SocketException),
/// a step running out of time (TimeoutException naming the step), the caller's cancellation (OperationCanceledException)
/// and a broken conversation (SmtpProtocolException). One instance runs one session.
/// </remarks>
public sealed class SmtpProbe : IAsyncDisposable
{
    private readonly SmtpProbeOptions options;
    private readonly TimeProvider time;
    private readonly List<string> transcript = [];
    private readonly ReadOnlyCollection<string> transcriptView;
    private readonly HashSet<string> capabilities = new(StringComparer.Ordinal);
    private Socket? socket;
    private Stream? stream;
    private SmtpLineReader? reader;
    private long sessionStart;
    private bool started;
    private bool connected;
    private string hostName = string.Empty;

    public SmtpProbe(SmtpProbeOptions options, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.Port, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(options.Port, IPEndPoint.MaxPort);
        ArgumentException.ThrowIfNullOrWhiteSpace(options.HeloName);
        ValidateCommandArgument(options.HeloName, allowEmpty: false, nameof(options));
        if (options.HeloName.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException("HeloName may not contain spaces.", nameof(options));
        }

        ArgumentNullException.ThrowIfNull(options.MailFrom);
        ValidateCommandArgument(options.MailFrom, allowEmpty: true, nameof(options));
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.ConnectTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.BannerTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.CommandTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(options.SessionTimeout, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxReplyLineLength, 512);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxReplyLines, 1);

        this.options = options;
        this.time = time ?? TimeProvider.System;
        transcriptView = transcript.AsReadOnly();
    }

    public SmtpProbeOptions Options => options;

    /// <summary>What is left of <see cref="SmtpProbeOptions.SessionTimeout"/> (the whole budget before connecting).</summary>
    public TimeSpan SessionTimeLeft => started ? options.SessionTimeout - time.GetElapsedTime(sessionStart) : options.SessionTimeout;

    /// <summary>True between a successful connect and QUIT, a 421, a failure or disposal.</summary>
    public bool IsConnected => connected;

    public bool TlsUsed { get; private set; }

    /// <summary>True when the session ended in a failed STARTTLS handshake (the caller may try again in plain text).</summary>
    public bool TlsFailed { get; private set; }

    /// <summary>EHLO keywords of the latest EHLO reply, upper-case ("STARTTLS", "PIPELINING", "SIZE", ...).</summary>
    public IReadOnlyCollection<string> Capabilities => capabilities;

    /// <summary>"C: " and "S: " lines of this session, plus "* " notes (connect, TLS).</summary>
    public IReadOnlyList<string> Transcript => transcriptView;

    /// <summary>
    /// Connects, reads the greeting, says EHLO (HELO when EHLO gets a 5xx), upgrades with STARTTLS when offered and
    /// enabled, and says EHLO again. Returns the final EHLO/HELO reply on success, a non-2xx greeting (after QUIT and
    /// close), or the EHLO/HELO rejection.
    /// </summary>
    /// <param name="address">Address of the mail exchanger; the port comes from the options.</param>
    /// <param name="hostName">MX host name, for SNI and the transcript.</param>
    public async Task<SmtpReply> ConnectAsync(IPAddress address, string hostName, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(address);
        ArgumentException.ThrowIfNullOrWhiteSpace(hostName);
        if (started)
        {
            throw new InvalidOperationException("An SmtpProbe runs a single session; create a new one.");
        }

        started = true;
        this.hostName = hostName;
        sessionStart = time.GetTimestamp();
        var endPoint = new IPEndPoint(address, options.Port);
        transcript.Add($"* connect {hostName} {endPoint}");

        var newSocket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        socket = newSocket;
        await RunStepAsync(
            "connect",
            options.ConnectTimeout,
            async token =>
            {
                await newSocket.ConnectAsync(endPoint, token).ConfigureAwait(false);
                return true;
            },
            cancellationToken).ConfigureAwait(false);

        stream = new NetworkStream(newSocket, ownsSocket: true);
        reader = new SmtpLineReader(stream, options.MaxReplyLineLength);
        connected = true;

        var greeting = await RunStepAsync("banner", options.BannerTimeout, ReadReplyAsync, cancellationToken)
            .ConfigureAwait(false);
        if (!greeting.IsPositive)
        {
            // RFC 5321 §3.1: after a 554 greeting the client should QUIT; after a 421 the server is already closing.
            await QuitAsync(cancellationToken).ConfigureAwait(false);
            return greeting;
        }

        var hello = await HelloAsync(cancellationToken).ConfigureAwait(false);
        if (!hello.IsPositive || !options.UseStartTls || !capabilities.Contains("STARTTLS"))
        {
            return hello;
        }

        var startTls = await CommandAsync("STARTTLS", "STARTTLS", cancellationToken).ConfigureAwait(false);
        if (!startTls.IsPositive)
        {
            // Opportunistic security (RFC 7435): a refused upgrade leaves the plain session usable, unless it was a 421.
            return connected ? hello : startTls;
        }

        await StartTlsAsync(cancellationToken).ConfigureAwait(false);

        // RFC 3207 §4.2: forget what the server said before TLS and issue EHLO again.
        return await HelloAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>MAIL FROM:&lt;Options.MailFrom&gt;.</summary>
    public Task<SmtpReply> MailFromAsync(CancellationToken cancellationToken = default) =>
        CommandAsync($"MAIL FROM:<{options.MailFrom}>", "MAIL", cancellationToken);

    /// <summary>RCPT TO:&lt;address&gt;.</summary>
    public Task<SmtpReply> RcptToAsync(string address, CancellationToken cancellationToken = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(address);
        ValidateCommandArgument(address, allowEmpty: false, nameof(address));
        return CommandAsync($"RCPT TO:<{address}>", "RCPT", cancellationToken);
    }

    /// <summary>RSET: abandons the transaction (RFC 5321 §4.1.1.5).</summary>
    public Task<SmtpReply> ResetAsync(CancellationToken cancellationToken = default) =>
        CommandAsync("RSET", "RSET", cancellationToken);

    /// <summary>Sends QUIT and waits for the reply when still connected, then closes. Never throws.</summary>
    public async Task QuitAsync(CancellationToken cancellationToken = default)
    {
        if (!connected)
        {
            Close();
            return;
        }

        try
        {
            await CommandAsync("QUIT", "QUIT", cancellationToken).ConfigureAwait(false);
        }
        catch (IOException)
        {
            // Best effort: the server may already be gone.
        }
        catch (TimeoutException)
        {
        }
        catch (OperationCanceledException)
        {
        }
        catch (ObjectDisposedException)
        {
        }
        finally
        {
            Close();
        }
    }

    public ValueTask DisposeAsync()
    {
        Close();
        return ValueTask.CompletedTask;
    }

    private static void ValidateCommandArgument(string value, bool allowEmpty, string parameterName)
    {
        if (!allowEmpty && value.Length == 0)
        {
            throw new ArgumentException("Value may not be empty.", parameterName);
        }

        // A CR or LF would let the value inject a second command (such as DATA). Angle brackets are legal inside a
        // quoted local part ("a<b"@x.com, RFC 5321 §4.1.2), so only an unquoted one is refused.
        var quoted = false;
        foreach (var c in value)
        {
            if (c is '\r' or '\n' || char.IsControl(c))
            {
                throw new ArgumentException("Value may not contain CR, LF or control characters.", parameterName);
            }

            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c is '<' or '>' && !quoted)
            {
                throw new ArgumentException("Value may not contain '<' or '>' outside a quoted local part.", parameterName);
            }
        }
    }

    private static bool AcceptAnyCertificate(object sender, X509Certificate? certificate, X509Chain? chain, SslPolicyErrors errors) => true;

    private async Task<SmtpReply> HelloAsync(CancellationToken cancellationToken)
    {
        capabilities.Clear();
        var ehlo = await CommandAsync($"EHLO {options.HeloName}", "EHLO", cancellationToken).ConfigureAwait(false);
        if (ehlo.IsPositive)
        {
            ReadCapabilities(ehlo);
            return ehlo;
        }

        if (!connected)
        {
            return ehlo;
        }

        if (!ehlo.IsPermanent)
        {
            await QuitAsync(cancellationToken).ConfigureAwait(false);
            return ehlo;
        }

        // RFC 5321 §3.2: a server that does not know EHLO answers 5xx; older servers still speak HELO.
        var helo = await CommandAsync($"HELO {options.HeloName}", "HELO", cancellationToken).ConfigureAwait(false);
        if (!helo.IsPositive)
        {
            await QuitAsync(cancellationToken).ConfigureAwait(false);
        }

        return helo;
    }

    private void ReadCapabilities(SmtpReply ehlo)
    {
        // The first line is the server's name and greeting; each further line starts with a keyword (RFC 5321 §4.1.1.1).
        var lines = ehlo.Text.Split('\n');
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            var space = line.IndexOf(' ', StringComparison.Ordinal);
            var keyword = space < 0 ? line : line[..space];
            if (keyword.Length > 0)
            {
                capabilities.Add(keyword.ToUpperInvariant());
            }
        }
    }

    private async Task StartTlsAsync(CancellationToken cancellationToken)
    {
        if (reader!.BufferedCount != 0)
        {
            // Plain-text bytes after the 220 could be injected by a man in the middle (CVE-2011-0411); never read them.
            Close();
            throw new SmtpProtocolException($"{hostName} sent data after its STARTTLS reply.");
        }

        var ssl = new SslStream(stream!, leaveInnerStreamOpen: false);
        stream = ssl;
        var sslOptions = new SslClientAuthenticationOptions
        {
            TargetHost = hostName.TrimEnd('.'),
#pragma warning disable CA5359 // We only ask about recipients and never send content: any certificate will do (opportunistic security, RFC 7435).
            RemoteCertificateValidationCallback = AcceptAnyCertificate,
#pragma warning restore CA5359
        };
        try
        {
            await RunStepAsync(
                "TLS handshake",
                options.CommandTimeout,
                async token =>
                {
                    await ssl.AuthenticateAsClientAsync(sslOptions, token).ConfigureAwait(false);
                    return true;
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            TlsFailed = true;
            throw;
        }

        reader.ReplaceStream(ssl);
        TlsUsed = true;
        transcript.Add($"* TLS {ssl.SslProtocol} {ssl.NegotiatedCipherSuite}");
    }

    private Task<SmtpReply> CommandAsync(string command, string step, CancellationToken cancellationToken)
    {
        if (!connected)
        {
            throw new InvalidOperationException(
                started ? "The SMTP session is closed." : "ConnectAsync has not been called.");
        }

        return RunStepAsync(
            step,
            options.CommandTimeout,
            async token =>
            {
                transcript.Add("C: " + command);
                var bytes = Encoding.UTF8.GetBytes(command + "\r\n");
                await stream!.WriteAsync(bytes, token).ConfigureAwait(false);
                await stream.FlushAsync(token).ConfigureAwait(false);
                return await ReadReplyAsync(token).ConfigureAwait(false);
            },
            cancellationToken);
    }

    private async Task<SmtpReply> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var parser = new SmtpReplyParser(options.MaxReplyLines);
        string? line;
        do
        {
            line = await reader!.ReadLineAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new SmtpProtocolException($"{hostName} closed the connection instead of replying.");
            transcript.Add("S: " + line);
        }
        while (!parser.Add(line));

        var reply = parser.ToReply();
        if (reply.Code == 421)
        {
            // RFC 5321 §3.8: 421 means the server is closing the transmission channel.
            Close();
        }

        return reply;
    }

    /// <summary>
    /// Runs one step under min(step timeout, what is left of the session timeout), telling the caller's cancellation
    /// apart from our timeout, and turning a lost connection into an SmtpProtocolException.
    /// </summary>
    private async Task<T> RunStepAsync<T>(
        string step, TimeSpan stepTimeout, Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            Close();
            throw new OperationCanceledException($"SMTP {step} was cancelled ({hostName}).", cancellationToken);
        }

        var left = options.SessionTimeout - time.GetElapsedTime(sessionStart);
        var limit = left < stepTimeout ? left : stepTimeout;
        if (limit <= TimeSpan.Zero)
        {
            Close();
            throw new TimeoutException(string.Create(
                CultureInfo.InvariantCulture,
                $"SMTP {step} timed out: the session limit of {options.SessionTimeout.TotalSeconds:0.###} s is used up ({hostName})."));
        }

        using var timeout = new CancellationTokenSource(limit, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await operation(linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException
            or ObjectDisposedException or AuthenticationException)
        {
            Close();
            if (cancellationToken.IsCancellationRequested)
            {
                throw new OperationCanceledException($"SMTP {step} was cancelled ({hostName}).", ex, cancellationToken);
            }

            if (timeout.IsCancellationRequested)
            {
                throw new TimeoutException(
                    string.Create(CultureInfo.InvariantCulture, $"SMTP {step} timed out after {limit.TotalSeconds:0.###} s ({hostName})."), ex);
            }

            if (ex is SmtpProtocolException || (step == "connect" && ex is SocketException or IOException))
            {
                throw;
            }

            throw new SmtpProtocolException($"Connection lost during SMTP {step} ({hostName}): {ex.Message}", ex);
        }
    }

    private void Close()
    {
        connected = false;
        stream?.Dispose();
        socket?.Dispose();
    }
}

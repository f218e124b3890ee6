using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace Enrichment.Testing;

/// <summary>
/// A scripted SMTP server on 127.0.0.1 with a random port, for unit tests and benchmarks. Every connection runs
/// asynchronously; delays are Task.Delay on the given TimeProvider. Like Postfix, it holds its replies while further
/// commands are already waiting, so a pipelined group is answered in one write. It never accepts mail: DATA and BDAT
/// are counted and refused.
/// </summary>
public sealed class FakeSmtpServer : IAsyncDisposable
{
    private const string ServerName = "fake.test";

    private static readonly Lazy<X509Certificate2> Certificate = new(CreateCertificate);

    private readonly FakeSmtpOptions options;
    private readonly TimeProvider time;
    private readonly TcpListener listener;
    private readonly CancellationTokenSource stopping = new();
    private readonly ConcurrentQueue<string> commands = new();
    private readonly ConcurrentDictionary<string, int> attempts = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<int, (TcpClient Client, Task Session)> connections = new();
    private readonly Task acceptLoop;
    private int connectionCount;
    private int openConnections;
    private int peakOpenConnections;
    private int rcptCount;
    private int dataCommandCount;

    private FakeSmtpServer(FakeSmtpOptions options, TimeProvider time)
    {
        this.options = options;
        this.time = time;
        if (options.OfferStartTls)
        {
            _ = Certificate.Value;
        }

        listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        EndPoint = (IPEndPoint)listener.LocalEndpoint;
        acceptLoop = AcceptLoopAsync();
    }

    public IPEndPoint EndPoint { get; }

    public int Port => EndPoint.Port;

    public int ConnectionCount => Volatile.Read(ref connectionCount);

    /// <summary>The most sessions that were open at the same time (a client's concurrency limit, seen from the server).</summary>
    public int PeakOpenConnections => Volatile.Read(ref peakOpenConnections);

    public int RcptCount => Volatile.Read(ref rcptCount);

    /// <summary>DATA and BDAT commands received; must stay 0 with our probe.</summary>
    public int DataCommandCount => Volatile.Read(ref dataCommandCount);

    /// <summary>Every command line received, all connections, in arrival order (a snapshot).</summary>
    public IReadOnlyList<string> ReceivedCommands => commands.ToArray();

    public static FakeSmtpServer Start(FakeSmtpOptions? options = null, TimeProvider? time = null) =>
        new(options ?? new FakeSmtpOptions(), time ?? TimeProvider.System);

    public async ValueTask DisposeAsync()
    {
        await stopping.CancelAsync();
        listener.Stop();
        foreach (var (client, _) in connections.Values)
        {
            client.Dispose();
        }

        var sessions = connections.Values.Select(c => c.Session).Append(acceptLoop).ToArray();
        try
        {
            await Task.WhenAll(sessions).WaitAsync(TimeSpan.FromSeconds(10));
        }
        catch (Exception)
        {
            // Sessions end with whatever their sockets threw; disposal only has to wait for them.
        }

        stopping.Dispose();
    }

    private static X509Certificate2 CreateCertificate()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest($"CN={ServerName}", key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName(ServerName);
        request.CertificateExtensions.Add(names.Build());
        var now = TimeProvider.System.GetUtcNow();
        using var certificate = request.CreateSelfSigned(now.AddDays(-1), now.AddYears(1));

        // Round-trip through PKCS#12 so the private key is usable by SslStream on every platform.
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private static string Verb(string line)
    {
        var end = line.IndexOfAny([' ', ':']);
        return (end < 0 ? line : line[..end]).ToUpperInvariant();
    }

    private static string Recipient(string line)
    {
        var open = line.IndexOf('<');
        var close = open < 0 ? -1 : line.IndexOf('>', open + 1);
        if (open >= 0 && close > open)
        {
            return line[(open + 1)..close];
        }

        var colon = line.IndexOf(':');
        return colon < 0 ? string.Empty : line[(colon + 1)..].Trim();
    }

    private async Task AcceptLoopAsync()
    {
        while (!stopping.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await listener.AcceptTcpClientAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }

            var number = Interlocked.Increment(ref connectionCount);
            var session = Task.Run(() => HandleConnectionAsync(client, number));
            connections[number] = (client, session);
            _ = session.ContinueWith(_ => connections.TryRemove(number, out var _), TaskScheduler.Default);
        }
    }

    private async Task HandleConnectionAsync(TcpClient client, int number)
    {
        var open = Interlocked.Increment(ref openConnections);
        for (var peak = Volatile.Read(ref peakOpenConnections); open > peak; peak = Volatile.Read(ref peakOpenConnections))
        {
            if (Interlocked.CompareExchange(ref peakOpenConnections, open, peak) == peak)
            {
                break;
            }
        }

        using (client)
        {
            client.NoDelay = true;
            var session = new Session(this, client, number);
            try
            {
                await session.RunAsync(stopping.Token);
            }
            catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException
                or ObjectDisposedException or AuthenticationException or InvalidOperationException)
            {
                // The client went away or the server is stopping.
            }
            finally
            {
                session.EndOpenCount();
                await session.DisposeAsync();
            }
        }
    }

    private sealed class Session(FakeSmtpServer server, TcpClient client, int number) : IAsyncDisposable
    {
        private readonly FakeSmtpOptions options = server.options;
        private Stream stream = client.GetStream();
        private readonly byte[] input = new byte[16 * 1024];
        private readonly MemoryStream output = new();
        private int inputStart;
        private int inputEnd;
        private bool tls;
        private bool inTransaction;
        private readonly List<string> held = [];
        private string? heldMail;
        private bool afterRset;
        private int acceptedInTransaction;
        private int consecutiveRejects;
        private int counted = 1;

        public void EndOpenCount()
        {
            if (Interlocked.Exchange(ref counted, 0) == 1)
            {
                Interlocked.Decrement(ref server.openConnections);
            }
        }

        public async Task RunAsync(CancellationToken cancellationToken)
        {
            switch (options.Misbehaviour)
            {
                case Misbehaviour.NoGreeting:
                    await DrainAsync(cancellationToken);
                    return;
                case Misbehaviour.GarbageGreeting:
                    await ReplyAsync("\u0001\u0002\u00ff garbage, not SMTP at all", cancellationToken);
                    await DrainAsync(cancellationToken);
                    return;
            }

            await ReplyAsync(options.Greeting, cancellationToken);
            if (options.Misbehaviour == Misbehaviour.CloseAfterGreeting || options.Greeting.StartsWith('4'))
            {
                return;
            }

            // RFC 5321 §3.1: after a 554 greeting the server waits for QUIT and refuses everything else.
            var refuseAll = !options.Greeting.StartsWith('2');

            while (await ReadLineAsync(cancellationToken) is { } line)
            {
                server.commands.Enqueue(line);
                if (refuseAll && Verb(line) != "QUIT")
                {
                    await ReplyAsync("503 5.5.1 No SMTP service here", cancellationToken);
                    continue;
                }

                if (!await HandleCommandAsync(line, cancellationToken))
                {
                    await FlushAsync(cancellationToken);
                    return;
                }
            }

            await FlushAsync(cancellationToken);
        }

        /// <summary>A complete command is already waiting: its reply can go out with this one (RFC 2920 §3.2, as Postfix does).</summary>
        private bool CommandWaiting => Array.IndexOf(input, (byte)'\n', inputStart, inputEnd - inputStart) >= 0;

        /// <summary>The next command line (without CRLF), or null at the end of the stream.</summary>
        private async Task<string?> ReadLineAsync(CancellationToken cancellationToken)
        {
            while (true)
            {
                var newline = Array.IndexOf(input, (byte)'\n', inputStart, inputEnd - inputStart);
                if (newline >= 0 || inputEnd - inputStart == input.Length)
                {
                    var end = newline >= 0 ? newline : inputEnd;
                    var line = Encoding.UTF8.GetString(input, inputStart, end - inputStart).TrimEnd('\r');
                    inputStart = newline >= 0 ? newline + 1 : inputEnd;
                    return line;
                }

                if (inputStart > 0)
                {
                    Buffer.BlockCopy(input, inputStart, input, 0, inputEnd - inputStart);
                    inputEnd -= inputStart;
                    inputStart = 0;
                }

                // Nothing complete is waiting: what was answered so far goes out before we block on the client.
                await FlushAsync(cancellationToken);
                var read = await stream.ReadAsync(input.AsMemory(inputEnd), cancellationToken);
                if (read == 0)
                {
                    return inputEnd > inputStart ? ReadRest() : null;
                }

                inputEnd += read;
            }
        }

        private string ReadRest()
        {
            var line = Encoding.UTF8.GetString(input, inputStart, inputEnd - inputStart).TrimEnd('\r');
            inputStart = inputEnd;
            return line;
        }

        public async ValueTask DisposeAsync()
        {
            await output.DisposeAsync();
            await stream.DisposeAsync();
        }

        /// <summary>Answers one command; false when the session ends.</summary>
        private async Task<bool> HandleCommandAsync(string line, CancellationToken cancellationToken)
        {
            switch (Verb(line))
            {
                case "EHLO":
                    ResetTransaction();
                    if (!options.SupportsEhlo)
                    {
                        await ReplyAsync("502 5.5.1 Command not implemented", cancellationToken);
                        return true;
                    }

                    var ehlo = new StringBuilder($"250-{ServerName} Hello\r\n{(options.OfferPipelining ? "250-PIPELINING\r\n" : "")}250-SIZE 10240000\r\n");
                    if (options.OfferStartTls && !tls)
                    {
                        ehlo.Append("250-STARTTLS\r\n");
                    }

                    ehlo.Append("250-ENHANCEDSTATUSCODES\r\n250 8BITMIME");
                    await ReplyAsync(ehlo.ToString(), cancellationToken);
                    return true;
                case "HELO":
                    ResetTransaction();
                    await ReplyAsync($"250 {ServerName}", cancellationToken);
                    return true;
                case "STARTTLS":
                    if (!options.OfferStartTls || tls)
                    {
                        await ReplyAsync("502 5.5.1 Command not implemented", cancellationToken);
                        return true;
                    }

                    await ReplyAsync("220 2.0.0 Ready to start TLS", cancellationToken);
                    await FlushAsync(cancellationToken);
                    if (options.BreakTlsHandshake)
                    {
                        return false; // the connection closes: the client's handshake fails
                    }

                    await StartTlsAsync(cancellationToken);
                    return true;
                case "MAIL":
                    ResetTransaction();
                    var mailReply = afterRset && options.MailReplyAfterRset is { } punished ? punished : options.MailReply;
                    inTransaction = mailReply.StartsWith('2');
                    if (options.HoldMailReply)
                    {
                        heldMail = mailReply; // answered with the first RCPT: only a client that pipelines gets it
                        return true;
                    }

                    await ReplyAsync(mailReply, cancellationToken);
                    return !mailReply.StartsWith("421", StringComparison.Ordinal);
                case "RCPT":
                    return await RcptAsync(line, cancellationToken);
                case "RSET":
                    ResetTransaction();
                    afterRset = true;
                    await ReplyAsync("250 2.0.0 Ok", cancellationToken);
                    return true;
                case "NOOP":
                    await ReplyAsync("250 2.0.0 Ok", cancellationToken);
                    return true;
                case "VRFY":
                    await ReplyAsync("252 2.0.0 Cannot VRFY user", cancellationToken);
                    return true;
                case "DATA" or "BDAT":
                    Interlocked.Increment(ref server.dataCommandCount);
                    await ReplyAsync("554 5.5.1 This test server takes no mail", cancellationToken);
                    return true;
                case "QUIT":
                    // The session is over for the client once it says QUIT: count it closed before the 221, so
                    // PeakOpenConnections sees the client's own view and not the few microseconds of teardown.
                    EndOpenCount();
                    await ReplyAsync("221 2.0.0 Bye", cancellationToken);
                    return false;
                default:
                    await ReplyAsync("500 5.5.2 Error: command not recognized", cancellationToken);
                    return true;
            }
        }

        private string WithHeldMail(string reply)
        {
            var mail = heldMail;
            heldMail = null;
            return mail is null ? reply : mail + "\r\n" + reply;
        }

        private async Task<bool> RcptAsync(string line, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref server.rcptCount);
            if (options.RcptDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.RcptDelay, server.time, cancellationToken);
            }

            switch (options.Misbehaviour)
            {
                case Misbehaviour.ResetMidReply:
                    await ReplyRawAsync("250 2.1", cancellationToken);
                    await FlushAsync(cancellationToken);
                    client.Client.LingerState = new LingerOption(true, 0);
                    client.Client.Close();
                    return false;
                case Misbehaviour.EndlessReply:
                    var pause = options.ReplyDelay > TimeSpan.FromMilliseconds(10) ? options.ReplyDelay : TimeSpan.FromMilliseconds(10);
                    while (true)
                    {
                        await Task.Delay(pause, server.time, cancellationToken);
                        await WriteAsync("250-2.1.5 still thinking about it\r\n", cancellationToken);
                        await FlushAsync(cancellationToken);
                    }

                case Misbehaviour.HugeLine:
                    await ReplyRawAsync("250 ", cancellationToken);
                    await FlushAsync(cancellationToken);
                    var chunk = Encoding.ASCII.GetBytes(new string('x', 64 * 1024));
                    for (var written = 0; written < 10 * 1024 * 1024; written += chunk.Length)
                    {
                        await stream.WriteAsync(chunk, cancellationToken);
                    }

                    await WriteAsync("\r\n", cancellationToken);
                    return true;
                case Misbehaviour.InconsistentMultiline:
                    await ReplyAsync("250-2.1.5 Recipient looks fine\r\n550 5.1.1 but this line disagrees", cancellationToken);
                    return true;
            }

            if (!inTransaction)
            {
                await ReplyAsync(WithHeldMail("503 5.5.1 Error: need MAIL command"), cancellationToken);
                return true;
            }

            if (options.MaxConsecutiveRejects > 0 && consecutiveRejects >= options.MaxConsecutiveRejects)
            {
                await ReplyAsync("421 4.7.0 Too many errors", cancellationToken);
                return false;
            }

            if (options.MaxRecipientsPerTransaction > 0 && acceptedInTransaction >= options.MaxRecipientsPerTransaction)
            {
                await ReplyAsync("452 4.5.3 Too many recipients", cancellationToken);
                return true;
            }

            var recipient = Recipient(line);
            var attempt = server.attempts.AddOrUpdate(recipient, 1, (_, previous) => previous + 1);
            var context = new RcptContext(recipient, number, attempt, server.time.GetUtcNow());
            var reply = options.RcptReply?.Invoke(context) ?? FakeSmtpScripts.Accepted;
            if (reply.StartsWith('2'))
            {
                acceptedInTransaction++;
            }

            consecutiveRejects = reply.StartsWith('5') ? consecutiveRejects + 1 : 0;
            if (options.HoldRcptReplies > 1)
            {
                // Answer nothing until the whole group is in: only a client that pipelines gets replies at all.
                held.Add(reply);
                if (held.Count < options.HoldRcptReplies)
                {
                    return true;
                }

                await ReplyAsync(WithHeldMail(string.Join("\r\n", held)), cancellationToken);
                held.Clear();
                return true;
            }

            await ReplyAsync(WithHeldMail(reply), cancellationToken);
            return true;
        }

        private async Task StartTlsAsync(CancellationToken cancellationToken)
        {
            var ssl = new SslStream(stream, leaveInnerStreamOpen: false);
            stream = ssl;
            await ssl.AuthenticateAsServerAsync(
                new SslServerAuthenticationOptions { ServerCertificate = Certificate.Value },
                cancellationToken);
            inputStart = inputEnd = 0; // RFC 3207 §4.2: nothing sent before the handshake counts
            tls = true;
            ResetTransaction();
        }

        private void ResetTransaction()
        {
            inTransaction = false;
            acceptedInTransaction = 0;
        }

        private async Task DrainAsync(CancellationToken cancellationToken)
        {
            var buffer = new byte[1024];
            while (await stream.ReadAsync(buffer, cancellationToken) > 0)
            {
            }
        }

        /// <summary>Sends a reply after the configured delay; a missing final CRLF is added.</summary>
        private async Task ReplyAsync(string reply, CancellationToken cancellationToken)
        {
            await ReplyRawAsync(reply.EndsWith('\n') ? reply : reply + "\r\n", cancellationToken);
        }

        private async Task ReplyRawAsync(string text, CancellationToken cancellationToken)
        {
            if (options.ReplyDelay > TimeSpan.Zero)
            {
                await Task.Delay(options.ReplyDelay, server.time, cancellationToken);
            }

            await WriteAsync(text, cancellationToken);
        }

        /// <summary>Queues a reply; it goes out when no further command is waiting (replies to a pipelined group in one write).</summary>
        private async Task WriteAsync(string text, CancellationToken cancellationToken)
        {
            var bytes = Encoding.UTF8.GetBytes(text);
            output.Write(bytes);
            if (!CommandWaiting)
            {
                await FlushAsync(cancellationToken);
            }
        }

        private async Task FlushAsync(CancellationToken cancellationToken)
        {
            if (output.Length == 0)
            {
                return;
            }

            var pending = output.ToArray();
            output.SetLength(0);
            await stream.WriteAsync(pending, cancellationToken);
            await stream.FlushAsync(cancellationToken);
        }
    }
}

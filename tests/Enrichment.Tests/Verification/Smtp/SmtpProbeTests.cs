using System.Net;
using System.Net.Sockets;
using System.Text;
using Enrichment.Testing;
using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Verification.Smtp;

/// <summary>The probe against <see cref="FakeSmtpServer"/> and raw listeners, on loopback only.</summary>
public class SmtpProbeTests
{
    private const string MxName = "mx.example.test";

    [Fact(Timeout = 15000)]
    public async Task Session_ReturnsEachRcptReply_WhenSeveralRecipientsAreProbedInOneSession()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions
        {
            RcptReply = FakeSmtpScripts.Mailboxes("alice@example.test", "bob@example.test"),
        });
        await using var probe = new SmtpProbe(Options(server));

        var hello = await probe.ConnectAsync(IPAddress.Loopback, MxName);
        Assert.Equal(250, hello.Code);
        Assert.True(probe.IsConnected);
        Assert.False(probe.TlsUsed);
        Assert.Contains("PIPELINING", probe.Capabilities);
        Assert.Contains("SIZE", probe.Capabilities);
        Assert.Contains("ENHANCEDSTATUSCODES", probe.Capabilities);

        Assert.Equal(250, (await probe.MailFromAsync()).Code);
        var alice = await probe.RcptToAsync("alice@example.test");
        var nobody = await probe.RcptToAsync("nobody@example.test");
        var bob = await probe.RcptToAsync("BOB@example.test");
        var reset = await probe.ResetAsync();
        await probe.QuitAsync();

        Assert.True(alice.IsPositive);
        Assert.Equal(new EnhancedStatus(2, 1, 5), alice.Enhanced);
        Assert.True(nobody.IsPermanent);
        Assert.Equal(new EnhancedStatus(5, 1, 1), nobody.Enhanced);
        Assert.Contains("User unknown", nobody.Text, StringComparison.Ordinal);
        Assert.True(bob.IsPositive);
        Assert.Equal(250, reset.Code);
        Assert.False(probe.IsConnected);

        Assert.Equal(
            ["EHLO probe.test", "MAIL FROM:<bounce@probe.test>", "RCPT TO:<alice@example.test>",
             "RCPT TO:<nobody@example.test>", "RCPT TO:<BOB@example.test>", "RSET", "QUIT"],
            server.ReceivedCommands);
        Assert.Equal(1, server.ConnectionCount);
        Assert.Equal(3, server.RcptCount);
        AssertNoData(server);
        Assert.Contains("C: RCPT TO:<nobody@example.test>", probe.Transcript);
        Assert.Contains("S: " + nobody.ToString(), probe.Transcript);
        Assert.Contains("S: 221 2.0.0 Bye", probe.Transcript);
    }

    [Fact(Timeout = 15000)]
    public async Task RcptToAsync_ReturnsMultiLineReplyWithStatus_WhenServerAnswersGmailStyle()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions
        {
            RcptReply = FakeSmtpScripts.Fixed(
                "550-5.1.1 The email account that you tried to reach does not exist.\r\n550 5.1.1 https://support.google.com/mail/?p=NoSuchUser"),
        });
        await using var probe = new SmtpProbe(Options(server));
        await probe.ConnectAsync(IPAddress.Loopback, MxName);
        await probe.MailFromAsync();

        var reply = await probe.RcptToAsync("gone@example.test");

        Assert.Equal(550, reply.Code);
        Assert.Equal(new EnhancedStatus(5, 1, 1), reply.Enhanced);
        Assert.Equal(
            "The email account that you tried to reach does not exist.\nhttps://support.google.com/mail/?p=NoSuchUser",
            reply.Text);
    }

    [Fact(Timeout = 15000)]
    public async Task MailFromAsync_SendsNullSender_WhenMailFromIsEmpty()
    {
        await using var server = FakeSmtpServer.Start();
        await using var probe = new SmtpProbe(Options(server) with { MailFrom = "" });
        await probe.ConnectAsync(IPAddress.Loopback, MxName);

        Assert.Equal(250, (await probe.MailFromAsync()).Code);
        Assert.Contains("MAIL FROM:<>", server.ReceivedCommands);
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_FallsBackToHelo_WhenEhloIsRejected()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { SupportsEhlo = false });
        await using var probe = new SmtpProbe(Options(server));

        var hello = await probe.ConnectAsync(IPAddress.Loopback, MxName);
        var rcpt = await probe.MailFromAsync() is { IsPositive: true }
            ? await probe.RcptToAsync("a@example.test")
            : null;

        Assert.Equal(250, hello.Code);
        Assert.True(probe.IsConnected);
        Assert.Empty(probe.Capabilities);
        Assert.Equal(250, rcpt?.Code);
        Assert.Equal(["EHLO probe.test", "HELO probe.test"], server.ReceivedCommands.Take(2));
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_UpgradesToTlsAndRepeatsEhlo_WhenServerOffersStartTls()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions
        {
            OfferStartTls = true,
            RcptReply = FakeSmtpScripts.Mailboxes("alice@example.test"),
        });
        await using var probe = new SmtpProbe(Options(server));

        var hello = await probe.ConnectAsync(IPAddress.Loopback, MxName);
        await probe.MailFromAsync();
        var alice = await probe.RcptToAsync("alice@example.test");
        var nobody = await probe.RcptToAsync("nobody@example.test");
        await probe.QuitAsync();

        Assert.Equal(250, hello.Code);
        Assert.True(probe.TlsUsed);
        Assert.DoesNotContain("STARTTLS", probe.Capabilities);
        Assert.Contains("PIPELINING", probe.Capabilities);
        Assert.Equal(250, alice.Code);
        Assert.Equal(550, nobody.Code);
        Assert.Equal(["EHLO probe.test", "STARTTLS", "EHLO probe.test", "MAIL FROM:<bounce@probe.test>"], server.ReceivedCommands.Take(4));
        Assert.Contains(probe.Transcript, line => line.StartsWith("* TLS", StringComparison.Ordinal));
        AssertNoData(server);
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_StaysInPlainText_WhenStartTlsIsDisabled()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { OfferStartTls = true });
        await using var probe = new SmtpProbe(Options(server) with { UseStartTls = false });

        var hello = await probe.ConnectAsync(IPAddress.Loopback, MxName);

        Assert.Equal(250, hello.Code);
        Assert.False(probe.TlsUsed);
        Assert.Contains("STARTTLS", probe.Capabilities);
        Assert.DoesNotContain("STARTTLS", server.ReceivedCommands);
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_ThrowsProtocolException_WhenServerSendsDataAfterStartTlsReply()
    {
        // Response injection (CVE-2011-0411): plain-text bytes queued behind the 220 must not be read as TLS replies.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var serverTask = Task.Run(async () =>
        {
            using var client = await listener.AcceptTcpClientAsync();
            var stream = client.GetStream();
            using var reader = new StreamReader(stream, Encoding.ASCII);
            await WriteAsync(stream, "220 raw.test ESMTP\r\n");
            await reader.ReadLineAsync();
            await WriteAsync(stream, "250-raw.test\r\n250 STARTTLS\r\n");
            await reader.ReadLineAsync();
            await WriteAsync(stream, "220 2.0.0 Go ahead\r\n250 injected\r\n");
            await reader.ReadLineAsync();
        });
        await using var probe = new SmtpProbe(Options(((IPEndPoint)listener.LocalEndpoint).Port));

        await Assert.ThrowsAsync<SmtpProtocolException>(() => probe.ConnectAsync(IPAddress.Loopback, MxName));

        Assert.False(probe.IsConnected);
        Assert.False(probe.TlsUsed);
        await serverTask;
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_ContinuesInPlainText_WhenStartTlsIsRefused()
    {
        var received = new List<string>();
        var (port, serverTask) = RawServer(async (stream, reader) =>
        {
            await WriteAsync(stream, "220 raw.test ESMTP\r\n");
            received.Add((await reader.ReadLineAsync())!);
            await WriteAsync(stream, "250-raw.test\r\n250 STARTTLS\r\n");
            received.Add((await reader.ReadLineAsync())!);
            await WriteAsync(stream, "454 4.7.0 TLS not available due to local problem\r\n");
            received.Add((await reader.ReadLineAsync())!);
            await WriteAsync(stream, "250 2.1.0 Ok\r\n");
        });
        await using var probe = new SmtpProbe(Options(port));

        var hello = await probe.ConnectAsync(IPAddress.Loopback, MxName);
        var mail = await probe.MailFromAsync();

        Assert.Equal(250, hello.Code);
        Assert.Equal("raw.test\nSTARTTLS", hello.Text);
        Assert.False(probe.TlsUsed);
        Assert.True(probe.IsConnected);
        Assert.Equal(250, mail.Code);
        await serverTask;
        Assert.Equal(["EHLO probe.test", "STARTTLS", "MAIL FROM:<bounce@probe.test>"], received);
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_ThrowsProtocolException_WhenTlsHandshakeFails()
    {
        var (port, serverTask) = RawServer(async (stream, reader) =>
        {
            await WriteAsync(stream, "220 raw.test ESMTP\r\n");
            await reader.ReadLineAsync();
            await WriteAsync(stream, "250-raw.test\r\n250 STARTTLS\r\n");
            await reader.ReadLineAsync();
            await WriteAsync(stream, "220 2.0.0 Ready to start TLS\r\n");
            var hello = new byte[5];
            await stream.ReadAtLeastAsync(hello, 1);
            await WriteAsync(stream, "this is not a TLS record at all\r\n");
        });
        await using var probe = new SmtpProbe(Options(port));

        await Assert.ThrowsAsync<SmtpProtocolException>(() => probe.ConnectAsync(IPAddress.Loopback, MxName));

        Assert.False(probe.IsConnected);
        Assert.False(probe.TlsUsed);
        await serverTask;
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_ReturnsHeloRejectionAfterQuit_WhenEhloAndHeloAreBothRejected()
    {
        var received = new List<string>();
        var (port, serverTask) = RawServer(async (stream, reader) =>
        {
            await WriteAsync(stream, "220 raw.test ESMTP\r\n");
            received.Add((await reader.ReadLineAsync())!);
            await WriteAsync(stream, "550 5.7.1 EHLO rejected\r\n");
            received.Add((await reader.ReadLineAsync())!);
            await WriteAsync(stream, "550 5.7.1 HELO rejected too\r\n");
            received.Add((await reader.ReadLineAsync())!);
            await WriteAsync(stream, "221 2.0.0 Bye\r\n");
        });
        await using var probe = new SmtpProbe(Options(port));

        var reply = await probe.ConnectAsync(IPAddress.Loopback, MxName);

        Assert.Equal(550, reply.Code);
        Assert.Equal("HELO rejected too", reply.Text);
        Assert.False(probe.IsConnected);
        await serverTask;
        Assert.Equal(["EHLO probe.test", "HELO probe.test", "QUIT"], received);
    }

    [Fact(Timeout = 15000)]
    public async Task RcptToAsync_Returns421AndDisconnects_WhenServerGivesUpAfterTooManyErrors()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions
        {
            RcptReply = FakeSmtpScripts.Mailboxes(),
            MaxConsecutiveRejects = 2,
        });
        await using var probe = new SmtpProbe(Options(server));
        await probe.ConnectAsync(IPAddress.Loopback, MxName);
        await probe.MailFromAsync();

        Assert.Equal(550, (await probe.RcptToAsync("a@example.test")).Code);
        Assert.Equal(550, (await probe.RcptToAsync("b@example.test")).Code);
        var closing = await probe.RcptToAsync("c@example.test");

        Assert.Equal(421, closing.Code);
        Assert.Equal(new EnhancedStatus(4, 7, 0), closing.Enhanced);
        Assert.False(probe.IsConnected);
        await Assert.ThrowsAsync<InvalidOperationException>(() => probe.RcptToAsync("d@example.test"));
        await probe.QuitAsync();
        Assert.DoesNotContain("QUIT", server.ReceivedCommands);
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_Returns421Greeting_AndDisconnectsWithoutCommands()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { Greeting = "421 4.3.2 Service shutting down" });
        await using var probe = new SmtpProbe(Options(server));

        var greeting = await probe.ConnectAsync(IPAddress.Loopback, MxName);

        Assert.Equal(421, greeting.Code);
        Assert.False(probe.IsConnected);
        Assert.Empty(server.ReceivedCommands);
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_Returns554Greeting_AfterQuit()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { Greeting = "554 5.7.1 No SMTP service for you" });
        await using var probe = new SmtpProbe(Options(server));

        var greeting = await probe.ConnectAsync(IPAddress.Loopback, MxName);

        Assert.Equal(554, greeting.Code);
        Assert.Equal(new EnhancedStatus(5, 7, 1), greeting.Enhanced);
        Assert.False(probe.IsConnected);
        Assert.Equal(["QUIT"], server.ReceivedCommands);
    }

    [Fact(Timeout = 15000)]
    public async Task RcptToAsync_Returns452AndStaysConnected_WhenTooManyRecipients()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { MaxRecipientsPerTransaction = 2 });
        await using var probe = new SmtpProbe(Options(server));
        await probe.ConnectAsync(IPAddress.Loopback, MxName);
        await probe.MailFromAsync();

        Assert.Equal(250, (await probe.RcptToAsync("a@example.test")).Code);
        Assert.Equal(250, (await probe.RcptToAsync("b@example.test")).Code);
        var tooMany = await probe.RcptToAsync("c@example.test");
        await probe.ResetAsync();
        await probe.MailFromAsync();
        var afterReset = await probe.RcptToAsync("c@example.test");

        Assert.Equal(452, tooMany.Code);
        Assert.True(tooMany.IsTransient);
        Assert.Equal(new EnhancedStatus(4, 5, 3), tooMany.Enhanced);
        Assert.Equal(250, afterReset.Code);
        Assert.True(probe.IsConnected);
    }

    public static TheoryData<Misbehaviour, Type, bool> Misbehaviours => new()
    {
        { Misbehaviour.NoGreeting, typeof(TimeoutException), false },
        { Misbehaviour.GarbageGreeting, typeof(SmtpProtocolException), false },
        { Misbehaviour.CloseAfterGreeting, typeof(SmtpProtocolException), false },
        { Misbehaviour.ResetMidReply, typeof(SmtpProtocolException), true },
        { Misbehaviour.EndlessReply, typeof(SmtpProtocolException), true },
        { Misbehaviour.HugeLine, typeof(SmtpProtocolException), true },
        { Misbehaviour.InconsistentMultiline, typeof(SmtpProtocolException), true },
    };

    [Theory(Timeout = 20000)]
    [MemberData(nameof(Misbehaviours))]
    public async Task Probe_ThrowsAndDisconnects_WhenServerMisbehaves(Misbehaviour misbehaviour, Type expected, bool atRcpt)
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { Misbehaviour = misbehaviour });
        await using var probe = new SmtpProbe(Options(server) with
        {
            // Short only where the banner timeout is the point: a busy CI machine can take longer than 0.5 s to greet.
            BannerTimeout = expected == typeof(TimeoutException) ? TimeSpan.FromMilliseconds(500) : TimeSpan.FromSeconds(5),
            MaxReplyLines = 5,
        });

        var exception = await Record.ExceptionAsync(async () =>
        {
            await probe.ConnectAsync(IPAddress.Loopback, MxName);
            Assert.True(atRcpt, "the handshake should have failed");
            await probe.MailFromAsync();
            await probe.RcptToAsync("a@example.test");
        });

        Assert.IsType(expected, exception);
        Assert.False(probe.IsConnected);
        if (exception is TimeoutException)
        {
            Assert.Contains("banner", exception.Message, StringComparison.Ordinal);
        }

        if (atRcpt)
        {
            Assert.Contains("RCPT TO:<a@example.test>", server.ReceivedCommands);
        }

        AssertNoData(server);
    }

    [Fact(Timeout = 15000)]
    public async Task RcptToAsync_ThrowsTimeout_WhenEndlessReplyOutlastsCommandTimeout()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { Misbehaviour = Misbehaviour.EndlessReply });
        await using var probe = new SmtpProbe(Options(server) with
        {
            CommandTimeout = TimeSpan.FromMilliseconds(500),
            MaxReplyLines = 1_000_000,
        });
        await probe.ConnectAsync(IPAddress.Loopback, MxName);
        await probe.MailFromAsync();

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => probe.RcptToAsync("a@example.test"));

        Assert.Contains("RCPT", exception.Message, StringComparison.Ordinal);
        Assert.False(probe.IsConnected);
    }

    [Fact(Timeout = 15000)]
    public async Task RcptToAsync_ThrowsOperationCanceled_WhenCallerCancels()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { RcptDelay = TimeSpan.FromSeconds(60) });
        await using var probe = new SmtpProbe(Options(server));
        await probe.ConnectAsync(IPAddress.Loopback, MxName);
        await probe.MailFromAsync();
        using var cancellation = new CancellationTokenSource(TimeSpan.FromMilliseconds(200));

        var exception = await Record.ExceptionAsync(() => probe.RcptToAsync("a@example.test", cancellation.Token));

        var canceled = Assert.IsAssignableFrom<OperationCanceledException>(exception);
        Assert.Equal(cancellation.Token, canceled.CancellationToken);
        Assert.False(probe.IsConnected);
    }

    [Fact(Timeout = 15000)]
    public async Task RcptToAsync_ThrowsTimeoutNamingRcpt_WhenCommandTimeoutPasses()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { RcptDelay = TimeSpan.FromSeconds(60) });
        await using var probe = new SmtpProbe(Options(server) with { CommandTimeout = TimeSpan.FromMilliseconds(300) });
        await probe.ConnectAsync(IPAddress.Loopback, MxName);
        await probe.MailFromAsync();
        using var cancellation = new CancellationTokenSource();

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => probe.RcptToAsync("a@example.test", cancellation.Token));

        Assert.Contains("RCPT", exception.Message, StringComparison.Ordinal);
        Assert.False(cancellation.IsCancellationRequested);
        Assert.False(probe.IsConnected);
    }

    [Fact(Timeout = 15000)]
    public async Task RcptToAsync_ThrowsTimeout_WhenSessionTimeoutIsUsedUp()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { RcptDelay = TimeSpan.FromSeconds(60) });
        await using var probe = new SmtpProbe(Options(server) with { SessionTimeout = TimeSpan.FromSeconds(1) });
        await probe.ConnectAsync(IPAddress.Loopback, MxName);
        await probe.MailFromAsync();

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => probe.RcptToAsync("a@example.test"));

        Assert.Contains("RCPT", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_ThrowsOperationCanceled_WhenTokenIsAlreadyCanceled()
    {
        await using var server = FakeSmtpServer.Start();
        await using var probe = new SmtpProbe(Options(server));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(
            () => probe.ConnectAsync(IPAddress.Loopback, MxName, new CancellationToken(canceled: true)));
        Assert.False(probe.IsConnected);
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_ThrowsSocketException_WhenPortIsClosed()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        await using var probe = new SmtpProbe(Options(port));

        var exception = await Assert.ThrowsAsync<SocketException>(() => probe.ConnectAsync(IPAddress.Loopback, MxName));

        Assert.Equal(SocketError.ConnectionRefused, exception.SocketErrorCode);
        Assert.False(probe.IsConnected);
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_ThrowsBannerTimeout_WhenRawServerNeverGreets()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var accepted = listener.AcceptTcpClientAsync();
        await using var probe = new SmtpProbe(Options(((IPEndPoint)listener.LocalEndpoint).Port) with
        {
            BannerTimeout = TimeSpan.FromMilliseconds(500),
        });

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => probe.ConnectAsync(IPAddress.Loopback, MxName));

        Assert.Contains("banner", exception.Message, StringComparison.Ordinal);
        Assert.False(probe.IsConnected);
        using var silent = await accepted;
    }

    [Fact(Timeout = 15000)]
    public async Task ConnectAsync_Throws_WhenCalledTwice()
    {
        await using var server = FakeSmtpServer.Start();
        await using var probe = new SmtpProbe(Options(server));
        await probe.ConnectAsync(IPAddress.Loopback, MxName);

        await Assert.ThrowsAsync<InvalidOperationException>(() => probe.ConnectAsync(IPAddress.Loopback, MxName));
    }

    [Theory(Timeout = 15000)]
    [InlineData("a@example.test\r\nDATA")]
    [InlineData("a@example.test\nDATA")]
    [InlineData("a@example.test>")]
    [InlineData("<a@example.test")]
    [InlineData("")]
    public async Task RcptToAsync_ThrowsArgumentException_WhenAddressCouldBreakTheCommand(string address)
    {
        await using var server = FakeSmtpServer.Start();
        await using var probe = new SmtpProbe(Options(server));
        await probe.ConnectAsync(IPAddress.Loopback, MxName);
        await probe.MailFromAsync();

        await Assert.ThrowsAnyAsync<ArgumentException>(() => probe.RcptToAsync(address));
        Assert.True(probe.IsConnected);
        AssertNoData(server);
    }

    [Theory]
    [InlineData("bounce@probe.test\r\nDATA", "probe.test")]
    [InlineData("<bounce@probe.test>", "probe.test")]
    [InlineData("bounce@probe.test", "probe.test\r\nDATA")]
    [InlineData("bounce@probe.test", "probe test")]
    public void Constructor_ThrowsArgumentException_WhenOptionsCouldBreakCommands(string mailFrom, string heloName)
    {
        var options = new SmtpProbeOptions { HeloName = heloName, MailFrom = mailFrom };

        Assert.ThrowsAny<ArgumentException>(() => new SmtpProbe(options));
    }

    [Fact]
    public void SmtpProbe_HasNoMethodThatCouldSendMessageContent()
    {
        var names = typeof(SmtpProbe).GetMethods().Select(m => m.Name).ToArray();

        Assert.Contains("RcptToAsync", names);
        Assert.DoesNotContain(names, name => name.Contains("Data", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Send", StringComparison.OrdinalIgnoreCase)
            || name.Contains("Bdat", StringComparison.OrdinalIgnoreCase));
    }

    [Fact(Timeout = 30000)]
    public async Task Server_HandlesConcurrentSessions_WithoutDataCommands()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions
        {
            ReplyDelay = TimeSpan.FromMilliseconds(5),
            RcptReply = FakeSmtpScripts.Mailboxes("user0@example.test"),
        });

        var replies = await Task.WhenAll(Enumerable.Range(0, 40).Select(async i =>
        {
            await using var probe = new SmtpProbe(Options(server));
            await probe.ConnectAsync(IPAddress.Loopback, MxName);
            await probe.MailFromAsync();
            var reply = await probe.RcptToAsync($"user{i % 4}@example.test");
            await probe.QuitAsync();
            return reply.Code;
        }));

        Assert.Equal(40, server.ConnectionCount);
        Assert.Equal(40, server.RcptCount);
        Assert.Equal(10, replies.Count(code => code == 250));
        Assert.Equal(30, replies.Count(code => code == 550));
        AssertNoData(server);
    }

    private static SmtpProbeOptions Options(FakeSmtpServer server) => Options(server.Port);

    private static SmtpProbeOptions Options(int port) => new()
    {
        Port = port,
        HeloName = "probe.test",
        MailFrom = "bounce@probe.test",
        ConnectTimeout = TimeSpan.FromSeconds(5),
        BannerTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(5),
        SessionTimeout = TimeSpan.FromSeconds(30),
    };

    private static void AssertNoData(FakeSmtpServer server)
    {
        Assert.Equal(0, server.DataCommandCount);
        Assert.DoesNotContain(server.ReceivedCommands, command =>
            command.StartsWith("DATA", StringComparison.OrdinalIgnoreCase)
            || command.StartsWith("BDAT", StringComparison.OrdinalIgnoreCase));
    }

/// <summary>A one-connection loopback server running <paramref name="script"/>; for dialogues FakeSmtpServer cannot play.</summary>
    private static (int Port, Task Completion) RawServer(Func<Stream, StreamReader, Task> script)
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var completion = Task.Run(async () =>
        {
            try
            {
                using var client = await listener.AcceptTcpClientAsync();
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, false, 1, leaveOpen: true);
                await script(stream, reader);
            }
            finally
            {
                listener.Dispose();
            }
        });
        return (port, completion);
    }

    private static async Task WriteAsync(Stream stream, string text)
    {
        await stream.WriteAsync(Encoding.ASCII.GetBytes(text));
        await stream.FlushAsync();
    }
}

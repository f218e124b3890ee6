using System.Net;
using System.Net.Sockets;
using Enrichment.Testing;
using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Verification.Smtp;

/// <summary>The MailKit recipient session against <see cref="FakeSmtpServer"/> and a SOCKS5 server, on loopback only.</summary>
public class MailKitSessionTests
{
    private const string MxName = "mx.example.test";

    [Fact(Timeout = 15_000)]
    public async Task RcptToAsync_PipelinesTheGroup_WhenTheServerOffersPipelining()
    {
        // The server answers no RCPT until all three are in: a client that waited for each reply would hang.
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions
        {
            HoldRcptReplies = 3,
            RcptReply = FakeSmtpScripts.Mailboxes("alice@example.test", "bob@example.test"),
        });
        await using var session = await Open(server);

        var mail = await session.MailFromAsync(CancellationToken.None);
        var replies = await session.RcptToAsync(["alice@example.test", "nobody@example.test", "BOB@example.test"], CancellationToken.None);
        var reset = await session.ResetAsync(CancellationToken.None);
        await session.QuitAsync(CancellationToken.None);

        Assert.Equal(250, mail.Code);
        Assert.Equal([250, 550, 250], replies.Select(r => r.Code));
        Assert.Equal(new EnhancedStatus(2, 1, 5), replies[0].Enhanced);
        Assert.Equal(new EnhancedStatus(5, 1, 1), replies[1].Enhanced);
        Assert.Contains("User unknown", replies[1].Text, StringComparison.Ordinal);
        Assert.Equal(250, reset.Code);
        Assert.False(session.IsConnected);
        Assert.Equal(
            ["EHLO probe.test", "MAIL FROM:<bounce@probe.test>", "RCPT TO:<alice@example.test>",
             "RCPT TO:<nobody@example.test>", "RCPT TO:<BOB@example.test>", "RSET", "QUIT"],
            server.ReceivedCommands);
        Assert.Equal(0, server.DataCommandCount);
        Assert.Contains("C: RCPT TO:<nobody@example.test>", session.Transcript);
        Assert.Contains(session.Transcript, line => line.StartsWith("S: 550 5.1.1", StringComparison.Ordinal));
    }

    [Fact(Timeout = 15_000)]
    public async Task TransactionAsync_SendsRsetMailFromAndRcpts_InOneRoundTrip_WhenTheServerOffersPipelining()
    {
        // The server answers MAIL FROM only once a RCPT is in: a client that waited for that reply would time out.
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions
        {
            HoldMailReply = true,
            RcptReply = FakeSmtpScripts.Mailboxes("alice@example.test"),
        });
        await using var session = await Open(server);

        var first = await session.TransactionAsync(["alice@example.test", "nobody@example.test"], reset: false, CancellationToken.None);
        var second = await session.TransactionAsync(["alice@example.test"], reset: true, CancellationToken.None);
        await session.QuitAsync(CancellationToken.None);

        Assert.True(first.Started);
        Assert.Null(first.Reset);
        Assert.Equal(250, first.Mail?.Code);
        Assert.Equal([250, 550], first.Recipients.Select(r => r.Code));
        Assert.True(second.Started);
        Assert.Equal(250, second.Reset?.Code);
        Assert.Equal([250], second.Recipients.Select(r => r.Code));
        Assert.Equal(
            ["EHLO probe.test", "MAIL FROM:<bounce@probe.test>", "RCPT TO:<alice@example.test>", "RCPT TO:<nobody@example.test>",
             "RSET", "MAIL FROM:<bounce@probe.test>", "RCPT TO:<alice@example.test>", "QUIT"],
            server.ReceivedCommands);
        Assert.Equal(0, server.DataCommandCount);
    }

    [Theory(Timeout = 15_000)]
    [InlineData(true)]
    [InlineData(false)]
    public async Task TransactionAsync_GivesNoRecipientReplies_WhenMailFromIsRefused(bool pipelining)
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions
        {
            OfferPipelining = pipelining,
            MailReply = "530 5.7.0 Must issue a STARTTLS command first",
        });
        await using var session = await Open(server);

        var opened = await session.TransactionAsync(["alice@example.test", "bob@example.test"], reset: false, CancellationToken.None);

        Assert.False(opened.Started);
        Assert.Equal(530, opened.Mail?.Code);
        Assert.Equal(new EnhancedStatus(5, 7, 0), opened.Mail?.Enhanced);
        Assert.Empty(opened.Recipients);
        Assert.True(session.IsConnected); // pipelined, the 503s to the RCPTs were read: the stream is still in step
        Assert.Equal(pipelining ? 2 : 0, server.ReceivedCommands.Count(c => c.StartsWith("RCPT", StringComparison.Ordinal)));
        await session.QuitAsync(CancellationToken.None);
        Assert.Equal("QUIT", server.ReceivedCommands[^1]);
    }

    [Fact(Timeout = 15_000)]
    public async Task TransactionAsync_ReportsTheRefusedMailFrom_WhenTheServerPunishesARset()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { MailReplyAfterRset = "421 4.7.0 Too many transactions without DATA, closing" });
        await using var session = await Open(server);

        await session.TransactionAsync(["alice@example.test"], reset: false, CancellationToken.None);
        var second = await session.TransactionAsync(["bob@example.test"], reset: true, CancellationToken.None);

        Assert.False(second.Started);
        Assert.Equal(250, second.Reset?.Code);
        Assert.Equal(421, second.Mail?.Code);
        Assert.Empty(second.Recipients);
        Assert.False(session.IsConnected);
    }

    [Fact(Timeout = 15_000)]
    public async Task Open_KeepsTheServersGreeting_AndTheEhloReplyThatEndedTheOpening()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { Greeting = "220-mx.example.test ESMTP Postfix (Debian/GNU)\r\n220 No UCE" });
        await using var session = await Open(server);

        Assert.Equal(220, session.Greeting?.Code);
        Assert.Equal("mx.example.test ESMTP Postfix (Debian/GNU)\nNo UCE", session.Greeting?.Text);
        Assert.Equal(250, session.Opening.Code);
        Assert.Contains("PIPELINING", session.Opening.Text, StringComparison.Ordinal);
    }

    [Fact(Timeout = 15_000)]
    public async Task RcptToAsync_AsksOneAtATime_WhenPipeliningIsNotOffered()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions
        {
            OfferPipelining = false,
            RcptReply = FakeSmtpScripts.Mailboxes("alice@example.test"),
        });
        await using var session = await Open(server);

        await session.MailFromAsync(CancellationToken.None);
        var replies = await session.RcptToAsync(["alice@example.test", "nobody@example.test"], CancellationToken.None);

        Assert.Equal([250, 550], replies.Select(r => r.Code));
        Assert.Equal(0, server.DataCommandCount);
    }

    [Fact(Timeout = 15_000)]
    public async Task RcptToAsync_StopsAtA421AndDisconnects_WhenTheServerGivesUpAfterTooManyErrors()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { MaxConsecutiveRejects = 2, RcptReply = FakeSmtpScripts.Mailboxes() });
        await using var session = await Open(server);

        await session.MailFromAsync(CancellationToken.None);
        var replies = await session.RcptToAsync(["a@example.test", "b@example.test", "c@example.test", "d@example.test"], CancellationToken.None);

        Assert.Equal([550, 550, 421], replies.Select(r => r.Code));
        Assert.False(session.IsConnected);
        Assert.Null(session.Failure);
    }

    [Fact(Timeout = 15_000)]
    public async Task Open_UpgradesToTls_WithTheServersSelfSignedCertificate()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { OfferStartTls = true });
        await using var session = await Open(server);

        Assert.True(session.IsConnected);
        Assert.True(session.Tls);
        Assert.Contains(session.Transcript, line => line.StartsWith("* TLS", StringComparison.Ordinal));
        Assert.Equal(250, session.Opening.Code);
        Assert.DoesNotContain("STARTTLS", session.Opening.Text, StringComparison.Ordinal); // the EHLO after the handshake
        Assert.Equal(2, server.ReceivedCommands.Count(c => c.StartsWith("EHLO", StringComparison.Ordinal)));
    }

    [Fact(Timeout = 15_000)]
    public async Task Open_StaysInPlainText_WhenStartTlsIsDisabled()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { OfferStartTls = true });
        await using var session = await new MailKitSessionFactory(Options(server) with { UseStartTls = false }).OpenAsync(MxName, IPAddress.Loopback, CancellationToken.None);

        Assert.True(session.IsConnected);
        Assert.False(session.Tls);
        Assert.DoesNotContain("STARTTLS", server.ReceivedCommands);
    }

    [Fact(Timeout = 15_000)]
    public async Task Open_RetriesInPlainText_WhenTheTlsHandshakeFails()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { OfferStartTls = true, BreakTlsHandshake = true });
        await using var session = await Open(server);

        Assert.True(session.IsConnected);
        Assert.False(session.Tls);
        Assert.Equal(2, server.ConnectionCount);
    }

    [Fact(Timeout = 15_000)]
    public async Task Open_FallsBackToHelo_WhenEhloIsRejected()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { SupportsEhlo = false });
        await using var session = await Open(server);

        Assert.True(session.IsConnected);
        Assert.Contains("HELO probe.test", server.ReceivedCommands);
    }

    [Theory(Timeout = 15_000)]
    [InlineData("554 5.7.1 No SMTP service here", 554)]
    [InlineData("421 4.3.2 Service not available, closing transmission channel", 421)]
    public async Task Open_ReturnsTheRefusal_WhenTheGreetingIsNegative(string greeting, int code)
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { Greeting = greeting });
        await using var session = await Open(server);

        Assert.Equal(code, session.Opening.Code);
        Assert.Equal(code, session.Greeting?.Code);
        Assert.False(session.IsConnected);
        Assert.DoesNotContain(server.ReceivedCommands, c => c.StartsWith("MAIL", StringComparison.Ordinal));
    }

    [Fact(Timeout = 15_000)]
    public async Task Open_ThrowsSocketException_WhenNothingListens()
    {
        using var refusing = new RefusingPort();

        await Assert.ThrowsAsync<SocketException>(() => new MailKitSessionFactory(Options(refusing.Port)).OpenAsync(MxName, IPAddress.Loopback, CancellationToken.None));
    }

    [Theory(Timeout = 150_000)]
    [InlineData(Misbehaviour.GarbageGreeting, false)]
    [InlineData(Misbehaviour.CloseAfterGreeting, false)]
    [InlineData(Misbehaviour.ResetMidReply, true)]
    [InlineData(Misbehaviour.EndlessReply, true)]
    [InlineData(Misbehaviour.HugeLine, true)]
    public async Task Session_FailsAndDisconnects_WhenTheServerMisbehaves(Misbehaviour misbehaviour, bool atRcpt)
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { Misbehaviour = misbehaviour });
        // Timeouts far beyond the misbehaviour: each case must end by the reply cap or the broken stream, not by a
        // timer a loaded machine can reach first.
        var factory = new MailKitSessionFactory(Options(server) with
        {
            MaxReplyBytes = 4096,
            BannerTimeout = TimeSpan.FromSeconds(60),
            CommandTimeout = TimeSpan.FromSeconds(60),
            SessionTimeout = TimeSpan.FromSeconds(120),
        });
        IRecipientSession? session = null;

        var exception = await Record.ExceptionAsync(async () =>
        {
            session = await factory.OpenAsync(MxName, IPAddress.Loopback, CancellationToken.None);
            Assert.True(atRcpt, "the opening should have failed");
            await session.MailFromAsync(CancellationToken.None);
            await session.RcptToAsync(["a@example.test"], CancellationToken.None);
        });

        Assert.True(exception is IOException or SmtpProtocolException or SocketException, exception?.ToString());
        Assert.False(session?.IsConnected ?? false);
        Assert.All(session?.Transcript ?? [], line => Assert.True(line.Length <= 520));
        Assert.Equal(0, server.DataCommandCount);
        if (session is not null)
        {
            await session.DisposeAsync();
        }
    }

    [Fact(Timeout = 15_000)]
    public async Task Open_ThrowsTimeoutNamingTheStep_WhenTheServerNeverGreets()
    {
        var clock = new ManualTimeProvider();
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { Misbehaviour = Misbehaviour.NoGreeting }, TimeProvider.System);
        var opening = new MailKitSessionFactory(Options(server), clock).OpenAsync(MxName, IPAddress.Loopback, CancellationToken.None);

        await clock.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(20)); // banner 5 s + 3 commands of 5 s
        clock.Advance(TimeSpan.FromSeconds(20));

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => opening);
        Assert.Contains("greeting", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 15_000)]
    public async Task RcptToAsync_ThrowsTimeoutNamingRcpt_WhenNoReplyComesWithinTheCommandTimeout()
    {
        var clock = new ManualTimeProvider();
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { RcptDelay = TimeSpan.FromMinutes(10) }, TimeProvider.System);
        await using var session = await new MailKitSessionFactory(Options(server), clock).OpenAsync(MxName, IPAddress.Loopback, CancellationToken.None);
        await session.MailFromAsync(CancellationToken.None);
        using var caller = new CancellationTokenSource();

        var asking = session.RcptToAsync(["a@example.test"], caller.Token);
        await clock.WaitForTimerAsync(due => due == TimeSpan.FromSeconds(5));
        clock.Advance(TimeSpan.FromSeconds(5));

        var exception = await Assert.ThrowsAsync<TimeoutException>(() => asking);
        Assert.Contains("RCPT", exception.Message, StringComparison.Ordinal);
        Assert.False(caller.IsCancellationRequested);
        Assert.False(session.IsConnected);
    }

    [Fact(Timeout = 15_000)]
    public async Task RcptToAsync_ThrowsOperationCanceled_WhenTheCallerCancels()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { RcptDelay = TimeSpan.FromMinutes(10) });
        await using var session = await Open(server);
        await session.MailFromAsync(CancellationToken.None);
        using var caller = new CancellationTokenSource();

        var asking = session.RcptToAsync(["a@example.test"], caller.Token);
        await caller.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => asking);
    }

    [Theory(Timeout = 15_000)]
    [InlineData("a@example.test\r\nDATA")]
    [InlineData("a\n@example.test")]
    [InlineData("a>@example.test")]
    public async Task RcptToAsync_RefusesAnAddressThatCouldBreakTheCommand(string address)
    {
        await using var server = FakeSmtpServer.Start();
        await using var session = await Open(server);
        await session.MailFromAsync(CancellationToken.None);

        await Assert.ThrowsAsync<ArgumentException>(() => session.RcptToAsync([address], CancellationToken.None));
        Assert.Equal(0, server.DataCommandCount);
    }

    [Fact(Timeout = 15_000)]
    public async Task RcptToAsync_KeepsAQuotedAngleBracket()
    {
        await using var server = FakeSmtpServer.Start();
        await using var session = await Open(server);
        await session.MailFromAsync(CancellationToken.None);

        var replies = await session.RcptToAsync(["\"a<b\"@example.test"], CancellationToken.None);

        Assert.Equal(250, replies[0].Code);
        Assert.Contains("RCPT TO:<\"a<b\"@example.test>", server.ReceivedCommands);
    }

    [Theory(Timeout = 15_000)]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Open_GoesThroughSocks5_WithTheMxAddressNotItsName(bool withPassword)
    {
        var credentials = withPassword ? new NetworkCredential("probe", "s3cret") : null;
        await using var proxy = Socks5Server.Start(credentials);
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { OfferStartTls = true, RcptReply = FakeSmtpScripts.Mailboxes("alice@example.test") });
        var options = Options(server) with { Proxy = new SmtpProxy("127.0.0.1", proxy.Port, credentials?.UserName, credentials?.Password) };
        await using var session = await new MailKitSessionFactory(options).OpenAsync(MxName, IPAddress.Loopback, CancellationToken.None);

        await session.MailFromAsync(CancellationToken.None);
        var replies = await session.RcptToAsync(["alice@example.test", "bob@example.test"], CancellationToken.None);

        Assert.True(session.Tls);
        Assert.Equal([250, 550], replies.Select(r => r.Code));
        Assert.Equal([$"127.0.0.1:{server.Port}"], proxy.Targets);
    }

    [Fact(Timeout = 15_000)]
    public async Task Open_Throws_WhenTheProxyRefusesThePassword()
    {
        await using var proxy = Socks5Server.Start(new NetworkCredential("probe", "s3cret"));
        await using var server = FakeSmtpServer.Start();
        var options = Options(server) with { Proxy = new SmtpProxy("127.0.0.1", proxy.Port, "probe", "wrong") };

        await Assert.ThrowsAsync<MailKit.Security.AuthenticationException>(() => new MailKitSessionFactory(options).OpenAsync(MxName, IPAddress.Loopback, CancellationToken.None));
        Assert.Equal(0, server.ConnectionCount);
    }

    [Theory]
    [InlineData("socks5://127.0.0.1:1080", "127.0.0.1", 1080, null, null)]
    [InlineData("socks5://user:p%40ss@proxy.example:9050", "proxy.example", 9050, "user", "p@ss")]
    [InlineData("SOCKS5://[::1]:1080", "::1", 1080, null, null)]
    public void SmtpProxy_Parse_ReadsHostPortAndCredentials(string text, string host, int port, string? user, string? password)
    {
        var proxy = SmtpProxy.Parse(text);

        Assert.Equal(new SmtpProxy(host, port, user, password), proxy);
        Assert.DoesNotContain(password ?? "\0", proxy.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("http://127.0.0.1:1080")]
    [InlineData("socks5://127.0.0.1")]
    [InlineData("127.0.0.1:1080")]
    public void SmtpProxy_Parse_NamesTheExpectedForm_WhenTheTextIsNotASocks5Url(string text)
    {
        var exception = Assert.Throws<ArgumentException>(() => SmtpProxy.Parse(text));

        Assert.Contains("socks5://", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 15_000)]
    public async Task Transcript_IsCapped_WhenTheServerTalksForever()
    {
        await using var server = FakeSmtpServer.Start(new FakeSmtpOptions { Misbehaviour = Misbehaviour.EndlessReply });
        await using var session = await new MailKitSessionFactory(Options(server) with { MaxReplyBytes = 4096 }).OpenAsync(MxName, IPAddress.Loopback, CancellationToken.None);
        await session.MailFromAsync(CancellationToken.None);

        await Assert.ThrowsAnyAsync<Exception>(() => session.RcptToAsync(["a@example.test"], CancellationToken.None));

        Assert.InRange(session.Transcript.Count, 1, 200);
    }

    private static Task<IRecipientSession> Open(FakeSmtpServer server) =>
        new MailKitSessionFactory(Options(server)).OpenAsync(MxName, IPAddress.Loopback, CancellationToken.None);

    private static SmtpSessionOptions Options(FakeSmtpServer server) => Options(server.Port);

    private static SmtpSessionOptions Options(int port) => new()
    {
        Port = port,
        HeloName = "probe.test",
        MailFrom = "bounce@probe.test",
        ConnectTimeout = TimeSpan.FromSeconds(5),
        BannerTimeout = TimeSpan.FromSeconds(5),
        CommandTimeout = TimeSpan.FromSeconds(5),
        SessionTimeout = TimeSpan.FromSeconds(30),
    };
}

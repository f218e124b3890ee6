using System.Net.Sockets;
using System.Text.RegularExpressions;
using Enrichment.Testing;
using Xunit.Abstractions;

namespace Enrichment.Tests.Verification.Postfix;

/// <summary>
/// The Postfix harness answers RCPT like a real MX, checked with a raw SMTP dialogue (EHLO, MAIL, RCPT, RSET, QUIT;
/// never DATA).
/// </summary>
[Collection(PostfixCollectionDefinition.Name)]
public sealed class PostfixServerTests(PostfixFixture fixture, ITestOutputHelper output)
{
    const int Timeout = 30_000;
    static readonly TimeSpan Step = TimeSpan.FromSeconds(10);

    PostfixServer Server => fixture.Server;

    async Task<RawSmtpDialogue> OpenTransactionAsync(PostfixServer server, CancellationToken ct)
    {
        var dialogue = await RawSmtpDialogue.ConnectAsync(server.EndPoint, ct);
        try
        {
            Assert.Equal(220, dialogue.Banner.Code);
            Assert.Equal(250, (await dialogue.SendAsync("EHLO probe.enrichment.test", ct)).Code);
            Assert.Equal(250, (await dialogue.SendAsync("MAIL FROM:<probe@enrichment.test>", ct)).Code);
            return dialogue;
        }
        catch
        {
            await dialogue.DisposeAsync();
            throw;
        }
    }

    async Task<RawSmtpReply> RcptAsync(string address)
    {
        using var cts = new CancellationTokenSource(Step);
        await using var dialogue = await OpenTransactionAsync(Server, cts.Token);
        var reply = await dialogue.SendAsync($"RCPT TO:<{address}>", cts.Token);
        Assert.Equal(250, (await dialogue.SendAsync("RSET", cts.Token)).Code);
        Assert.Equal(221, (await dialogue.SendAsync("QUIT", cts.Token)).Code);
        output.WriteLine($"RCPT TO:<{address}> -> {reply}");
        return reply;
    }

    [Fact(Timeout = Timeout)]
    public async Task Start_ListensOnLoopbackWithPrivateConfig_WhenFixtureStarted()
    {
        output.WriteLine($"Postfix startup took {Server.StartupTime.TotalMilliseconds:F0} ms on {Server.EndPoint}");
        Assert.Equal("127.0.0.1", Server.EndPoint.Address.ToString());
        Assert.Equal(Server.Port, Server.EndPoint.Port);
        Assert.NotEqual(25, Server.Port);
        Assert.StartsWith("/tmp/", Server.ConfigDirectory, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(Server.ConfigDirectory, "main.cf")));
        Assert.Contains($"127.0.0.1:{Server.Port} inet", File.ReadAllText(Path.Combine(Server.ConfigDirectory, "master.cf")), StringComparison.Ordinal);
        Assert.Contains("daemon started", await Server.WaitForLogAsync("daemon started", Step), StringComparison.Ordinal);
    }

    [Theory(Timeout = Timeout)]
    [InlineData("alice@real.test")]
    [InlineData("bob@real.test")]
    [InlineData("carol.jones@real.test")]
    [InlineData("Alice@Real.Test")]
    public async Task Rcpt_Answers250_WhenMailboxExists(string address)
    {
        var reply = await RcptAsync(address);

        Assert.Equal(250, reply.Code);
        Assert.StartsWith("250 2.1.5", reply.Text, StringComparison.Ordinal);
    }

    [Theory(Timeout = Timeout)]
    [InlineData("mallory@real.test")]
    [InlineData("carol@real.test")]
    [InlineData("alice.smith@real.test")]
    public async Task Rcpt_Answers550With511_WhenUserUnknown(string address)
    {
        var reply = await RcptAsync(address);

        Assert.Equal(550, reply.Code);
        Assert.StartsWith("550 5.1.1", reply.Text, StringComparison.Ordinal);
        Assert.Contains("User unknown in virtual mailbox table", reply.Text, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task Rcpt_Answers250_WhenLocalPartIsRandomAtCatchAllDomain()
    {
        var random = "zq" + Guid.NewGuid().ToString("N")[..10];

        var reply = await RcptAsync($"{random}@catchall.test");

        Assert.Equal(250, reply.Code);
        Assert.StartsWith("250 2.1.5", reply.Text, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task Rcpt_Answers452With422_WhenAccessMapSaysMailboxFull()
    {
        var reply = await RcptAsync("dave@full.test");

        Assert.Equal(452, reply.Code);
        Assert.Equal("452 4.2.2 <dave@full.test>: Recipient address rejected: Mailbox full", reply.Text);
    }

    [Fact(Timeout = Timeout)]
    public async Task Rcpt_Answers554RelayDenied_WhenDomainIsNotServed()
    {
        var reply = await RcptAsync("someone@elsewhere.test");

        Assert.Equal(554, reply.Code);
        Assert.StartsWith("554 5.7.1", reply.Text, StringComparison.Ordinal);
        Assert.Contains("Relay access denied", reply.Text, StringComparison.Ordinal);
    }

    [Fact(Timeout = Timeout)]
    public async Task Rcpt_AnswersEachRecipient_WhenSeveralInOneTransaction()
    {
        using var cts = new CancellationTokenSource(Step);
        await using var dialogue = await OpenTransactionAsync(Server, cts.Token);

        var codes = new List<int>();
        foreach (var address in new[] { "alice@real.test", "nobody@real.test", "x1@catchall.test", "dave@full.test", "bob@real.test" })
            codes.Add((await dialogue.SendAsync($"RCPT TO:<{address}>", cts.Token)).Code);
        Assert.Equal([250, 550, 250, 452, 250], codes);

        // A second transaction on the same connection after RSET (RFC 5321 §4.1.1.5).
        Assert.Equal(250, (await dialogue.SendAsync("RSET", cts.Token)).Code);
        Assert.Equal(250, (await dialogue.SendAsync("MAIL FROM:<>", cts.Token)).Code);
        Assert.Equal(250, (await dialogue.SendAsync("RCPT TO:<carol.jones@real.test>", cts.Token)).Code);
        Assert.Equal(550, (await dialogue.SendAsync("RCPT TO:<carol@real.test>", cts.Token)).Code);
        Assert.Equal(250, (await dialogue.SendAsync("RSET", cts.Token)).Code);
        Assert.Equal(221, (await dialogue.SendAsync("QUIT", cts.Token)).Code);
    }

    [Fact(Timeout = Timeout)]
    public async Task Log_ShowsRejectionsButNoDelivery_AfterDialogues()
    {
        var marker = "marker" + Guid.NewGuid().ToString("N")[..8];
        await RcptAsync($"{marker}@real.test");
        await RcptAsync("alice@real.test");

        await Server.WaitForLogAsync($"to=<{marker}@real.test>", Step);
        // Every session so far has ended (postlogd writes asynchronously).
        var log = await WaitUntilAsync(() =>
        {
            var text = Server.ReadLog();
            return (Regex.Count(text, @"\]: connect from ") == Regex.Count(text, @"\]: disconnect from "), text);
        });

        Assert.Contains($"reject: RCPT from unknown[127.0.0.1]: 550 5.1.1 <{marker}@real.test>", log, StringComparison.Ordinal);
        foreach (var deliverySign in new[] { "status=", "postfix/qmgr[", "postfix/virtual[", "postfix/smtp[", "postfix/local[", "message-id=" })
            Assert.DoesNotContain(deliverySign, log, StringComparison.Ordinal);
        Assert.Empty(Directory.EnumerateFileSystemEntries(Path.Combine(Path.GetDirectoryName(Server.ConfigDirectory)!, "mail")));
    }

    [Fact(Timeout = 60_000)]
    public async Task Start_RunsIndependentInstances_WhenSeveralStartAtOnce()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(50));
        var starting = new[] { "other.test", "third.test" }
            .Select(domain => PostfixServer.StartAsync(
                new PostfixMailboxes(new Dictionary<string, IReadOnlyList<string>> { [domain] = ["zed"] }, []), cts.Token))
            .ToArray();
        var servers = await Task.WhenAll(starting);
        var roots = servers.Select(server => Path.GetDirectoryName(server.ConfigDirectory)!).ToArray();
        var endPoints = servers.Select(server => server.EndPoint).ToArray();
        try
        {
            foreach (var server in servers)
                output.WriteLine($"concurrent instance on {server.EndPoint} started in {server.StartupTime.TotalMilliseconds:F0} ms");
            Assert.Equal(3, new[] { Server.Port, servers[0].Port, servers[1].Port }.Distinct().Count());
            Assert.Equal(3, new[] { Server.ConfigDirectory, servers[0].ConfigDirectory, servers[1].ConfigDirectory }.Distinct().Count());

            await using (var dialogue = await OpenTransactionAsync(servers[0], cts.Token))
            {
                Assert.Equal(250, (await dialogue.SendAsync("RCPT TO:<zed@other.test>", cts.Token)).Code);
                Assert.Equal(554, (await dialogue.SendAsync("RCPT TO:<zed@third.test>", cts.Token)).Code);
                Assert.Equal(554, (await dialogue.SendAsync("RCPT TO:<alice@real.test>", cts.Token)).Code);
            }
            await using (var dialogue = await OpenTransactionAsync(servers[1], cts.Token))
                Assert.Equal(250, (await dialogue.SendAsync("RCPT TO:<zed@third.test>", cts.Token)).Code);
            Assert.Equal(554, (await RcptAsync("zed@other.test")).Code);
        }
        finally
        {
            foreach (var server in servers)
                await server.DisposeAsync();
        }

        foreach (var root in roots)
            Assert.False(Directory.Exists(root));
        foreach (var endPoint in endPoints)
        {
            using var probe = new TcpClient(AddressFamily.InterNetwork);
            await Assert.ThrowsAnyAsync<SocketException>(async () => await probe.ConnectAsync(endPoint, cts.Token));
        }
        // The shared fixture is untouched by the other instances' stop.
        Assert.Equal(250, (await RcptAsync("alice@real.test")).Code);
    }

    static async Task<string> WaitUntilAsync(Func<(bool Done, string Log)> check)
    {
        var deadline = DateTimeOffset.UtcNow + Step;
        while (true)
        {
            var (done, log) = check();
            if (done)
                return log;
            if (DateTimeOffset.UtcNow > deadline)
                throw new TimeoutException("Postfix sessions did not all end. Log:\n" + log);
            await Task.Delay(25);
        }
    }
}

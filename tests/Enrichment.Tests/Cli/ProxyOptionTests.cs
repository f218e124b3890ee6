using System.Globalization;
using Enrichment.Testing;

namespace Enrichment.Tests.Cli;

/// <summary><c>--proxy socks5://…</c>: SMTP sessions through a SOCKS5 server on loopback.</summary>
public class ProxyOptionTests
{
    [Fact(Timeout = 30_000)]
    public async Task Verify_SendsSessionsThroughTheProxy_WithTheMxAddress()
    {
        await using var cli = CliRunner.Start(FakeSmtpScripts.Mailboxes("alice@acme.test"), "acme.test");
        await using var proxy = Socks5Server.Start(new System.Net.NetworkCredential("u", "p w"));

        var (exit, output, error) = await CliRunner.RunAsync(
            "alice@acme.test\nghost@acme.test\n",
            ["verify", "-", .. cli.LoopbackOptions, "--proxy", $"socks5://u:p%20w@127.0.0.1:{proxy.Port.ToString(CultureInfo.InvariantCulture)}"]);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("p w", error, StringComparison.Ordinal);
        Assert.Contains(",deliverable,", output, StringComparison.Ordinal);
        Assert.Contains(",undeliverable,", output, StringComparison.Ordinal);
        Assert.Equal([$"127.0.0.1:{cli.Smtp.Port}"], proxy.Targets);
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_ExitsWithUsageError_WhenTheProxyIsNotASocks5Url()
    {
        var (exit, _, error) = await CliRunner.RunAsync("", "verify", "-", "--proxy", "http://127.0.0.1:8080");

        Assert.Equal(2, exit);
        Assert.Contains("socks5://", error, StringComparison.Ordinal);
    }
}

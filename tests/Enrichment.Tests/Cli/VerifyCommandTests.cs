using System.Text.Json;
using Enrichment.Testing;

namespace Enrichment.Tests.Cli;

public class VerifyCommandTests
{
    private static List<string[]> Csv(string text) =>
        text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r').Split(',')).ToList();

    [Fact(Timeout = 30_000)]
    public async Task Verify_WritesEveryLineWithItsNumber_IncludingBadOnes()
    {
        await using var cli = CliRunner.Start(FakeSmtpScripts.Mailboxes("alice@acme.test"), "acme.test");
        var input = "alice@acme.test\nnot an address\n\nbob@acme.test\n";

        var (exit, output, error) = await CliRunner.RunAsync(input, ["verify", "-", .. cli.LoopbackOptions]);

        Assert.Equal(0, exit);
        Assert.DoesNotContain("warning", error, StringComparison.Ordinal);
        var rows = Csv(output);
        Assert.Equal("line", rows[0][0]);
        Assert.Equal("status", rows[0][3]);
        var byLine = rows.Skip(1).ToDictionary(r => r[0]);
        Assert.Equal(4, byLine.Count);
        Assert.Equal("deliverable", byLine["1"][3]);
        Assert.Equal("undeliverable", byLine["2"][3]);
        Assert.StartsWith("syntax", byLine["2"][5], StringComparison.Ordinal);
        Assert.Equal("rejected", byLine["3"][3]);
        Assert.Equal("blank", byLine["3"][5]);
        Assert.Equal("undeliverable", byLine["4"][3]);
        Assert.Equal("mailbox_not_found", byLine["4"][5]);
        Assert.Equal("550", byLine["4"][8]);
        Assert.Equal("5.1.1", byLine["4"][9]);
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_ReadsTheEmailColumn_WhenInputIsCsv_AndWritesJsonLines()
    {
        await using var cli = CliRunner.Start(FakeSmtpScripts.Mailboxes("alice@acme.test"), "acme.test");
        var input = "id,name,Email\n7,\"Smith, Alice\",alice@acme.test\n8,Bob,\n";

        var (exit, output, _) = await CliRunner.RunAsync(input, ["verify", "-", "--format", "jsonl", .. cli.LoopbackOptions]);

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(2, lines.Count);
        Assert.Equal([2L, 3L], lines.Select(l => l.GetProperty("line").GetInt64()));
        var alice = lines[0];
        Assert.Equal("7", alice.GetProperty("id").GetString());
        Assert.Equal("Smith, Alice", alice.GetProperty("name").GetString());
        Assert.Equal("deliverable", alice.GetProperty("status").GetString());
        Assert.Equal("alice@acme.test", alice.GetProperty("normalized").GetString());
        Assert.Equal(JsonValueKind.Number, alice.GetProperty("risk").ValueKind);
        Assert.Equal(JsonValueKind.Array, alice.GetProperty("reasons").ValueKind);
        Assert.False(alice.GetProperty("duplicate").GetBoolean());
        var bob = lines[1];
        Assert.Equal("rejected", bob.GetProperty("status").GetString());
        Assert.Equal("no_domain", bob.GetProperty("reasons")[0].GetString());
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_ExitsWithUsageError_OnUnknownOption()
    {
        var (exit, _, error) = await CliRunner.RunAsync("", "verify", "--no-such-option");

        Assert.Equal(2, exit);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("--no-such-option", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_ExitsWithIoError_WhenFileIsMissing()
    {
        var (exit, _, error) = await CliRunner.RunAsync("", "verify", "/nonexistent/list.txt", "--nameserver", "127.0.0.1:9");

        Assert.Equal(1, exit);
        Assert.Contains("list.txt", error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Theory(Timeout = 30_000)]
    [InlineData("--concurrency", "0")]
    [InlineData("--per-host", "-1")]
    [InlineData("--smtp-port", "70000")]
    [InlineData("--command-timeout", "0")]
    [InlineData("--retry", "5,soon")]
    public async Task Verify_ExitsWithUsageError_NamingTheBadOption(string option, string value)
    {
        var (exit, _, error) = await CliRunner.RunAsync("a@b.test\n", "verify", "-", "--nameserver", "127.0.0.1:9", option, value);

        Assert.Equal(2, exit);
        Assert.Contains(option, error, StringComparison.Ordinal);
        Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_ExitsWithUsageError_OnBadNameserver()
    {
        var (exit, _, error) = await CliRunner.RunAsync("a@b.test\n", "verify", "-", "--nameserver", "not-an-ip");

        Assert.Equal(2, exit);
        Assert.Contains("--nameserver", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_WarnsAboutHeloName_WhenItHasNoDot()
    {
        await using var cli = CliRunner.Start(FakeSmtpScripts.Mailboxes(), "acme.test");
        string[] options = [.. cli.LoopbackOptions];
        options[Array.IndexOf(options, "--helo") + 1] = "localhostname";

        var (exit, _, error) = await CliRunner.RunAsync("a@acme.test\n", ["verify", "-", .. options]);

        Assert.Equal(0, exit);
        Assert.Contains("has no dot", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_DiagnosesBlockedPort_WhenNoMxHostCanBeReached()
    {
        await using var cli = CliRunner.Start(FakeSmtpScripts.Mailboxes(), "acme.test");
        string[] options = [.. cli.LoopbackOptions];
        options[Array.IndexOf(options, "--smtp-port") + 1] = "9"; // nothing listens on the discard port here

        var (exit, output, error) = await CliRunner.RunAsync("a@acme.test\nb@acme.test\n", ["verify", "-", .. options]);

        Assert.Equal(0, exit);
        Assert.Contains("no_connect", output, StringComparison.Ordinal);
        Assert.Contains("could not reach any MX host on port 9", error, StringComparison.Ordinal);
        Assert.Contains("--proxy socks5://", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_SplitsCsvOnCommasOnly_AndStripsAByteOrderMark()
    {
        var (exit, csvOut, _) = await CliRunner.RunAsync("email\nab|cd@acme.test\n", "verify", "-", "--no-smtp", "--nameserver", "127.0.0.1:9", "--dns-timeout", "0.2");
        var (exit2, plainOut, _) = await CliRunner.RunAsync("\uFEFFjane@acme.test\n", "verify", "-", "--no-smtp", "--nameserver", "127.0.0.1:9", "--dns-timeout", "0.2");

        Assert.Equal(0, exit);
        Assert.Contains(",ab|cd@acme.test,ab|cd@acme.test,", csvOut, StringComparison.Ordinal);
        Assert.Equal(0, exit2);
        Assert.Contains("1,jane@acme.test,jane@acme.test,", plainOut, StringComparison.Ordinal);
    }
}

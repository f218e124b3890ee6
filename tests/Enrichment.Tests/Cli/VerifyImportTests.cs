using System.Text;
using System.Text.Json;
using Enrichment.Testing;

namespace Enrichment.Tests.Cli;

/// <summary>verify on real-world lists: through the import module, every input column kept, in input order.</summary>
public class VerifyImportTests
{
    private static string[] NoSmtp(CliRunner cli) => ["--no-smtp", "--nameserver", cli.Dns.EndPoint.ToString(), "--dns-timeout", "1"];

    private static List<string> Lines(string output) => [.. output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r'))];

    [Fact(Timeout = 30_000)]
    public async Task Verify_KeepsInputColumnsAndOrder_ForASemicolonExportWithWorkEmail()
    {
        await using var cli = CliRunner.Start(FakeSmtpScripts.Mailboxes(), "a.test", "b.test", "c.test");
        var input = new StringBuilder("Vorname;Nachname;Work Email;Firma\n");
        for (var i = 0; i < 60; i++)
        {
            input.Append(System.Globalization.CultureInfo.InvariantCulture, $"Zoë{i};Müller;p{i}@{"abc"[i % 3]}.test;Firma {i}\n");
        }

        var (exit, output, error) = await CliRunner.RunAsync(input.ToString(), ["verify", "-", .. NoSmtp(cli)]);

        Assert.Equal(0, exit);
        var lines = Lines(output);
        Assert.StartsWith("Vorname,Nachname,Work Email,Firma,line,email,normalized,status,", lines[0], StringComparison.Ordinal);
        Assert.Equal(61, lines.Count);
        for (var i = 0; i < 60; i++)
        {
            Assert.StartsWith($"Zoë{i},Müller,p{i}@{"abc"[i % 3]}.test,Firma {i},{i + 2},", lines[i + 1], StringComparison.Ordinal);
        }

        Assert.Contains("verify: done: 60 rows", error, StringComparison.Ordinal);
        Assert.Contains("semicolon", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_NamesTheHeadersAndTheOption_WhenNoColumnIsAnEmail()
    {
        var (exit, output, error) = await CliRunner.RunAsync("Kunde,Work Mail\nAcme,a@x.test\n", "verify", "-", "--no-smtp", "--nameserver", "127.0.0.1:9");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Single(Lines(error));
        Assert.Contains("\"Work Mail\"", error, StringComparison.Ordinal);
        Assert.Contains("--column email=", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_ReadsTheNamedColumn_WithColumnOption()
    {
        await using var cli = CliRunner.Start(FakeSmtpScripts.Mailboxes(), "x.test");

        var (exit, output, _) = await CliRunner.RunAsync("Kunde,Work Mail\nAcme,a@x.test\n", ["verify", "-", "--column", "email=Work Mail", .. NoSmtp(cli)]);

        Assert.Equal(0, exit);
        Assert.StartsWith("Acme,a@x.test,2,a@x.test,a@x.test,", Lines(output)[1], StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_GuardsFormulas_UnlessToldNotTo()
    {
        await using var cli = CliRunner.Start(FakeSmtpScripts.Mailboxes(), "x.test");
        var input = "email,name,note\na@x.test,=HYPERLINK(\"http://evil.test\"),+cmd|' /C calc'!A0\nb@x.test,@SUM(A1),-2\n";

        var (_, guarded, _) = await CliRunner.RunAsync(input, ["verify", "-", .. NoSmtp(cli)]);
        var (_, raw, _) = await CliRunner.RunAsync(input, ["verify", "-", "--no-formula-guard", .. NoSmtp(cli)]);

        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.test\"\")\",'+cmd|' /C calc'!A0", guarded, StringComparison.Ordinal);
        Assert.Contains(",'@SUM(A1),'-2,", guarded, StringComparison.Ordinal);
        Assert.Contains(",@SUM(A1),-2,", raw, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_WritesJsonLinesWithTypes_AndUnescapedUtf8()
    {
        await using var cli = CliRunner.Start(FakeSmtpScripts.Mailboxes(), "x.test");

        var (exit, output, _) = await CliRunner.RunAsync("email,Nachname\na@x.test,Müller\na@x.test,Müller\n\n", ["verify", "-", "-f", "jsonl", .. NoSmtp(cli)]);

        Assert.Equal(0, exit);
        Assert.Contains("\"Nachname\":\"Müller\"", output, StringComparison.Ordinal);
        var rows = Lines(output).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(3, rows.Count);
        Assert.Equal(JsonValueKind.Number, rows[0].GetProperty("line").ValueKind);
        Assert.Equal(JsonValueKind.Number, rows[0].GetProperty("risk").ValueKind);
        Assert.Equal(JsonValueKind.Array, rows[0].GetProperty("reasons").ValueKind);
        Assert.Equal("a@x.test", rows[0].GetProperty("result_email").GetString());
        Assert.False(rows[0].GetProperty("duplicate").GetBoolean());
        Assert.True(rows[1].GetProperty("duplicate").GetBoolean());
        Assert.Equal("rejected", rows[2].GetProperty("status").GetString());
        Assert.Equal("blank", rows[2].GetProperty("reasons")[0].GetString());
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_ReadsWindows1252_AndWritesUtf8()
    {
        await using var cli = CliRunner.Start(FakeSmtpScripts.Mailboxes(), "x.test");
        var path = Path.Combine(Path.GetTempPath(), $"verify-1252-{Guid.NewGuid():N}.csv");
        await File.WriteAllBytesAsync(path, Encoding.Latin1.GetBytes("Prénom;Nom;Courriel\nJosé;Müller;jose@x.test\n"));
        try
        {
            var (exit, output, error) = await CliRunner.RunAsync("", ["verify", path, .. NoSmtp(cli)]);

            Assert.Equal(0, exit);
            Assert.StartsWith("José,Müller,jose@x.test,2,", Lines(output)[1], StringComparison.Ordinal);
            Assert.Contains("windows-1252", error, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_RefusesBinaryInput_WithoutRows()
    {
        var (exit, output, error) = await CliRunner.RunAsync("", "verify", "/bin/ls", "--no-smtp", "--nameserver", "127.0.0.1:9");

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        Assert.Contains("binary", error, StringComparison.Ordinal);
        Assert.Single(Lines(error));
    }

    [Theory(Timeout = 30_000)]
    [InlineData(new[] { "verfy", "-" }, "unknown command 'verfy'")]
    [InlineData(new[] { "verify", "-", "--format", "xml" }, "--format xml: use csv or jsonl")]
    [InlineData(new[] { "verify", "-", "--output", "/nonexistent-folder/out.csv" }, "does not exist")]
    [InlineData(new[] { "verify", "/tmp" }, "/tmp is a directory")]
    [InlineData(new[] { "verify", "-", "--output", "/tmp" }, "--output /tmp is a directory")]
    [InlineData(new[] { "verify", "-", "--separator", "semi" }, "--separator semi")]
    [InlineData(new[] { "verify", "-", "--column", "mail" }, "--column mail")]
    public async Task Cli_ExplainsUsageMistakes_InOneLine(string[] args, string message)
    {
        var (exit, _, error) = await CliRunner.RunAsync("a@x.test\n", [.. args, "--nameserver", "127.0.0.1:9"]);

        Assert.Equal(2, exit);
        Assert.Single(Lines(error));
        Assert.Contains(message, error, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", error, StringComparison.Ordinal);
    }
}

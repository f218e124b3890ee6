using Enrichment.Testing;

namespace Enrichment.Tests.Cli;

public class FindCommandTests
{
    private static List<Dictionary<string, string>> Rows(string csv)
    {
        var lines = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();
        var header = Fields(lines[0]);
        return lines.Skip(1).Select(l => header.Zip(Fields(l)).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    /// <summary>RFC 4180 fields of one line (no line breaks inside quotes in these tests).</summary>
    private static List<string> Fields(string line)
    {
        var fields = new List<string>();
        var field = new System.Text.StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted && c == '"' && i + 1 < line.Length && line[i + 1] == '"')
            {
                field.Append('"');
                i++;
            }
            else if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c == ',' && !quoted)
            {
                fields.Add(field.ToString());
                field.Clear();
            }
            else
            {
                field.Append(c);
            }
        }

        fields.Add(field.ToString());
        return fields;
    }

    [Fact(Timeout = 30_000)]
    public async Task Find_LearnsFormatFromKnownRows_AndKeepsInputColumns_WithNoVerify()
    {
        var input = string.Join('\n',
            "id,first_name,last_name,website,email",
            "1,Anna,Schmidt,https://www.acme.test/about,anna.schmidt@acme.test",
            "2,Jean,Dupont,acme.test,",
            "3,Bob,Nodomain,,",
            "4,Olga,Ivanova,acme.test,",
            "");

        var (exit, output, error) = await CliRunner.RunAsync(input, "find", "-", "--no-verify");

        Assert.Equal(0, exit);
        Assert.DoesNotContain("warning", error, StringComparison.Ordinal);
        Assert.Contains("find: done: 4 rows", error, StringComparison.Ordinal);
        var rows = Rows(output).ToDictionary(r => r["id"]);
        Assert.Equal(4, rows.Count);
        Assert.Equal("jean.dupont@acme.test", rows["2"]["found_email"]);
        Assert.Equal("{first}.{last}", rows["2"]["pattern"]);
        Assert.Equal("unverified", rows["2"]["status"]);
        Assert.StartsWith("jean.dupont@acme.test|", rows["2"]["candidates"], StringComparison.Ordinal);
        Assert.StartsWith("{first}.{last}", rows["2"]["domain_patterns"], StringComparison.Ordinal);
        Assert.Equal("olga.ivanova@acme.test", rows["4"]["found_email"]);
        Assert.Equal("rejected", rows["3"]["status"]);
        Assert.Equal("no_domain", rows["3"]["reasons"]);
        Assert.Equal("4", rows["3"]["line"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task Find_TakesFirstAcceptedCandidate_WhenVerifying()
    {
        await using var cli = CliRunner.Start(FakeSmtpScripts.Mailboxes("jdupont@corp.test", "asmith@corp.test"), "corp.test");
        var input = "first_name,last_name,domain\nJean,Dupont,corp.test\n";

        var (exit, output, _) = await CliRunner.RunAsync(input, ["find", "-", .. cli.LoopbackOptions]);

        Assert.Equal(0, exit);
        var row = Rows(output).Single();
        Assert.Equal("jdupont@corp.test", row["email"]);
        Assert.Equal("deliverable", row["status"]);
        Assert.Equal("guess", row["source"]);
        Assert.Equal("{f}{last}", row["pattern"]);
        Assert.Equal(0, cli.Smtp.DataCommandCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task Find_ReturnsTopCandidateAsRiskyCatchAll_WhenDomainAcceptsEveryone()
    {
        await using var cli = CliRunner.Start(FakeSmtpScripts.CatchAll(), "any.test");
        var input = "full_name,domain\n\"Dr. Maria Müller\",any.test\n";

        var (exit, output, _) = await CliRunner.RunAsync(input, ["find", "-", .. cli.LoopbackOptions]);

        Assert.Equal(0, exit);
        var row = Rows(output).Single();
        Assert.Equal("maria.muller@any.test", row["email"]);
        Assert.Equal("risky", row["status"]);
        Assert.Contains("catch_all", row["reasons"], StringComparison.Ordinal);
        Assert.Equal(1, cli.Smtp.RcptCount);
    }

    [Fact(Timeout = 30_000)]
    public async Task Find_RefusesInputWithoutHeader()
    {
        var (exit, _, error) = await CliRunner.RunAsync("Jean,Dupont,acme.test\n", "find", "-", "--no-verify");

        Assert.Equal(1, exit);
        Assert.Contains("line 1", error, StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Find_ParsesQuotedHeaderNames_AndTreatsPlaceholderEmailsAsPeopleToFind()
    {
        var input = string.Join('\n',
            "\"Full, Name\",first_name,last_name,domain,email",
            "\"Dupont, Jean\",Jean,Dupont,acme.test,n/a",
            "");

        var (exit, output, _) = await CliRunner.RunAsync(input, "find", "-", "--no-verify");

        Assert.Equal(0, exit);
        var row = Rows(output).Single();
        Assert.Equal("Dupont, Jean", row["Full, Name"]);
        Assert.Equal("n/a", row["email"]);
        Assert.Equal("jean.dupont@acme.test", row["found_email"]);
        Assert.Equal("guess", row["source"]);
    }

    [Fact(Timeout = 30_000)]
    public async Task Find_MakesColumnNamesUnique_AndNotesRaggedRows_InJsonLines()
    {
        var input = "name,domain,name\nJean Dupont,acme.test,JD,surplus\n";

        var (exit, output, _) = await CliRunner.RunAsync(input, "find", "-", "--no-verify", "--format", "jsonl");

        Assert.Equal(0, exit);
        var row = System.Text.Json.JsonDocument.Parse(output.Trim()).RootElement;
        Assert.Equal("Jean Dupont", row.GetProperty("name").GetString());
        Assert.Equal("JD", row.GetProperty("name_2").GetString());
        Assert.Contains("row has 4 fields, the header 3", row.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact(Timeout = 30_000)]
    public async Task Find_RefusesToWriteOverItsInput()
    {
        var path = Path.Combine(Path.GetTempPath(), $"find-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, "first_name,last_name,domain\nJean,Dupont,acme.test\n");
        try
        {
            var (exit, _, error) = await CliRunner.RunAsync("", "find", path, "--no-verify", "-o", path);

            Assert.Equal(2, exit);
            Assert.Contains("is the input file", error, StringComparison.Ordinal);
            Assert.Equal("first_name,last_name,domain\nJean,Dupont,acme.test\n", await File.ReadAllTextAsync(path));
        }
        finally
        {
            File.Delete(path);
        }
    }
}

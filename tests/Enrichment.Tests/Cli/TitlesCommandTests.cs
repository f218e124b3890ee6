using System.Text.Json;

namespace Enrichment.Tests.Cli;

public class TitlesCommandTests
{
    [Fact]
    public async Task Titles_KeepsEveryInputColumn_AndAddsSeniorityDepartmentRole()
    {
        var input = "id,Name,Job Title,role\n1,\"Smith, Ann\",VP of Marketing | LinkedIn,x\n2,Bob,Einkaufsleiterin,y\n3,Carl\n";

        var (exit, output, error) = await CliRunner.RunAsync(input, "titles", "-");

        Assert.Equal(0, exit);
        Assert.Equal("", error);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToArray();
        Assert.Equal("id,Name,Job Title,role,seniority,department,title_role", lines[0]);
        Assert.Equal("1,\"Smith, Ann\",VP of Marketing | LinkedIn,x,vp,marketing,economic_buyer", lines[1]);
        Assert.Equal("2,Bob,Einkaufsleiterin,y,director,procurement,blocker", lines[2]);
        Assert.Equal("3,Carl,,,unknown,other,none", lines[3]);
    }

    [Fact]
    public async Task Titles_ReadsOneTitleALine_AndWritesJsonLines()
    {
        var (exit, output, _) = await CliRunner.RunAsync("Jefe de Compras\nIT-Leiter\n\nGeschäftsführer\n", "titles", "-", "--format", "jsonl");

        Assert.Equal(0, exit);
        var rows = output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal(4, rows.Count);
        Assert.Equal("Jefe de Compras", rows[0].GetProperty("title").GetString());
        Assert.Equal("blocker", rows[0].GetProperty("role").GetString());
        Assert.Equal("technical_evaluator", rows[1].GetProperty("role").GetString());
        Assert.Equal("unknown", rows[2].GetProperty("seniority").GetString());
        Assert.Equal("Geschäftsführer", rows[3].GetProperty("title").GetString());
        Assert.Equal("c_level", rows[3].GetProperty("seniority").GetString());
    }

    [Fact]
    public async Task Titles_ReadsAFile_AndWritesTheOutputFile()
    {
        var dir = Directory.CreateTempSubdirectory("titles-");
        try
        {
            var input = Path.Combine(dir.FullName, "in.csv");
            var output = Path.Combine(dir.FullName, "out.csv");
            await File.WriteAllTextAsync(input, "\uFEFFposition\nHead of Legal\n");

            var (exit, _, _) = await CliRunner.RunAsync("", "titles", input, "-o", output);

            Assert.Equal(0, exit);
            Assert.Equal(["position,seniority,department,role", "Head of Legal,director,legal,blocker"], (await File.ReadAllLinesAsync(output)).ToArray());
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }

    [Fact]
    public async Task Titles_FailsWithAUsageError_WhenTheFileIsMissing()
    {
        var (exit, _, error) = await CliRunner.RunAsync("", "titles", "/nonexistent/titles.csv");

        Assert.NotEqual(0, exit);
        Assert.Contains("/nonexistent/titles.csv", error, StringComparison.Ordinal);
    }
}

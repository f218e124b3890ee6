using Enrichment.Cli.Input;

namespace Enrichment.Tests.Cli;

public class InputFileTests
{
    private static async Task<(InputFile File, List<InputRow> Rows)> ReadAsync(string text)
    {
        var file = await InputFile.OpenAsync("-", new StringReader(text), h => h.Contains("email"), CancellationToken.None);
        var rows = new List<InputRow>();
        await foreach (var row in file.ReadAsync())
        {
            rows.Add(row);
        }

        return (file, rows);
    }

    [Fact]
    public async Task Read_TreatsInputAsPlainLines_WhenFirstLineIsNotAHeader()
    {
        var (file, rows) = await ReadAsync("Doe, Jane <jane@x.test>\nbob@x.test\n");

        Assert.Null(file.Header);
        Assert.Equal([1L, 2L], rows.Select(r => r.Line));
        Assert.Equal("Doe, Jane <jane@x.test>", rows[0].Fields[0]);
    }

    [Fact]
    public async Task Read_ReportsFileLines_WhenCsvHasQuotedLineBreaks()
    {
        var (file, rows) = await ReadAsync("\uFEFFName,Email\n\"Jane\nDoe\",jane@x.test\nBob,bob@x.test\n");

        Assert.Equal(["Name", "Email"], file.Header);
        Assert.Equal(1, file.Column("email"));
        Assert.Equal([2L, 4L], rows.Select(r => r.Line));
        Assert.Equal("bob@x.test", rows[1].Fields[1]);
    }
}

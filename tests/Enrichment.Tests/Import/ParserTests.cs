using Enrichment.Import;

namespace Enrichment.Tests.Import;

/// <summary>The RFC 4180 byte parser, record by record (pure: a span in, fields out).</summary>
public class ParserTests
{
    private static (ParseStatus Status, string[] Fields, int Consumed, int LineEnds) Parse(string text, bool eof = true, int expected = 0)
    {
        var bytes = System.Text.Encoding.UTF8.GetBytes(text);
        var parser = new CsvRowParser((byte)',', expected);
        var status = parser.Parse(bytes, eof);
        var fields = parser.Fields.Select(f =>
        {
            var value = System.Text.Encoding.UTF8.GetString(bytes, f.Start, f.Length);
            return f.Kind == FieldKind.Escaped ? value.Replace("\"\"", "\"", StringComparison.Ordinal) : value;
        }).ToArray();
        return (status, fields, parser.Consumed, parser.LineEnds);
    }

    [Theory]
    [InlineData("a,b,c\n", new[] { "a", "b", "c" }, 6)]
    [InlineData("a,b,c\r\nx", new[] { "a", "b", "c" }, 7)]
    [InlineData("a,b,c\rx", new[] { "a", "b", "c" }, 6)]
    [InlineData("a,,\n", new[] { "a", "", "" }, 4)]
    [InlineData("\"a,b\",\"c\"\"d\"\n", new[] { "a,b", "c\"d" }, 13)]
    [InlineData("a, \"b, c\" ,d\n", new[] { "a", "b, c", "d" }, 13)]
    [InlineData("John \"JJ\" Smith,x\n", new[] { "John \"JJ\" Smith", "x" }, 18)]
    [InlineData("\"O\"Brien,x\n", new[] { "\"O\"Brien", "x" }, 11)]
    [InlineData("a,b", new[] { "a", "b" }, 3)]
    public void Parse_SplitsOneRecord(string text, string[] fields, int consumed)
    {
        var result = Parse(text);

        Assert.Equal(ParseStatus.Record, result.Status);
        Assert.Equal(fields, result.Fields);
        Assert.Equal(consumed, result.Consumed);
    }

    [Fact]
    public void Parse_KeepsQuotedLineBreaks_AndCountsThem()
    {
        var result = Parse("\"x\r\ny\nz\",b\nnext", expected: 2);

        Assert.Equal(ParseStatus.Record, result.Status);
        Assert.Equal(["x\r\ny\nz", "b"], result.Fields);
        Assert.Equal(3, result.LineEnds);
    }

    [Theory]
    [InlineData("a,\"b", true)]
    [InlineData("a,\"b\nc,d,e,f\ng\",h\n", false)]
    [InlineData("a,\"b\nc\"x,d\n", false)]
    public void Parse_ReportsAQuoteThatNeverClosesCleanly(string text, bool atEnd)
    {
        var result = Parse(text, eof: true, expected: 4);

        Assert.Equal(ParseStatus.QuoteFailure, result.Status);
        Assert.True(atEnd || text.Contains('\n', StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("a,b")]
    [InlineData("a,\"b")]
    [InlineData("a,\"b\"")]
    [InlineData("a,b\r")]
    [InlineData("a,")]
    public void Parse_AsksForMore_WhenTheRecordMayGoOn(string text) =>
        Assert.Equal(ParseStatus.NeedMore, Parse(text, eof: false).Status);
}

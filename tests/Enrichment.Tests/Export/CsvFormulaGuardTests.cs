using Enrichment.Export;

namespace Enrichment.Tests.Export;

/// <summary>The formula-injection rule every CSV writer (CLI and service) applies to each cell.</summary>
public class CsvFormulaGuardTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("", "")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("=HYPERLINK(\"http://evil.test\")", "'=HYPERLINK(\"http://evil.test\")")]
    [InlineData("+cmd|' /C calc'!A0", "'+cmd|' /C calc'!A0")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("a=b", "a=b")]
    [InlineData(" =x", " =x")]
    [InlineData("'=x", "'=x")]
    public void Guard_PrefixesOnlyFormulaStarts(string value, string expected)
    {
        Assert.Equal(expected, CsvFormulaGuard.Guard(value));
        Assert.Equal(expected != value, CsvFormulaGuard.StartsLikeFormula(value));
    }
}

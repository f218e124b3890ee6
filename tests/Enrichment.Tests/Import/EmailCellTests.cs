using Enrichment.Import;

namespace Enrichment.Tests.Import;

/// <summary>Addresses in email cells as people and CRMs fill them; the address parser has already refused the whole cell.</summary>
public class EmailCellTests
{
    [Theory]
    [InlineData("jane@acme.test.", "jane@acme.test")]
    [InlineData("jane@acme.test;", "jane@acme.test")]
    [InlineData("jane@acme.test; j.doe@acme.test", "jane@acme.test")]
    [InlineData("jane@acme.test, j.doe@acme.test", "jane@acme.test")]
    [InlineData("jane@acme.test / j.doe@acme.test", "jane@acme.test")]
    [InlineData("jane@acme.test|j.doe@acme.test", "jane@acme.test")]
    [InlineData("Jane Doe jane@acme.test", "jane@acme.test")]
    [InlineData("not-an-address; Jane@Acme.test", "jane@acme.test")]
    [InlineData("(jane@acme.test)", "jane@acme.test")]
    [InlineData("“jane@acme.test”", "jane@acme.test")]
    [InlineData("jane@acme.test\u200B", "jane@acme.test")]
    [InlineData("\uFEFFjane@acme.test", "jane@acme.test")]
    [InlineData(".jane@acme.test", null)]
    [InlineData("<jane@acme.test>.", "jane@acme.test")]
    [InlineData("=HYPERLINK(\"mailto:jane@acme.test\",\"Jane\")", null)]
    [InlineData("@SUM(jane@acme.test)", null)]
    [InlineData("jane(at)acme.test", null)]
    [InlineData("n/a", null)]
    [InlineData("", null)]
    public void FirstAddress_TakesTheFirstAddressThatParses(string cell, string? expected)
    {
        Assert.Equal(expected, EmailCell.FirstAddress(cell)?.Normalized);
    }

    [Theory]
    [InlineData("jane@acme.test\u200B", "jane@acme.test")]
    [InlineData("ja\u00ADne@acme.test", "jane@acme.test")]
    [InlineData(" “jane@acme.test” ", "jane@acme.test")]
    [InlineData("Jane <jane@acme.test>", "Jane <jane@acme.test>")]
    [InlineData("jane@acme.test", "jane@acme.test")]
    public void Tidy_DropsInvisibleCharactersAndTypographicQuotes(string cell, string expected)
    {
        Assert.Equal(expected, EmailCell.Tidy(cell));
    }
}

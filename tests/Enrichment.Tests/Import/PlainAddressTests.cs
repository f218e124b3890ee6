using Enrichment.Import;
using Enrichment.Verification.Syntax;

namespace Enrichment.Tests.Import;

/// <summary>
/// The import's fast path for address cells against the full parser: whatever it accepts, the full parser accepts with
/// the same normalised address and domain; whatever is unusual it leaves to the full parser.
/// </summary>
public class PlainAddressTests
{
    [Theory]
    [InlineData("jane.doe@acme.com")]
    [InlineData("Jane.Doe@Acme.COM")]
    [InlineData("p123456@company12345.example")]
    [InlineData("o'brien+news@sub.mail-host.co.uk")]
    [InlineData("a!#$%&'*/=?^_`{|}~-b@x.io")]
    [InlineData("x@a.b.c.d.e.f")]
    [InlineData("user@123.example")]
    public void TryNormalize_AcceptsPlainAddresses_AsTheFullParserNormalisesThem(string input)
    {
        var full = EmailSyntax.Parse(input).Address;

        Assert.True(PlainAddress.TryNormalize(input, out var normalized, out var at));
        Assert.NotNull(full);
        Assert.Equal(full.Normalized, normalized);
        Assert.Equal(full.Domain, normalized[(at + 1)..]);
    }

    [Theory]
    // Invalid: the full parser gives the reason.
    [InlineData("")]
    [InlineData("n/a")]
    [InlineData("jane")]
    [InlineData("@acme.com")]
    [InlineData("jane@")]
    [InlineData("jane@@acme.com")]
    [InlineData("jane@acme@x.com")]
    [InlineData(".jane@acme.com")]
    [InlineData("jane.@acme.com")]
    [InlineData("ja..ne@acme.com")]
    [InlineData("jane@acme")]
    [InlineData("jane@.acme.com")]
    [InlineData("jane@acme..com")]
    [InlineData("jane@acme.com.")]
    [InlineData("jane@-acme.com")]
    [InlineData("jane@acme-.com")]
    [InlineData("jane@10.0.0.1")]
    [InlineData("jane@acme.123")]
    [InlineData("jane@acme_corp.com")]
    [InlineData("jane doe@acme.com")]
    [InlineData("jane@acme.com;")]
    [InlineData("jane@[10.0.0.1]")]
    [InlineData("jane@gmail,com")]
    [InlineData("xn--zz.com@x.com@y")]
    [InlineData("jane@xn--zz.com")]
    // Valid, but for the full parser: mailto:, angle brackets, quoted local part, Unicode, IDNA, padding.
    [InlineData("mailto:jane@acme.com")]
    [InlineData("Jane <jane@acme.com>")]
    [InlineData("<jane@acme.com>")]
    [InlineData("\"jane doe\"@acme.com")]
    [InlineData("jürgen@acme.com")]
    [InlineData("jane@bücher.de")]
    [InlineData("jane@XN--BCHER-KVA.de")]
    [InlineData(" jane@acme.com ")]
    [InlineData("jane@ａｃｍｅ.com")]
    public void TryNormalize_LeavesEverythingElse_ToTheFullParser(string input)
    {
        Assert.False(PlainAddress.TryNormalize(input, out _, out _));
    }

    [Fact]
    public void TryNormalize_LeavesOverlongParts_ToTheFullParser()
    {
        var longLocal = new string('a', 65) + "@acme.com";
        var longLabel = "jane@" + new string('a', 64) + ".com";
        var longAddress = new string('a', 60) + "@" + string.Join('.', Enumerable.Repeat(new string('b', 60), 4)) + ".com";
        var longestLocal = new string('a', 64) + "@acme.com";

        Assert.False(PlainAddress.TryNormalize(longLocal, out _, out _));
        Assert.False(PlainAddress.TryNormalize(longLabel, out _, out _));
        Assert.False(PlainAddress.TryNormalize(longAddress, out _, out _));
        Assert.True(PlainAddress.TryNormalize(longestLocal, out var normalized, out _));
        Assert.Equal(EmailSyntax.Parse(longestLocal).Address!.Normalized, normalized);
    }
}

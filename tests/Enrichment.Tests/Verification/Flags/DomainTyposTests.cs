using Enrichment.Verification.Flags;

namespace Enrichment.Tests.Verification.Flags;

public class DomainTyposTests
{
    [Theory]
    // Second-level label typos: transposition, deletion, substitution, insertion.
    [InlineData("gmial.com", "gmail.com")]
    [InlineData("gmal.com", "gmail.com")]
    [InlineData("gnail.com", "gmail.com")]
    [InlineData("gamil.com", "gmail.com")]
    [InlineData("gmaill.com", "gmail.com")]
    [InlineData("gmai.com", "gmail.com")]
    [InlineData("hotmial.com", "hotmail.com")]
    [InlineData("hotmai.com", "hotmail.com")]
    [InlineData("hotmal.com", "hotmail.com")]
    [InlineData("yaho.com", "yahoo.com")]
    [InlineData("yahooo.com", "yahoo.com")]
    [InlineData("outlok.com", "outlook.com")]
    [InlineData("outloo.com", "outlook.com")]
    [InlineData("iclod.com", "icloud.com")]
    [InlineData("hotmial.co.uk", "hotmail.co.uk")]
    [InlineData("comcats.net", "comcast.net")]
    // Longer labels tolerate two edits.
    [InlineData("googlemial.com", "googlemail.com")]
    [InlineData("gogglemal.com", "googlemail.com")]
    [InlineData("btinternt.com", "btinternet.com")]
    [InlineData("sbcgloabl.net", "sbcglobal.net")]
    // Suffix typos with the provider label exact.
    [InlineData("gmail.con", "gmail.com")]
    [InlineData("gmail.cmo", "gmail.com")]
    [InlineData("gmail.comm", "gmail.com")]
    [InlineData("gmail.cm", "gmail.com")]
    [InlineData("gmail.co", "gmail.com")]
    [InlineData("gmail.om", "gmail.com")]
    [InlineData("gmail.vom", "gmail.com")]
    [InlineData("yahoo.co", "yahoo.com")]
    [InlineData("hotmail.co", "hotmail.com")]
    [InlineData("hotmail.couk", "hotmail.co.uk")]
    [InlineData("hotmail.co.ul", "hotmail.co.uk")]
    [InlineData("hotmail.cp.uk", "hotmail.co.uk")]
    [InlineData("comcast.nte", "comcast.net")]
    [InlineData("comcast.ne", "comcast.net")]
    [InlineData("GMIAL.COM", "gmail.com")]
    public void Suggest_ReturnsCommonDomain_WhenDomainIsATypo(string typed, string expected)
    {
        Assert.Equal(expected, DomainTypos.Suggest(typed));
    }

    [Theory]
    // Listed domains and real providers are never corrected.
    [InlineData("gmail.com")]
    [InlineData("hotmail.co.uk")]
    [InlineData("gmx.com")]
    [InlineData("gmx.de")]
    [InlineData("gmx.at")]
    [InlineData("mail.com")]
    [InlineData("email.com")]
    [InlineData("aol.com")]
    [InlineData("ymail.com")]
    [InlineData("live.com")]
    [InlineData("me.com")]
    [InlineData("mac.com")]
    [InlineData("yahoo.fr")]
    [InlineData("yahoo.com.ar")]
    // Company domains that merely resemble nothing common.
    [InlineData("acme.com")]
    [InlineData("google.com")]
    [InlineData("example.org")]
    // Short labels have too many real neighbours.
    [InlineData("love.com")]
    [InlineData("aoll.com")]
    [InlineData("mall.com")]
    // A real ccTLD is a different domain, not a typo (yahoo.cn, yahoo.pe).
    [InlineData("yahoo.cn")]
    [InlineData("yahoo.pe")]
    [InlineData("acme.co")]
    [InlineData("acme.cm")]
    // Ties: hmail is one edit from both gmail and ymail.
    [InlineData("hmail.com")]
    // Both label and suffix wrong is not guessed.
    [InlineData("gmial.con")]
    // Subdomains are left alone.
    [InlineData("mail.gmial.com")]
    public void Suggest_ReturnsNull_WhenDomainIsNotATypo(string domain)
    {
        Assert.Null(DomainTypos.Suggest(domain));
    }

    [Theory]
    [InlineData("gmail", "gmail", 0)]
    [InlineData("gmial", "gmail", 1)]
    [InlineData("gmal", "gmail", 1)]
    [InlineData("gmaill", "gmail", 1)]
    [InlineData("gnail", "gmail", 1)]
    [InlineData("ca", "abc", 3)]
    [InlineData("googlemial", "googlemail", 1)]
    [InlineData("abcdef", "badcfe", 3)]
    public void OptimalStringAlignment_CountsTranspositionsAsOneEdit(string a, string b, int expected)
    {
        Assert.Equal(expected, TypoSuggester.OptimalStringAlignment(a, b, 5));
    }

    [Fact]
    public void OptimalStringAlignment_StopsAtLimit_WhenStringsAreFarApart()
    {
        Assert.Equal(2, TypoSuggester.OptimalStringAlignment("abcdefgh", "zyxwvuts", 1));
    }

    [Fact]
    public void Suggest_IgnoresTieBreakOrder_WhenTwoTargetsAreEquallyClose()
    {
        var suggester = new TypoSuggester(["abcde.com", "abcdf.com"], []);

        Assert.Null(suggester.Suggest("abcdx.com"));
        Assert.Equal("abcde.com", suggester.Suggest("abcde.cmo"));
    }
}

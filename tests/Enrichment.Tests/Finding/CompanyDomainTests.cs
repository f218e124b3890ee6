using Enrichment.Finding;

namespace Enrichment.Tests.Finding;

public class CompanyDomainTests
{
    [Theory]
    [InlineData("acme.com", "acme.com")]
    [InlineData("  ACME.com. ", "acme.com")]
    [InlineData("https://www.acme.com/about?x=1", "acme.com")]
    [InlineData("http://shop.acme.co.uk:8080/", "shop.acme.co.uk")]
    [InlineData("www.acme.io", "acme.io")]
    [InlineData("jane@acme.com", "acme.com")]
    [InlineData("Bücher.de", "xn--bcher-kva.de")]
    [InlineData("acme", null)]
    [InlineData("", null)]
    [InlineData(null, null)]
    [InlineData("acme corp.com", null)]
    [InlineData("https://", null)]
    public void Normalize_ReturnsMailDomain(string? input, string? expected)
    {
        Assert.Equal(expected, CompanyDomain.Normalize(input));
    }
}

using Enrichment.Finding.DomainSearch;

namespace Enrichment.Tests.Finding.DomainSearch;

public sealed class DomainSearchMergerTests
{
    private static FoundContact Contact(string email, string? first = null, string? position = null, int? confidence = null, string[]? sources = null, string[]? provenance = null) =>
        new(email, first, null, position, null, null, confidence, sources ?? [], provenance ?? []);

    [Fact]
    public void Merge_DeduplicatesCaseInsensitivelyAndUnionsProvenance_WhenSourcesOverlap()
    {
        var own = new DomainSearchResult("own", "example.com", [Contact("Ada.Lovelace@example.com", first: "Ada", provenance: ["own"])], null, null, null);
        var hunter = new DomainSearchResult("hunter", "example.com",
            [Contact("ada.lovelace@EXAMPLE.com", first: "A.", position: "CTO", confidence: 90, sources: ["http://a"], provenance: ["hunter"]),
             Contact("grace@example.com", confidence: 50, provenance: ["hunter"])],
            "{first}.{last}", null, null);
        var tomba = new DomainSearchResult("tomba", "example.com",
            [Contact("ADA.LOVELACE@example.com", position: "Chief Technology Officer", confidence: 99, sources: ["http://b", "http://a"], provenance: ["tomba"])],
            "{first}", null, null);

        var merged = DomainSearchMerger.Merge("example.com", [own, hunter, tomba]);

        Assert.Equal(["ada.lovelace@example.com", "grace@example.com"], merged.Contacts.Select(c => c.Email));
        var ada = merged.Contacts[0];
        Assert.Equal(["own", "hunter", "tomba"], ada.Provenance);
        Assert.Equal("Ada", ada.FirstName);
        Assert.Equal("Chief Technology Officer", ada.Position);
        Assert.Equal(99, ada.Confidence);
        Assert.Equal(["http://b", "http://a"], ada.Sources);
        Assert.Equal(["{first}.{last}", "{first}"], merged.DeclaredPatterns);
        Assert.Empty(merged.Errors);
    }

    [Fact]
    public void Merge_KeepsPartialContactsAndListsErrors_WhenASourceFailed()
    {
        var hunter = new DomainSearchResult("hunter", "example.com", [Contact("x@example.com")], null, "rate_limited", "HTTP 429");
        var tomba = DomainSearchResult.Failed("tomba", "example.com", "unauthorized", "HTTP 401");

        var merged = DomainSearchMerger.Merge("example.com", [hunter, tomba]);

        Assert.Equal(["hunter"], merged.Contacts.Single().Provenance);
        Assert.Equal([("hunter", "rate_limited"), ("tomba", "unauthorized")], merged.Errors);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("no-at-sign")]
    [InlineData("@example.com")]
    [InlineData("local@")]
    public void Merge_DropsContact_WhenAddressUnusable(string email)
    {
        var result = new DomainSearchResult("hunter", "example.com", [Contact(email)], null, null, null);

        Assert.Empty(DomainSearchMerger.Merge("example.com", [result]).Contacts);
    }

    [Theory]
    [InlineData(null, 80, 80)]
    [InlineData(60, 80, 80)]
    [InlineData(60, null, 60)]
    [InlineData(null, null, null)]
    public void Merge_TakesHighestConfidence_WhenSeveralReport(int? first, int? second, int? expected)
    {
        var a = new DomainSearchResult("hunter", "d", [Contact("a@d", confidence: first)], null, null, null);
        var b = new DomainSearchResult("tomba", "d", [Contact("a@d", confidence: second)], null, null, null);

        Assert.Equal(expected, DomainSearchMerger.Merge("d", [a, b]).Contacts.Single().Confidence);
    }
}

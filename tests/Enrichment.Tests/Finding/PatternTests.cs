using Enrichment.Finding.Names;
using Enrichment.Finding.Patterns;

namespace Enrichment.Tests.Finding;

public class AddressFormatTests
{
    [Theory]
    [InlineData(AddressFormat.FirstDotLast, "{first}.{last}")]
    [InlineData(AddressFormat.FLast, "{f}{last}")]
    [InlineData(AddressFormat.First, "{first}")]
    [InlineData(AddressFormat.FirstDotL, "{first}.{l}")]
    [InlineData(AddressFormat.LastUnderscoreFirst, "{last}_{first}")]
    public void Template_UsesHunterNotation_ForFormat(AddressFormat format, string expected)
    {
        Assert.Equal(expected, AddressFormats.Template(format));
    }

    [Fact]
    public void Template_RoundTripsThroughTryParse_ForEveryFormat()
    {
        foreach (var format in Enum.GetValues<AddressFormat>())
        {
            Assert.True(AddressFormats.TryParseTemplate(AddressFormats.Template(format), out var parsed));
            Assert.Equal(format, parsed);
        }
    }

    [Theory]
    [InlineData("{first}.{last}", AddressFormat.FirstDotLast)]
    [InlineData(" {First}.{Last} ", AddressFormat.FirstDotLast)]
    [InlineData("{first_initial}{last_name}", AddressFormat.FLast)]
    [InlineData("{f}{last}@example.com", AddressFormat.FLast)]
    [InlineData("{firstname}_{lastname}", AddressFormat.FirstUnderscoreLast)]
    [InlineData("{last}{fi}", AddressFormat.LastF)]
    public void TryParseTemplate_Succeeds_ForProviderSpellings(string template, AddressFormat expected)
    {
        Assert.True(AddressFormats.TryParseTemplate(template, out var parsed));
        Assert.Equal(expected, parsed);
    }

    [Theory]
    [InlineData("")]
    [InlineData("first.last")]
    [InlineData("{first}.{middle}.{last}")]
    [InlineData("{first}.{last")]
    [InlineData("{first}+{last}")]
    public void TryParseTemplate_Fails_ForUnknownPatterns(string template)
    {
        Assert.False(AddressFormats.TryParseTemplate(template, out _));
    }

    [Theory]
    [InlineData("Jane", "Public", AddressFormat.FirstDotLast, "jane.public")]
    [InlineData("Jane", "Public", AddressFormat.FLast, "jpublic")]
    [InlineData("Jane", "Public", AddressFormat.LastDotF, "public.j")]
    [InlineData("Jane", "Public", AddressFormat.FL, "jp")]
    [InlineData("Jürgen", "Müller", AddressFormat.FirstDotLast, "jurgen.muller|juergen.mueller|jurgen.mueller|juergen.muller")]
    [InlineData("Jürgen", "Müller", AddressFormat.FLast, "jmuller|jmueller")]
    [InlineData("Inés", "García-López", AddressFormat.FirstUnderscoreLast, "ines_garcialopez|ines_garcia-lopez|ines_garcia")]
    [InlineData("Jan", "van der Berg", AddressFormat.FirstLast, "janvanderberg|janberg")]
    [InlineData("Madonna", null, AddressFormat.First, "madonna")]
    [InlineData("Madonna", null, AddressFormat.FirstDotLast, "")]
    public void Render_YieldsAllSpellingsBestFirst_ForFormat(string first, string? last, AddressFormat format, string expected)
    {
        var name = NameNormalizer.Normalize(first, last)!;

        Assert.Equal(expected, string.Join('|', AddressFormats.Render(format, name)));
    }
}

public class PatternLearnerTests
{
    private static KnownAddress K(string local, string? first = null, string? last = null) => new(local, first, last);

    private static double Share(PatternDistribution d, AddressFormat f) => d.Shares.Single(s => s.Format == f).Confidence;

    [Fact]
    public void GlobalPriors_FollowVendorBlogOrder_AndSumToOne()
    {
        var order = PatternLearner.GlobalPriors.Select(p => p.Format).Take(8);

        Assert.Equal(
            [AddressFormat.FirstDotLast, AddressFormat.FLast, AddressFormat.First, AddressFormat.FirstLast,
             AddressFormat.FirstDotL, AddressFormat.FDotLast, AddressFormat.FirstUnderscoreLast, AddressFormat.LastDotFirst],
            order);
        Assert.Equal(1.0, PatternLearner.GlobalPriors.Sum(p => p.Confidence), 6);
        Assert.All(PatternLearner.GlobalPriors, p => Assert.True(p.Confidence > 0));
    }

    [Fact]
    public void Learn_ReturnsPriors_WhenNothingKnown()
    {
        var d = PatternLearner.Learn("example.com", []);

        Assert.True(d.FromPriors);
        Assert.Equal(0, d.Evidence);
        Assert.Equal(PatternLearner.GlobalPriors.Select(p => p.Format), d.Shares.Select(s => s.Format));
        Assert.Equal(PatternLearner.GlobalPriors[0].Confidence, d.Shares[0].Confidence, 9);
    }

    [Theory]
    [InlineData("jpublic", AddressFormat.FLast)]
    [InlineData("public.jane", AddressFormat.LastDotFirst)]
    [InlineData("publicj", AddressFormat.LastF)]
    [InlineData("jane", AddressFormat.First)]
    [InlineData("jane.public", AddressFormat.FirstDotLast)]
    public void Learn_MakesFormatDominantButNotCertain_WhenOneNamedAddressKnown(string local, AddressFormat expected)
    {
        var d = PatternLearner.Learn("example.com", [K(local, "Jane", "Public")]);

        Assert.False(d.FromPriors);
        Assert.Equal(expected, d.Shares[0].Format);
        Assert.InRange(d.Shares[0].Confidence, 0.35, 0.9);
        Assert.Equal(1, d.Shares[0].Supporting);
    }

    [Fact]
    public void Learn_ApproachesCertainty_WhenManyAddressesAgree()
    {
        var d = PatternLearner.Learn("example.com",
        [
            K("jsmith", "John", "Smith"), K("mmuller", "Maria", "Müller"), K("pdubois", "Pierre", "Dubois"),
            K("agarcia", "Ana", "García"), K("tkowalski", "Tomasz", "Kowalski"), K("lnguyen", "Linh", "Nguyễn"),
        ]);

        Assert.Equal(AddressFormat.FLast, d.Shares[0].Format);
        Assert.True(d.Shares[0].Confidence > 0.8);
        Assert.Equal(6, d.Shares[0].Supporting);
        Assert.Equal(6, d.Shares.Single(s => s.Format == AddressFormat.FirstDotLast).Contradicting);
    }

    [Fact]
    public void Learn_KeepsBothFormats_WhenDomainMixesThem()
    {
        var d = PatternLearner.Learn("example.com",
        [
            K("jsmith", "John", "Smith"), K("mbrown", "Mary", "Brown"),
            K("anna.kowalska", "Anna", "Kowalska"), K("peter.jones", "Peter", "Jones"), K("li.wang", "Li", "Wang"),
        ]);

        Assert.Equal([AddressFormat.FirstDotLast, AddressFormat.FLast], d.Shares.Take(2).Select(s => s.Format));
        Assert.InRange(Share(d, AddressFormat.FLast), 0.25, 0.45);
        Assert.Equal(1.0, d.Shares.Sum(s => s.Confidence), 6);
    }

    [Fact]
    public void Learn_TreatsProviderPatternAsEvidence_WhenNothingElseKnown()
    {
        var d = PatternLearner.Learn("example.com", [], "{f}{last}");

        Assert.False(d.FromPriors);
        Assert.Equal(AddressFormat.FLast, d.Shares[0].Format);
        Assert.InRange(d.Shares[0].Confidence, 0.4, 0.8);
    }

    [Fact]
    public void Learn_LetsAddressesOverruleProviderPattern_WhenTheyContradictIt()
    {
        var d = PatternLearner.Learn("example.com",
            [K("john.smith", "John", "Smith"), K("mary.brown", "Mary", "Brown"), K("ana.costa", "Ana", "Costa")],
            "{f}{last}");

        Assert.Equal(AddressFormat.FirstDotLast, d.Shares[0].Format);
        Assert.Equal(3, d.Shares.Single(s => s.Format == AddressFormat.FLast).Contradicting);
    }

    [Fact]
    public void Learn_CountsSupport_WhenAddressCarriesCollisionNumber()
    {
        var d = PatternLearner.Learn("example.com", [K("John.Smith2", "John", "Smith")]);

        Assert.Equal(AddressFormat.FirstDotLast, d.Shares[0].Format);
        Assert.Equal(1, d.NumberedAddresses);
    }

    [Fact]
    public void Learn_UsesShapeWeakly_WhenAddressesHaveNoNames()
    {
        var d = PatternLearner.Learn("example.com", [K("jsmith"), K("mbrown"), K("info"), K("sales")]);
        var priorFirstDotLast = PatternLearner.GlobalPriors[0].Confidence;

        Assert.Equal(2, d.Evidence);  // the role addresses say nothing
        Assert.True(Share(d, AddressFormat.FirstDotLast) < priorFirstDotLast);
        Assert.True(Share(d, AddressFormat.FirstDotLast) > 0.2);  // weak: one-token shapes are ambiguous
    }

    [Fact]
    public void Learn_SplitsAmbiguousAddress_WhenFirstAndLastNameAreEqual()
    {
        var d = PatternLearner.Learn("example.com", [K("li", "Li", "Li")]);

        Assert.True(Share(d, AddressFormat.First) > Share(d, AddressFormat.Last));
        Assert.Equal(1, d.Shares.Single(s => s.Format == AddressFormat.First).Supporting);
        Assert.Equal(1, d.Shares.Single(s => s.Format == AddressFormat.Last).Supporting);
    }

    [Theory]
    [InlineData("john.smith2", "john.smith", 2)]
    [InlineData("john.smith", "john.smith", 0)]
    [InlineData("jsmith.3", "jsmith", 3)]
    [InlineData("2020", "2020", 0)]
    public void SplitCollisionNumber_SeparatesTrailingNumber(string local, string stem, int number)
    {
        Assert.Equal((stem, number), PatternLearner.SplitCollisionNumber(local));
    }

    [Fact]
    public void Describe_ListsSharesTombaStyle()
    {
        var d = new PatternDistribution("example.com",
        [
            new(AddressFormat.FirstDotLast, 0.7, 7, 3), new(AddressFormat.FLast, 0.3, 3, 7), new(AddressFormat.First, 0.001, 0, 10),
        ], 10, false);

        Assert.Equal("{first}.{last} 70 %, {f}{last} 30 %", d.Describe());
    }

    [Fact]
    public void Describe_ShowsPriorOrder_WhenNothingKnown()
    {
        Assert.StartsWith("{first}.{last} 48 %, {f}{last} 15 %", PatternLearner.Learn("example.com", []).Describe());
    }
}

public class CandidateGeneratorTests
{
    private static readonly IReadOnlySet<string> None = new HashSet<string>();

    private static PersonName N(string first, string last) => NameNormalizer.Normalize(first, last)!;

    [Fact]
    public void Generate_RanksByFormatShare_WhenDomainIsUnknown()
    {
        var candidates = CandidateGenerator.Generate(N("Jane", "Public"), PatternLearner.Learn("example.com", []), None);

        Assert.Equal(["jane.public", "jpublic", "jane", "janepublic"], candidates.Take(4).Select(c => c.LocalPart));
        Assert.Equal(AddressFormat.FirstDotLast, candidates[0].Format);
        Assert.True(candidates.Zip(candidates.Skip(1)).All(p => p.First.Confidence >= p.Second.Confidence));
        Assert.Equal(candidates.Count, candidates.Select(c => c.LocalPart).Distinct().Count());
        Assert.Equal(10, candidates.Count);
    }

    [Fact]
    public void Generate_FollowsLearnedFormat_WhenOneAddressKnown()
    {
        var d = PatternLearner.Learn("example.com", [new KnownAddress("smithj", "John", "Smith")]);

        var candidates = CandidateGenerator.Generate(N("Mary", "Brown"), d, None, 3);

        Assert.Equal(["brownm", "mary.brown", "mbrown"], candidates.Select(c => c.LocalPart));
    }

    [Fact]
    public void Generate_OffersNextNumber_WhenPlainFormBelongsToSomeoneElse()
    {
        var d = PatternLearner.Learn("example.com", [new KnownAddress("john.smith", "John", "Smith")]);

        var candidates = CandidateGenerator.Generate(N("John", "Smith"), d, new HashSet<string> { "john.smith" });

        Assert.Equal("john.smith2", candidates[0].LocalPart);
        Assert.Equal(2, candidates[0].CollisionNumber);
        Assert.DoesNotContain(candidates, c => c.LocalPart == "john.smith");
        Assert.Contains(candidates, c => c.LocalPart == "john.smith1" && c.CollisionNumber == 1);
    }

    [Fact]
    public void Generate_SkipsTakenNumbers_WhenSeveralNamesakesExist()
    {
        var d = PatternLearner.Learn("example.com", [new KnownAddress("john.smith", "John", "Smith"), new KnownAddress("john.smith2", "John", "Smith")]);

        var candidates = CandidateGenerator.Generate(N("John", "Smith"), d, new HashSet<string> { "john.smith", "john.smith2" });

        Assert.Equal("john.smith3", candidates[0].LocalPart);
    }

    [Fact]
    public void Generate_AddsNumberedFormLowerDown_WhenDomainShowsNumbering()
    {
        var d = PatternLearner.Learn("example.com", [new KnownAddress("mary.brown2", "Mary", "Brown")]);

        var candidates = CandidateGenerator.Generate(N("Ana", "Costa"), d, None);

        Assert.Equal("ana.costa", candidates[0].LocalPart);
        Assert.Contains(candidates, c => c.LocalPart == "ana.costa2" && c.CollisionNumber == 2);
    }

    [Fact]
    public void Generate_PrefersDomainsUmlautConvention_WhenKnownAddressesExpand()
    {
        var d = PatternLearner.Learn("example.de", [new KnownAddress("juergen.hartmann", "Jürgen", "Hartmann")]);

        var candidates = CandidateGenerator.Generate(N("Jörg", "Müller"), d, None);

        Assert.Equal("joerg.mueller", candidates[0].LocalPart);
    }

    [Fact]
    public void Generate_PrefersFoldedSpelling_WhenDomainGivesNoHint()
    {
        var candidates = CandidateGenerator.Generate(N("Jörg", "Müller"), PatternLearner.Learn("example.de", []), None);

        Assert.Equal("jorg.muller", candidates[0].LocalPart);
    }

    [Fact]
    public void Generate_PrefersDroppedParticles_WhenDomainDropsThem()
    {
        var d = PatternLearner.Learn("example.nl", [new KnownAddress("pieter.vries", "Pieter", "de Vries")]);

        var candidates = CandidateGenerator.Generate(N("Jan", "van der Berg"), d, None);

        Assert.Equal("jan.berg", candidates[0].LocalPart);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(5)]
    public void Generate_ReturnsAtMostMax(int max)
    {
        var candidates = CandidateGenerator.Generate(N("Jürgen", "Müller-Lüdenscheidt"), PatternLearner.Learn("example.de", []), None, max);

        Assert.Equal(max, candidates.Count);
    }
}

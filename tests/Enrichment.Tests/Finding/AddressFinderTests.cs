using Enrichment.Finding;
using Enrichment.Finding.DomainSearch;

namespace Enrichment.Tests.Finding;

/// <summary>The finder without verification: what the domain search and the learned formats make of a domain.</summary>
public class AddressFinderTests
{
    private sealed class ListedSource(string name, string? pattern, params FoundContact[] contacts) : IDomainSearchSource
    {
        public string Name => name;

        public Task<DomainSearchResult> SearchAsync(string domain, CancellationToken cancellationToken) =>
            Task.FromResult(new DomainSearchResult(name, domain, contacts, pattern, null, null));
    }

    private sealed class FailingSource : IDomainSearchSource
    {
        public string Name => "broken";

        public Task<DomainSearchResult> SearchAsync(string domain, CancellationToken cancellationToken) =>
            throw new HttpRequestException("provider down");
    }

    private static FoundContact Contact(string email, string first, string last) =>
        new(email, first, last, "CTO", "executive", "it", 91, [], ["hunter"]);

    [Fact]
    public async Task Find_UsesProviderAddress_WhenProviderKnowsThePerson()
    {
        var search = new DomainSearchService([new ListedSource("hunter", null, Contact("o.ivanova@acme.test", "Olga", "Ivanova")), new FailingSource()]);
        var finder = new AddressFinder(verifier: null, search);

        var found = await finder.FindAsync("acme.test", [new FindRequest(1, "Olga", "Ivanova", null, null, null)]);

        var result = Assert.Single(found.Results);
        Assert.Equal("o.ivanova@acme.test", result.Email);
        Assert.Equal("hunter", result.Source);
        Assert.Null(result.Pattern);
        Assert.Equal(AddressFinder.StatusUnverified, result.Status);
    }

    [Fact]
    public async Task Find_RanksByProviderAndKnownEvidence_WhenPersonIsNew()
    {
        // The provider lists other people in {f}{last} and declares that pattern; our own row agrees.
        var search = new DomainSearchService([new ListedSource("hunter", "{f}{last}", Contact("pmartin@acme.test", "Paul", "Martin"))]);
        var finder = new AddressFinder(verifier: null, search);

        var found = await finder.FindAsync("acme.test",
        [
            new FindRequest(1, "Anna", "Schmidt", null, null, "aschmidt@acme.test"),
            new FindRequest(2, "Jean", "Dupont", null, "Head of IT", null),
        ]);

        var jean = found.Results.Single(r => r.Id == 2);
        Assert.Equal("jdupont@acme.test", jean.Email);
        Assert.Equal("{f}{last}", jean.Pattern);
        Assert.Equal(AddressFinder.SourceGuess, jean.Source);
        Assert.True(jean.Confidence > 0.5);
        Assert.Equal("jdupont@acme.test", jean.Candidates[0]);
        Assert.StartsWith("{f}{last}", found.Patterns.Describe(), StringComparison.Ordinal);
        var anna = found.Results.Single(r => r.Id == 1);
        Assert.Equal("aschmidt@acme.test", anna.Email);
        Assert.Equal(AddressFinder.SourceOwn, anna.Source);
    }

    [Fact]
    public async Task Find_NumbersTheGuess_WhenANamesakeHoldsTheAddress()
    {
        var finder = new AddressFinder(verifier: null, search: null);

        var found = await finder.FindAsync("acme.test",
        [
            new FindRequest(1, "Jane", "Smith", null, null, "jsmith@acme.test"),
            new FindRequest(2, "Paul", "Martin", null, null, "pmartin@acme.test"),
            new FindRequest(3, "Anna", "Kovacs", null, null, "akovacs@acme.test"),
            new FindRequest(4, "John", "Smith", null, null, null),
        ]);

        Assert.Equal("jsmith2@acme.test", found.Results.Single(r => r.Id == 4).Email);
    }

    [Fact]
    public async Task Find_NeverHandsOutAColleaguesAddress_WhenANamesakeIsKnown()
    {
        var finder = new AddressFinder(verifier: null, search: null);

        var found = await finder.FindAsync("acme.test",
        [
            new FindRequest(1, "John", "Smith", null, null, "john.smith@acme.test"),
            new FindRequest(2, "John", "Smith", null, null, null),
        ]);

        var again = found.Results.Single(r => r.Id == 2);
        Assert.Equal("john.smith2@acme.test", again.Email);
        Assert.DoesNotContain("john.smith@acme.test", again.Candidates);
        Assert.Equal(AddressFinder.SourceGuess, again.Source);
    }

    [Fact]
    public async Task Find_GivesNamesakesDifferentTopGuesses_WhenTwoRowsShareAName()
    {
        var finder = new AddressFinder(verifier: null, search: null);

        var found = await finder.FindAsync("acme.test",
        [
            new FindRequest(1, "Anna", "Berg", null, null, "anna.berg@acme.test"),
            new FindRequest(2, "Paul", "Lind", null, null, "paul.lind@acme.test"),
            new FindRequest(3, "Maria", "Garcia", null, null, null),
            new FindRequest(4, "Maria", "Garcia", null, null, null),
        ]);

        var first = found.Results.Single(r => r.Id == 3);
        var second = found.Results.Single(r => r.Id == 4);
        Assert.Equal("maria.garcia@acme.test", first.Email);
        Assert.Equal("maria.garcia2@acme.test", second.Email);
        Assert.Equal("maria.garcia2@acme.test", first.Candidates[1]);  // which of them holds which is unknown
        Assert.Equal("maria.garcia@acme.test", second.Candidates[1]);
    }

    [Fact]
    public async Task Find_GivesDifferentTopGuesses_WhenNamesakesArriveInSeparateCalls()
    {
        var finder = new AddressFinder(verifier: null, search: null);
        FindRequest[] rows =
        [
            new(1, "Jane", "Smith", null, null, "jsmith@acme.test"),
            new(2, "Paul", "Martin", null, null, "pmartin@acme.test"),
            new(3, "Tom", "Berg", null, null, null),
            new(4, "Tina", "Berg", null, null, null),
        ];
        var knowledge = AddressFinder.WithNamesakes(await finder.LearnAsync("acme.test", rows.Where(AddressFinder.HasAddress)), rows);

        var tom = await finder.FindAsync("acme.test", [rows[2]], knowledge);
        var tina = await finder.FindAsync("acme.test", [rows[3]], knowledge);

        Assert.Equal("tberg@acme.test", tom.Results[0].Email);
        Assert.NotEqual("tberg@acme.test", tina.Results[0].Email);
        Assert.Contains("tberg@acme.test", tina.Results[0].Candidates.Take(3));
    }

    [Fact]
    public async Task Find_ReportsNotFound_WhenNoNameIsUsable()
    {
        var finder = new AddressFinder(verifier: null, search: null);

        var found = await finder.FindAsync("acme.test", [new FindRequest(1, null, null, "   ", null, null)]);

        var result = Assert.Single(found.Results);
        Assert.Null(result.Email);
        Assert.Equal(AddressFinder.StatusNotFound, result.Status);
        Assert.NotNull(result.Detail);
    }
}

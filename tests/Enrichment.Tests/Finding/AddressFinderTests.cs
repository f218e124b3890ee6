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
    public async Task Find_ReusesTheKnownAddress_WhenTheSamePersonIsListedAgain()
    {
        var finder = new AddressFinder(verifier: null, search: null);

        var found = await finder.FindAsync("acme.test",
        [
            new FindRequest(1, "John", "Smith", null, null, "john.smith@acme.test"),
            new FindRequest(2, "John", "Smith", null, null, null),
        ]);

        var again = found.Results.Single(r => r.Id == 2);
        Assert.Equal("john.smith@acme.test", again.Email);
        Assert.Equal(AddressFinder.SourceOwn, again.Source);
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

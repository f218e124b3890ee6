using Enrichment.Finding.DomainSearch;
using Enrichment.Finding.DomainSearch.Providers;
using Enrichment.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Enrichment.Tests.Finding.DomainSearch.Fixture;

namespace Enrichment.Tests.Finding.DomainSearch;

public sealed class DomainSearchServiceTests
{
    private sealed class ThrowingSource : IDomainSearchSource
    {
        public string Name => "broken";

        public Task<DomainSearchResult> SearchAsync(string domain, CancellationToken cancellationToken) =>
            throw new InvalidOperationException("boom with secret detail");
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_ReturnsOthersAndOwnData_WhenOneProviderFails()
    {
        var time = new ManualTimeProvider();
        using var server = StartServer();
        Map(server, HunterPath, Status(401, Read("hunter-error-unauthorized.json")));
        MapParam(server, TombaPath, "page", "1", Ok("tomba-page-1.json"));
        MapParam(server, TombaPath, "page", "2", Ok("tomba-page-2.json"));
        MapParam(server, TombaPath, "page", "3", Ok("tomba-page-3.json"));
        await using var providers = Providers(time, hunter: Hunter(server), tomba: Tomba(server));
        var service = new DomainSearchService([providers.GetRequiredService<HunterClient>(), providers.GetRequiredService<TombaClient>(), new ThrowingSource()]);
        FoundContact[] known =
        [
            new("Ada.Lovelace@example.com", "Ada", "Lovelace", "CTO (CRM)", null, null, null, [], []),
            new("someone@other.org", "Some", "One", null, null, null, null, [], []),
        ];

        var merged = await service.SearchAsync("example.com", known, CancellationToken.None);

        Assert.Equal([("hunter", "unauthorized"), ("broken", "unavailable")], merged.Errors);
        Assert.Equal(4, merged.Contacts.Count);
        var ada = merged.Contacts[0];
        Assert.Equal("ada.lovelace@example.com", ada.Email);
        Assert.Equal(["own", "tomba"], ada.Provenance);
        Assert.Equal(("Ada", "Lovelace", "CTO (CRM)", "engineering", 99), (ada.FirstName, ada.LastName, ada.Position, ada.Department, ada.Confidence));
        Assert.DoesNotContain(merged.Contacts, c => c.Email.EndsWith("other.org", StringComparison.Ordinal));
        Assert.Equal(["{first}"], merged.DeclaredPatterns);
    }

    [Fact(Timeout = 20000)]
    public async Task KnownAddressSource_ReturnsOnlyTheDomain_WhenBuiltFromTuples()
    {
        var source = new KnownAddressSource(new[]
        {
            ("a@Example.com", (string?)"A", (string?)null, (string?)"Boss"),
            ("b@sub.example.com", null, null, null),
        });

        var result = await source.SearchAsync("example.com", CancellationToken.None);

        var only = Assert.Single(result.Contacts);
        Assert.Equal(("a@Example.com", "Boss", "own"), (only.Email, only.Position, only.Provenance.Single()));
        Assert.Null(result.Error);
    }
}

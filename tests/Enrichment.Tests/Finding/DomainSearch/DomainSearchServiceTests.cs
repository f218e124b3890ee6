using Enrichment.Finding.DomainSearch;
using Enrichment.Finding.DomainSearch.Providers;
using Enrichment.Testing;
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
        await using var server = await StubHttpServer.StartAsync(time);
        server.Map(HunterPath, _ => Status(401, Read("hunter-error-unauthorized.json")));
        server.Map(TombaPath, r => r.Query["page"] switch
        {
            "1" => Ok("tomba-page-1.json"),
            "2" => Ok("tomba-page-2.json"),
            _ => Ok("tomba-page-3.json"),
        });
        using var hunterHttp = new HttpClient();
        using var tombaHttp = new HttpClient();
        using var hunter = new HunterClient(hunterHttp, Hunter(server), time);
        using var tomba = new TombaClient(tombaHttp, Tomba(server), time);
        var service = new DomainSearchService([hunter, tomba, new ThrowingSource()]);
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

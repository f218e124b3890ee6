using Enrichment.Finding.DomainSearch;
using Enrichment.Finding.DomainSearch.Providers;
using Enrichment.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Enrichment.Tests.Finding.DomainSearch.Fixture;

namespace Enrichment.Tests.Finding.DomainSearch;

public sealed class TombaClientTests
{
    [Fact(Timeout = 20000)]
    public async Task SearchAsync_MergesThreePagesWithKeyHeaders_WhenTotalPagesIsThree()
    {
        using var server = StartServer();
        MapParam(server, TombaPath, "page", "1", Ok("tomba-page-1.json"));
        MapParam(server, TombaPath, "page", "2", Ok("tomba-page-2.json"));
        MapParam(server, TombaPath, "page", "3", Ok("tomba-page-3.json"));
        await using var providers = Providers(new ManualTimeProvider(), tomba: Tomba(server));
        var client = providers.GetRequiredService<TombaClient>();

        var result = await client.SearchAsync("example.com", CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("{first}", result.DeclaredPattern);
        Assert.Equal(
            ["ada.lovelace@example.com", "barbara.liskov@example.com", "sales@example.com", "ken.thompson@example.com"],
            result.Contacts.Select(c => c.Email));
        var ada = result.Contacts[0];
        Assert.Equal(("ada", "CTO", "engineering", "executive", 99), (ada.FirstName, ada.Position, ada.Department, ada.Seniority, ada.Confidence));
        Assert.Equal(["https://tomba-source.example.org/team"], ada.Sources);
        Assert.Equal(["tomba"], ada.Provenance);
        Assert.Equal(3, Requests(server, TombaPath).Count);
        Assert.All(Requests(server, TombaPath), r =>
        {
            Assert.Equal(TombaKey, Header(r, "X-Tomba-Key"));
            Assert.Equal(TombaSecret, Header(r, "X-Tomba-Secret"));
            Assert.Equal(("example.com", "2"), (Query(r, "domain"), Query(r, "limit")));
            Assert.DoesNotContain(TombaKey, r.RawQuery ?? "", StringComparison.Ordinal);
        });
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_WaitsRetryAfterThenSucceeds_When429()
    {
        var time = new ManualTimeProvider();
        using var server = StartServer();
        MapSequence(server, TombaPath, Status(429, "{\"errors\":{\"message\":\"Too many requests\"}}", ("Retry-After", "3")), Ok("tomba-page-3.json"));
        await using var providers = Providers(time, tomba: Tomba(server));
        var client = providers.GetRequiredService<TombaClient>();

        var search = client.SearchAsync("example.com", CancellationToken.None);
        var due = await time.WaitForTimerAsync();
        time.Advance(due);
        var result = await search;

        Assert.Equal(TimeSpan.FromSeconds(3), due);
        Assert.Null(result.Error);
        Assert.Equal(2, Requests(server, TombaPath).Count);
    }

    [Theory(Timeout = 20000)]
    [InlineData(401, "{\"errors\":{\"message\":\"Invalid key\"}}", "unauthorized")]
    [InlineData(403, "{\"errors\":{\"message\":\"Forbidden\"}}", "unauthorized")]
    [InlineData(402, "{}", "quota_exhausted")]
    [InlineData(429, "{\"errors\":{\"message\":\"You have exceeded your monthly quota\"}}", "quota_exhausted")]
    public async Task SearchAsync_FailsAfterOneRequest_WhenErrorIsNotTransient(int status, string body, string error)
    {
        using var server = StartServer();
        Map(server, TombaPath, Status(status, body));
        await using var providers = Providers(new ManualTimeProvider(), tomba: Tomba(server));
        var client = providers.GetRequiredService<TombaClient>();

        var result = await client.SearchAsync("example.com", CancellationToken.None);

        Assert.Equal(error, result.Error);
        Assert.Single(Requests(server, TombaPath));
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_ReturnsUnauthorizedWithoutRequest_WhenSecretMissing()
    {
        using var server = StartServer();
        await using var providers = Providers(new ManualTimeProvider(), tomba: Tomba(server) with { ApiSecret = "" });
        var client = providers.GetRequiredService<TombaClient>();

        var result = await client.SearchAsync("example.com", CancellationToken.None);

        Assert.Equal(DomainSearchErrors.Unauthorized, result.Error);
        Assert.Empty(server.LogEntries);
    }

    [Fact]
    public void ParsePage_ReadsOrganizationArrayAndDeduplicationHappensLater_WhenOlderShape()
    {
        var page = TombaClient.ParsePage(Read("tomba-page-3.json"));

        Assert.Equal(("{first}", 3, 5), (page.Pattern, page.TotalPages!.Value, page.Total!.Value));
        Assert.Equal("thompson", page.Contacts.Single().LastName);
    }

    [Theory]
    [InlineData(500, false, "unavailable", true)]
    [InlineData(429, false, "rate_limited", true)]
    [InlineData(408, false, "timeout", true)]
    [InlineData(404, false, "bad_response", false)]
    public void Classify_MapsStatus_WhenBodyHasNoHint(int status, bool hasRetryAfter, string error, bool retryable)
    {
        var failure = TombaClient.Classify(status, "{}", hasRetryAfter);

        Assert.NotNull(failure);
        Assert.Equal((error, retryable), (failure.Error, failure.Retryable));
    }
}

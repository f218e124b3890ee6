using System.Globalization;
using Enrichment.Finding.DomainSearch;
using Enrichment.Finding.DomainSearch.Providers;
using Enrichment.Testing;
using Microsoft.Extensions.DependencyInjection;
using static Enrichment.Tests.Finding.DomainSearch.Fixture;

namespace Enrichment.Tests.Finding.DomainSearch;

public sealed class HunterClientTests
{
    [Fact(Timeout = 20000)]
    public async Task SearchAsync_MergesThreePages_WhenResultsSpanPages()
    {
        var time = new ManualTimeProvider();
        using var server = StartServer();
        MapParam(server, HunterPath, "offset", "0", Ok("hunter-page-1.json"));
        MapParam(server, HunterPath, "offset", "2", Ok("hunter-page-2.json"));
        MapParam(server, HunterPath, "offset", "4", Ok("hunter-page-3.json"));
        await using var providers = Providers(time, hunter: Hunter(server));
        var client = providers.GetRequiredService<HunterClient>();

        var result = await client.SearchAsync("example.com", CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal("hunter", result.Source);
        Assert.Equal("{first}.{last}", result.DeclaredPattern);
        Assert.Equal(
            ["ada.lovelace@example.com", "grace.hopper@example.com", "Alan.Turing@Example.com", "info@example.com", "edsger.dijkstra@example.com"],
            result.Contacts.Select(c => c.Email));
        var ada = result.Contacts[0];
        Assert.Equal(("Ada", "Lovelace", "Chief Technology Officer", "executive", "executive", 97), (ada.FirstName, ada.LastName, ada.Position, ada.Seniority, ada.Department, ada.Confidence));
        Assert.Equal(["http://blog.example.org/team", "http://news.example.net/a"], ada.Sources);
        Assert.Equal(["hunter"], ada.Provenance);
        Assert.Equal(64, result.Contacts[4].Confidence);
        Assert.Equal(3, Requests(server, HunterPath).Count);
        var first = Requests(server, HunterPath).Single(r => Query(r, "offset") == "0");
        Assert.Equal(("example.com", HunterKey, "2"), (Query(first, "domain"), Query(first, "api_key"), Query(first, "limit")));
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_StopsAtMaxPages_WhenProviderKeepsReturningFullPages()
    {
        using var server = StartServer();
        Map(server, HunterPath, Ok("hunter-page-1.json"));
        await using var providers = Providers(new ManualTimeProvider(), hunter: Hunter(server) with { MaxPages = 2 });
        var client = providers.GetRequiredService<HunterClient>();

        var result = await client.SearchAsync("example.com", CancellationToken.None);

        Assert.Null(result.Error);
        Assert.Equal(2, Requests(server, HunterPath).Count);
        Assert.Equal(2, result.Contacts.Count);
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_WaitsExactlyRetryAfterSeconds_When429TooManyRequests()
    {
        var time = new ManualTimeProvider();
        using var server = StartServer();
        MapSequence(server, HunterPath, Status(429, Read("hunter-error-too-many-requests.json"), ("Retry-After", "7")), Ok("hunter-page-3.json"));
        await using var providers = Providers(time, hunter: Hunter(server));
        var client = providers.GetRequiredService<HunterClient>();

        var search = client.SearchAsync("example.com", CancellationToken.None);
        var due = await time.WaitForTimerAsync();
        Assert.Equal(TimeSpan.FromSeconds(7), due);
        Assert.Single(Requests(server, HunterPath));
        time.Advance(due);
        var result = await search;

        Assert.Null(result.Error);
        Assert.Single(result.Contacts);
        Assert.Equal(2, Requests(server, HunterPath).Count);
        Assert.Equal(TimeSpan.FromSeconds(7), time.Elapsed);
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_HonoursRetryAfterHttpDate_When429WithDate()
    {
        var time = new ManualTimeProvider();
        using var server = StartServer();
        var date = time.GetUtcNow().AddSeconds(20).ToString("R", CultureInfo.InvariantCulture);
        MapSequence(server, HunterPath, Status(429, Read("hunter-error-too-many-requests.json"), ("Retry-After", date)), Ok("hunter-page-3.json"));
        await using var providers = Providers(time, hunter: Hunter(server));
        var client = providers.GetRequiredService<HunterClient>();

        var search = client.SearchAsync("example.com", CancellationToken.None);
        var due = await time.WaitForTimerAsync();
        time.Advance(due);
        var result = await search;

        Assert.Equal(TimeSpan.FromSeconds(20), due);
        Assert.Null(result.Error);
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_ReturnsRateLimitedWithoutWaiting_WhenRetryAfterExceedsCap()
    {
        var time = new ManualTimeProvider();
        using var server = StartServer();
        Map(server, HunterPath, Status(429, Read("hunter-error-too-many-requests.json"), ("Retry-After", "3600")));
        await using var providers = Providers(time, hunter: Hunter(server));
        var client = providers.GetRequiredService<HunterClient>();

        var result = await client.SearchAsync("example.com", CancellationToken.None);

        Assert.Equal(DomainSearchErrors.RateLimited, result.Error);
        Assert.Contains("3600", result.ErrorDetail);
        Assert.Single(Requests(server, HunterPath));
        Assert.Equal(TimeSpan.Zero, time.Elapsed);
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_ReturnsUnauthorizedAfterOneRequest_When401()
    {
        using var server = StartServer();
        Map(server, HunterPath, Status(401, Read("hunter-error-unauthorized.json")));
        await using var providers = Providers(new ManualTimeProvider(), hunter: Hunter(server));
        var client = providers.GetRequiredService<HunterClient>();

        var result = await client.SearchAsync("example.com", CancellationToken.None);

        Assert.Equal(DomainSearchErrors.Unauthorized, result.Error);
        Assert.Contains("authentication_failed", result.ErrorDetail);
        Assert.Single(Requests(server, HunterPath));
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_ReturnsQuotaExhaustedAfterOneRequest_WhenUsageExceeded()
    {
        using var server = StartServer();
        Map(server, HunterPath, Status(429, Read("hunter-error-usage-exceeded.json")));
        await using var providers = Providers(new ManualTimeProvider(), hunter: Hunter(server));
        var client = providers.GetRequiredService<HunterClient>();

        var result = await client.SearchAsync("example.com", CancellationToken.None);

        Assert.Equal(DomainSearchErrors.QuotaExhausted, result.Error);
        Assert.Single(Requests(server, HunterPath));
    }

    [Theory(Timeout = 20000)]
    [InlineData("{\"data\": {\"emails\": [ {\"value\": ")]
    [InlineData("<html>Service temporarily unavailable</html>")]
    [InlineData("{\"meta\": {}}")]
    public async Task SearchAsync_ReturnsBadResponse_WhenBodyIsNotTheDocumentedShape(string body)
    {
        using var server = StartServer();
        Map(server, HunterPath, Status(200, body));
        await using var providers = Providers(new ManualTimeProvider(), hunter: Hunter(server));
        var client = providers.GetRequiredService<HunterClient>();

        var result = await client.SearchAsync("example.com", CancellationToken.None);

        Assert.Equal(DomainSearchErrors.BadResponse, result.Error);
        Assert.Empty(result.Contacts);
        Assert.Single(Requests(server, HunterPath));
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_KeepsEarlierPages_WhenALaterPageIsMalformed()
    {
        using var server = StartServer();
        MapSequence(server, HunterPath, Ok("hunter-page-1.json"), Status(200, "{ not json"));
        await using var providers = Providers(new ManualTimeProvider(), hunter: Hunter(server));
        var client = providers.GetRequiredService<HunterClient>();

        var result = await client.SearchAsync("example.com", CancellationToken.None);

        Assert.Equal(DomainSearchErrors.BadResponse, result.Error);
        Assert.Equal(2, result.Contacts.Count);
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_ReturnsTimeoutAfterAllAttempts_WhenServerNeverAnswers()
    {
        var time = new ManualTimeProvider();
        var attemptTimeout = TimeSpan.FromSeconds(2);
        using var server = StartServer();
        MapHang(server, HunterPath);
        await using var providers = Providers(time, hunter: Hunter(server, maxRetries: 2, timeout: attemptTimeout));
        var client = providers.GetRequiredService<HunterClient>();

        var search = client.SearchAsync("example.com", CancellationToken.None);
        var backoff = TimeSpan.Zero;
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            time.Advance(await time.WaitForTimerAsync(t => t == attemptTimeout));
            if (attempt < 3)
            {
                var delay = await time.WaitForTimerAsync(t => t != attemptTimeout);
                backoff += delay;
                time.Advance(delay);
            }
        }

        var result = await search;

        Assert.Equal(DomainSearchErrors.Timeout, result.Error);
        Assert.Equal(3 * attemptTimeout + backoff, time.Elapsed);
        Assert.InRange(backoff, TimeSpan.FromMilliseconds(1), TimeSpan.FromSeconds(60));
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_RetriesAndSucceeds_When5xxThenOk()
    {
        var time = new ManualTimeProvider();
        using var server = StartServer();
        MapSequence(server, HunterPath, Status(503, "{}"), Status(500, "oops"), Ok("hunter-page-3.json"));
        await using var providers = Providers(time, hunter: Hunter(server));
        var client = providers.GetRequiredService<HunterClient>();

        var result = await time.RunUntilCompleteAsync(client.SearchAsync("example.com", CancellationToken.None));

        Assert.Null(result.Error);
        Assert.Single(result.Contacts);
        Assert.Equal(3, Requests(server, HunterPath).Count);
        Assert.True(time.Elapsed > TimeSpan.Zero, "backoff delays go through the TimeProvider");
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_ReturnsUnavailable_When5xxOutlastsRetries()
    {
        var time = new ManualTimeProvider();
        using var server = StartServer();
        Map(server, HunterPath, Status(502, "bad gateway"));
        await using var providers = Providers(time, hunter: Hunter(server, maxRetries: 2));
        var client = providers.GetRequiredService<HunterClient>();

        var result = await time.RunUntilCompleteAsync(client.SearchAsync("example.com", CancellationToken.None));

        Assert.Equal(DomainSearchErrors.Unavailable, result.Error);
        Assert.Equal(3, Requests(server, HunterPath).Count);
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_Throws_WhenCallerCancels()
    {
        var time = new ManualTimeProvider();
        using var server = StartServer();
        MapHang(server, HunterPath);
        var attemptTimeout = TimeSpan.FromSeconds(30);
        await using var providers = Providers(time, hunter: Hunter(server, timeout: attemptTimeout));
        var client = providers.GetRequiredService<HunterClient>();
        using var cts = new CancellationTokenSource();

        var search = client.SearchAsync("example.com", cts.Token);
        await time.WaitForTimerAsync(t => t == attemptTimeout);
        await cts.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => search);
    }

    [Fact(Timeout = 20000)]
    public async Task SearchAsync_ReturnsUnauthorizedWithoutRequest_WhenNoKey()
    {
        using var server = StartServer();
        await using var providers = Providers(new ManualTimeProvider(), hunter: Hunter(server) with { ApiKey = null });
        var client = providers.GetRequiredService<HunterClient>();

        var result = await client.SearchAsync("example.com", CancellationToken.None);

        Assert.Equal(DomainSearchErrors.Unauthorized, result.Error);
        Assert.Empty(server.LogEntries);
    }

    [Theory]
    [InlineData(401, "hunter-error-unauthorized.json", false, "unauthorized", false)]
    [InlineData(429, "hunter-error-usage-exceeded.json", false, "quota_exhausted", false)]
    [InlineData(429, "hunter-error-usage-exceeded.json", true, "quota_exhausted", false)]
    [InlineData(429, "hunter-error-too-many-requests.json", false, "rate_limited", true)]
    [InlineData(429, "", false, "quota_exhausted", false)]
    [InlineData(429, "", true, "rate_limited", true)]
    [InlineData(403, "", false, "rate_limited", true)]
    [InlineData(402, "", false, "quota_exhausted", false)]
    [InlineData(400, "", false, "bad_response", false)]
    [InlineData(451, "", false, "bad_response", false)]
    [InlineData(500, "", false, "unavailable", true)]
    [InlineData(503, "", true, "unavailable", true)]
    public void Classify_MapsStatusAndErrorId_WhenNotSuccess(int status, string fixture, bool hasRetryAfter, string error, bool retryable)
    {
        var body = fixture.Length == 0 ? "" : Read(fixture);

        var failure = HunterClient.Classify(status, body, hasRetryAfter);

        Assert.NotNull(failure);
        Assert.Equal((error, retryable), (failure.Error, failure.Retryable));
    }

    [Theory]
    [InlineData(200)]
    [InlineData(204)]
    public void Classify_ReturnsNull_WhenSuccess(int status) => Assert.Null(HunterClient.Classify(status, "", false));

    [Fact]
    public void ParsePage_ReadsDocumentedFields_WhenFixturePage()
    {
        var page = HunterClient.ParsePage(Read("hunter-page-2.json"));

        Assert.Equal((2, 5, "{first}.{last}"), (page.EntryCount, page.Total!.Value, page.Pattern));
        Assert.Equal(["http://example.org/people"], page.Contacts[0].Sources);
        Assert.Null(page.Contacts[1].FirstName);
    }
}

using System.Net;
using System.Net.Http.Headers;
using Enrichment.Finding.DomainSearch;
using Microsoft.Extensions.DependencyInjection;
using Enrichment.Finding.DomainSearch.Providers;
using Enrichment.Testing;
using Polly;
using Polly.Timeout;

namespace Enrichment.Tests.Finding.DomainSearch;

public sealed class ProviderOptionsTests
{
    private static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void FromEnvironment_ConfiguresBothProviders_WhenAllVariablesSet()
    {
        var env = new Dictionary<string, string>
        {
            ["ENRICHMENT_HUNTER_API_KEY"] = " hk ",
            ["ENRICHMENT_TOMBA_API_KEY"] = "ta",
            ["ENRICHMENT_TOMBA_API_SECRET"] = "ts",
            ["ENRICHMENT_TOMBA_BASE_URL"] = "http://127.0.0.1:9/",
        };

        var options = DomainSearchOptions.FromEnvironment(n => env.GetValueOrDefault(n));

        Assert.Equal(("hk", ProviderOptions.HunterBaseAddress), (options.Hunter!.ApiKey, options.Hunter.BaseAddress));
        Assert.Equal(("ta", "ts", new Uri("http://127.0.0.1:9/")), (options.Tomba!.ApiKey, options.Tomba.ApiSecret, options.Tomba.BaseAddress));
    }

    [Theory]
    [InlineData(null, null, null, false, false)]
    [InlineData("", "ta", null, false, false)]
    [InlineData("hk", "ta", "", true, false)]
    [InlineData(null, "ta", "ts", false, true)]
    public void FromEnvironment_LeavesProviderUnset_WhenCredentialsMissing(string? hunterKey, string? tombaKey, string? tombaSecret, bool hunter, bool tomba)
    {
        var env = new Dictionary<string, string?>
        {
            ["ENRICHMENT_HUNTER_API_KEY"] = hunterKey,
            ["ENRICHMENT_TOMBA_API_KEY"] = tombaKey,
            ["ENRICHMENT_TOMBA_API_SECRET"] = tombaSecret,
        };

        var options = DomainSearchOptions.FromEnvironment(n => env.GetValueOrDefault(n));

        Assert.Equal((hunter, tomba), (options.Hunter is not null, options.Tomba is not null));
    }

    public static TheoryData<RetryConditionHeaderValue?, TimeSpan?> RetryAfterCases => new()
    {
        { null, null },
        { new RetryConditionHeaderValue(TimeSpan.FromSeconds(5)), TimeSpan.FromSeconds(5) },
        { new RetryConditionHeaderValue(Now.AddSeconds(90)), TimeSpan.FromSeconds(90) },
        { new RetryConditionHeaderValue(Now.AddSeconds(-30)), TimeSpan.Zero },
    };

    [Theory]
    [MemberData(nameof(RetryAfterCases))]
    public void RetryAfterToDelay_ReadsSecondsOrDate_WhenHeaderPresent(RetryConditionHeaderValue? header, TimeSpan? expected) =>
        Assert.Equal(expected, RetryAfter.ToDelay(header, Now));

    [Theory]
    [InlineData(429, "", 30, true)]
    [InlineData(429, "", 31, false)]
    [InlineData(429, "", null, false)]
    [InlineData(403, "", null, true)]
    [InlineData(503, "", null, true)]
    [InlineData(401, "", null, false)]
    [InlineData(200, "{}", null, false)]
    public async Task ShouldRetryAsync_HonoursOnlyRetryAfterWithinCap_WhenHunterAnswers(int status, string body, int? retryAfterSeconds, bool retry)
    {
        using var response = new HttpResponseMessage((HttpStatusCode)status) { Content = new StringContent(body) };
        if (retryAfterSeconds is { } seconds)
        {
            response.Headers.RetryAfter = new RetryConditionHeaderValue(TimeSpan.FromSeconds(seconds));
        }

        var decision = await ProviderResilience.ShouldRetryAsync(
            Outcome.FromResult(response), TimeSpan.FromSeconds(30), HunterClient.Classify, new ManualTimeProvider(Now), default);

        Assert.Equal(retry, decision);
    }

    [Fact]
    public async Task ShouldRetryAsync_RetriesTransportErrorsButNotCallerCancellation_WhenExceptions()
    {
        var cap = TimeSpan.FromSeconds(30);
        var time = new ManualTimeProvider(Now);
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();

        Assert.True(await ProviderResilience.ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(new TimeoutRejectedException()), cap, HunterClient.Classify, time, default));
        Assert.True(await ProviderResilience.ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(new HttpRequestException()), cap, HunterClient.Classify, time, default));
        Assert.True(await ProviderResilience.ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException()), cap, HunterClient.Classify, time, default));
        Assert.False(await ProviderResilience.ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(new OperationCanceledException()), cap, HunterClient.Classify, time, cancelled.Token));
        Assert.False(await ProviderResilience.ShouldRetryAsync(Outcome.FromException<HttpResponseMessage>(new InvalidOperationException()), cap, HunterClient.Classify, time, default));
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(0.5, 1)]
    [InlineData(1000, 1000)]
    public void CreateRateLimiter_AllowsOneSecondBurst_WhenRateGiven(double rate, int burst)
    {
        using var limiter = ProviderResilience.CreateRateLimiter(rate);

        var granted = Enumerable.Range(0, burst + 1).Select(_ => limiter.AttemptAcquire(1)).ToList();
        try
        {
            Assert.Equal(burst, granted.Count(l => l.IsAcquired));
        }
        finally
        {
            granted.ForEach(l => l.Dispose());
        }
    }

    [Theory]
    [InlineData(true, "ts", new[] { "hunter", "tomba" })]
    [InlineData(true, null, new[] { "hunter" })]
    [InlineData(false, "ts", new[] { "tomba" })]
    public void AddDomainSearch_RegistersOnlyUsableProviders_WhenOptionsGiven(bool hunterEnabled, string? tombaSecret, string[] expected)
    {
        var options = new DomainSearchOptions
        {
            Hunter = new ProviderOptions { ApiKey = "hk", BaseAddress = new Uri("http://127.0.0.1:9/"), Enabled = hunterEnabled },
            Tomba = new ProviderOptions { ApiKey = "ta", ApiSecret = tombaSecret, BaseAddress = new Uri("http://127.0.0.1:9/") },
        };
        using var provider = new ServiceCollection().AddDomainSearch(options).BuildServiceProvider();

        var service = provider.GetRequiredService<DomainSearchService>();

        Assert.Equal(expected, service.Sources.Select(s => s.Name));
    }
}

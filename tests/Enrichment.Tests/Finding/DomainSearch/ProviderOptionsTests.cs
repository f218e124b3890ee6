using System.Net.Http.Headers;
using Enrichment.Finding.DomainSearch;
using Microsoft.Extensions.DependencyInjection;
using Enrichment.Finding.DomainSearch.Providers;
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

    [Fact]
    public void ShouldRetry_HonoursOnlyRetryAfterWithinCap_WhenRetryableFailure()
    {
        var cap = TimeSpan.FromSeconds(30);
        var failure = new ProviderFailure("rate_limited", "HTTP 429", Retryable: true);

        Assert.True(ProviderRequestRunner.ShouldRetry(Outcome.FromResult(new AttemptResult(429, "", TimeSpan.FromSeconds(30), failure)), cap, default));
        Assert.False(ProviderRequestRunner.ShouldRetry(Outcome.FromResult(new AttemptResult(429, "", TimeSpan.FromSeconds(31), failure)), cap, default));
        Assert.True(ProviderRequestRunner.ShouldRetry(Outcome.FromResult(new AttemptResult(503, "", null, failure)), cap, default));
        Assert.False(ProviderRequestRunner.ShouldRetry(Outcome.FromResult(new AttemptResult(401, "", null, failure with { Retryable = false })), cap, default));
        Assert.True(ProviderRequestRunner.ShouldRetry(Outcome.FromException<AttemptResult>(new TimeoutRejectedException()), cap, default));
        Assert.True(ProviderRequestRunner.ShouldRetry(Outcome.FromException<AttemptResult>(new HttpRequestException()), cap, default));
    }

    [Theory]
    [InlineData(5, 5)]
    [InlineData(0.5, 1)]
    [InlineData(1000, 1000)]
    public void CreateRateLimiter_AllowsOneSecondBurst_WhenRateGiven(double rate, int burst)
    {
        using var limiter = ProviderRequestRunner.CreateRateLimiter(rate);

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

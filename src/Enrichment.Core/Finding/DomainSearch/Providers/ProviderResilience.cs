using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.RateLimiting;
using Polly.Retry;
using Polly.Timeout;

namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>
/// The resilience pipeline of one provider's HttpClient (Microsoft.Extensions.Http.Resilience handler), outermost
/// first: retry (exponential backoff with jitter, or the server's Retry-After when it is within
/// <see cref="ProviderOptions.MaxRetryAfter"/>), the provider's token bucket (so retries are paced too), and the
/// per-attempt timeout. The standard handler is not used: it honours Retry-After without a cap and adds a circuit
/// breaker that would couple unrelated domains.
/// </summary>
internal static class ProviderResilience
{
    /// <param name="classify">The provider's (status, body, hasRetryAfter) → failure rule; only retryable failures are retried.</param>
    public static void Configure(
        ResiliencePipelineBuilder<HttpResponseMessage> builder,
        string source,
        ProviderOptions options,
        Func<int, string, bool, ProviderFailure?> classify,
        RateLimiter limiter,
        TimeProvider time,
        ILogger logger)
    {
        builder.TimeProvider = time;
        if (options.MaxRetries > 0)
        {
            builder.AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseRetryDelay,
                MaxDelay = options.MaxRetryAfter,
                ShouldHandle = args => ShouldRetryAsync(args.Outcome, options.MaxRetryAfter, classify, time, args.Context.CancellationToken),
                // The server's Retry-After (already known to be within the cap) wins; null falls back to backoff with jitter.
                DelayGenerator = args => ValueTask.FromResult<TimeSpan?>(
                    args.Outcome.Exception is RateLimiterRejectedException { RetryAfter: { } local }
                        ? Cap(local, options.MaxRetryAfter)
                        : args.Outcome.Result is { } response && RetryAfter.ToDelay(response.Headers.RetryAfter, time.GetUtcNow()) is { } wait
                            ? Cap(wait, options.MaxRetryAfter)
                            : null),
                OnRetry = args =>
                {
                    // Status or exception type only: the request URI may carry the key.
                    logger.LogInformation(
                        "{Source}: retry {Attempt} in {DelayMs} ms after {Reason}",
                        source,
                        args.AttemptNumber + 1,
                        (long)args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Exception?.GetType().Name ?? $"HTTP {(int?)args.Outcome.Result?.StatusCode}");
                    return default;
                },
            });
        }

        builder.AddRateLimiter(limiter);
        if (options.Timeout != Timeout.InfiniteTimeSpan)
        {
            builder.AddTimeout(options.Timeout);
        }
    }

    /// <summary>A token bucket paced at <paramref name="requestsPerSecond"/>, bursting up to one second's worth.</summary>
    public static RateLimiter CreateRateLimiter(double requestsPerSecond)
    {
        if (double.IsNaN(requestsPerSecond) || requestsPerSecond <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(requestsPerSecond), requestsPerSecond, "Must be positive.");
        }

        // Replenish one token per 1/rps, but not more often than every 50 ms (the timer is real time).
        var period = TimeSpan.FromSeconds(1 / requestsPerSecond);
        var tokensPerPeriod = 1;
        var minimumPeriod = TimeSpan.FromMilliseconds(50);
        if (period < minimumPeriod)
        {
            period = minimumPeriod;
            tokensPerPeriod = (int)Math.Ceiling(requestsPerSecond * minimumPeriod.TotalSeconds);
        }

        return new TokenBucketRateLimiter(new TokenBucketRateLimiterOptions
        {
            TokenLimit = Math.Max(tokensPerPeriod, (int)Math.Ceiling(requestsPerSecond)),
            TokensPerPeriod = tokensPerPeriod,
            ReplenishmentPeriod = period,
            QueueLimit = 10_000,
            QueueProcessingOrder = QueueProcessingOrder.OldestFirst,
            AutoReplenishment = true,
        });
    }

    /// <summary>
    /// Transport errors, attempt timeouts and a full limiter queue are retried; a response is retried when the provider's
    /// rule calls it retryable and any Retry-After is within the cap (a longer one ends the search at once).
    /// </summary>
    internal static async ValueTask<bool> ShouldRetryAsync(
        Outcome<HttpResponseMessage> outcome,
        TimeSpan maxRetryAfter,
        Func<int, string, bool, ProviderFailure?> classify,
        TimeProvider time,
        CancellationToken callerToken)
    {
        switch (outcome)
        {
            case { Exception: HttpRequestException or IOException or TimeoutRejectedException or RateLimiterRejectedException }:
                return true;
            case { Exception: OperationCanceledException }:
                return !callerToken.IsCancellationRequested;
            case { Result: { } response }:
                var wait = RetryAfter.ToDelay(response.Headers.RetryAfter, time.GetUtcNow());
                var body = await response.Content.ReadAsStringAsync(callerToken);
                return classify((int)response.StatusCode, body, wait is not null) is { Retryable: true }
                    && (wait is null || wait <= maxRetryAfter);
            default:
                return false;
        }
    }

    private static TimeSpan Cap(TimeSpan wait, TimeSpan max) => wait > max ? max : wait;
}

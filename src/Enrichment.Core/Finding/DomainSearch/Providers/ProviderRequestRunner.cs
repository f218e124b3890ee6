using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Retry;
using Polly.Timeout;

namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>How a provider classified a non-success answer.</summary>
internal sealed record ProviderFailure(string Error, string Detail, bool Retryable);

/// <summary>One HTTP attempt's outcome: status, body, the server's Retry-After, and the classification.</summary>
internal sealed record AttemptResult(int Status, string? Body, TimeSpan? RetryAfter, ProviderFailure? Failure);

/// <summary>What one page fetch produced after pacing, retries and timeouts: a body or an error.</summary>
internal sealed record PageFetch(string? Body, string? Error, string? ErrorDetail);

/// <summary>
/// The transport shared by the provider clients: client-side pacing (token bucket), a per-attempt timeout and
/// a retry with exponential backoff and jitter that honours Retry-After. Credentials never reach a log line
/// or an error text: every detail passes through <see cref="Redact"/>.
/// </summary>
internal sealed partial class ProviderRequestRunner : IDisposable
{
    private readonly string _source;
    private readonly HttpClient _http;
    private readonly ProviderOptions _options;
    private readonly RateLimiter _limiter;
    private readonly bool _ownsLimiter;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<int, string, bool, ProviderFailure?> _classify;
    private readonly ResiliencePipeline<AttemptResult> _retry;
    private readonly ResiliencePipeline _attemptTimeout;

    /// <param name="classify">(status, body, hasRetryAfter) to null for success, else the failure.</param>
    public ProviderRequestRunner(
        string source,
        HttpClient http,
        ProviderOptions options,
        RateLimiter? limiter,
        TimeProvider time,
        ILogger logger,
        Func<int, string, bool, ProviderFailure?> classify)
    {
        _source = source;
        _http = http;
        _options = options;
        _ownsLimiter = limiter is null;
        _limiter = limiter ?? CreateRateLimiter(options.RequestsPerSecond);
        _time = time;
        _logger = logger;
        _classify = classify;

        var retryBuilder = new ResiliencePipelineBuilder<AttemptResult> { TimeProvider = time };
        if (options.MaxRetries > 0)
        {
            retryBuilder.AddRetry(new RetryStrategyOptions<AttemptResult>
            {
                MaxRetryAttempts = options.MaxRetries,
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = options.BaseRetryDelay,
                MaxDelay = options.MaxRetryAfter,
                ShouldHandle = args => ValueTask.FromResult(ShouldRetry(args.Outcome, options.MaxRetryAfter, args.Context.CancellationToken)),
                // The server's Retry-After wins over our backoff; null falls back to exponential backoff with jitter.
                DelayGenerator = args => ValueTask.FromResult(args.Outcome.Result?.RetryAfter),
                OnRetry = args =>
                {
                    _logger.LogInformation(
                        "{Source}: retry {Attempt} in {DelayMs} ms after {Reason}",
                        _source,
                        args.AttemptNumber + 1,
                        (long)args.RetryDelay.TotalMilliseconds,
                        args.Outcome.Exception?.GetType().Name ?? $"HTTP {args.Outcome.Result?.Status}");
                    return default;
                },
            });
        }

        _retry = retryBuilder.Build();
        _attemptTimeout = options.Timeout == Timeout.InfiniteTimeSpan
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = time }.AddTimeout(options.Timeout).Build();
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

    /// <summary>Fetches one page. Never throws except <see cref="OperationCanceledException"/> for the caller's token.</summary>
    public async Task<PageFetch> FetchAsync(Func<HttpRequestMessage> createRequest, string domain, int page, CancellationToken ct)
    {
        var attempts = 0;
        try
        {
            var result = await _retry.ExecuteAsync(
                async token =>
                {
                    attempts++;
                    return await AttemptAsync(createRequest, domain, page, token);
                },
                ct);

            if (result.Failure is null)
            {
                return new PageFetch(result.Body, null, null);
            }

            var detail = result.Failure.Retryable && result.RetryAfter is { } wait && wait > _options.MaxRetryAfter
                ? $"{result.Failure.Detail}; server asked to wait {wait.TotalSeconds:0}s, more than the {_options.MaxRetryAfter.TotalSeconds:0}s we honour"
                : result.Failure.Detail;
            return Fail(domain, result.Failure.Error, detail);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (TimeoutRejectedException)
        {
            return Fail(domain, DomainSearchErrors.Timeout, $"no response within {_options.Timeout.TotalSeconds:0.###}s on {attempts} attempt(s)");
        }
        catch (OperationCanceledException)
        {
            // HttpClient.Timeout or another internal cancellation: not the caller's, so a timeout.
            return Fail(domain, DomainSearchErrors.Timeout, $"request cancelled without a response after {attempts} attempt(s)");
        }
        catch (HttpRequestException ex)
        {
            return Fail(domain, DomainSearchErrors.Unavailable, $"{ex.HttpRequestError}: {ex.Message}");
        }
        catch (IOException ex)
        {
            return Fail(domain, DomainSearchErrors.Unavailable, ex.Message);
        }
    }

    public void Dispose()
    {
        if (_ownsLimiter)
        {
            _limiter.Dispose();
        }
    }

    /// <summary>Removes credentials from any text that may leave this class (error details, messages).</summary>
    public string Redact(string text)
    {
        var redacted = ApiKeyQuery().Replace(text, "$1***");
        foreach (var secret in new[] { _options.ApiKey, _options.ApiSecret })
        {
            if (!string.IsNullOrEmpty(secret))
            {
                redacted = redacted.Replace(secret, "***", StringComparison.Ordinal);
                var escaped = Uri.EscapeDataString(secret);
                redacted = redacted.Replace(escaped, "***", StringComparison.Ordinal);
            }
        }

        return redacted;
    }

    internal static bool ShouldRetry(Outcome<AttemptResult> outcome, TimeSpan maxRetryAfter, CancellationToken callerToken) => outcome switch
    {
        { Exception: HttpRequestException or IOException or TimeoutRejectedException } => true,
        { Exception: OperationCanceledException } => !callerToken.IsCancellationRequested,
        { Result.Failure.Retryable: true } => outcome.Result.RetryAfter is not { } wait || wait <= maxRetryAfter,
        _ => false,
    };

    private async ValueTask<AttemptResult> AttemptAsync(Func<HttpRequestMessage> createRequest, string domain, int page, CancellationToken token)
    {
        using var lease = await _limiter.AcquireAsync(1, token);
        if (!lease.IsAcquired)
        {
            lease.TryGetMetadata(MetadataName.RetryAfter, out var localWait);
            return new AttemptResult(0, null, localWait, new ProviderFailure(DomainSearchErrors.RateLimited, "client-side rate limiter queue is full", Retryable: true));
        }

        return await _attemptTimeout.ExecuteAsync(
            async t =>
            {
                using var request = createRequest();
                using var response = await _http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead, t);
                var body = await response.Content.ReadAsStringAsync(t);
                var status = (int)response.StatusCode;
                var retryAfter = RetryAfter.ToDelay(response.Headers.RetryAfter, _time.GetUtcNow());
                var failure = _classify(status, body, retryAfter is not null);
                // Domain and status only: the request URI may carry the key.
                _logger.LogDebug("{Source}: domain search {Domain} page {Page}: HTTP {Status}", _source, domain, page, status);
                return new AttemptResult(status, body, retryAfter, failure is null ? null : failure with { Detail = Redact(failure.Detail) });
            },
            token);
    }

    private PageFetch Fail(string domain, string error, string detail)
    {
        _logger.LogWarning("{Source}: domain search {Domain} failed: {Error}", _source, domain, error);
        return new PageFetch(null, error, Redact(detail));
    }

    [GeneratedRegex(@"((?:api_key|apikey|key|secret)=)[^&\s""']*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyQuery();
}

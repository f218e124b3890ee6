using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
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
/// The transport and paging shared by the provider clients: client-side pacing (token bucket), a per-attempt timeout,
/// a retry with exponential backoff and jitter that honours Retry-After, and the page loop that merges contacts.
/// Each client supplies only what differs: its request per page, page parser, stop rule and error classification.
/// Credentials never reach a log line or an error text: every detail passes through <see cref="Redact"/>.
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

    /// <summary>Validates the client's constructor arguments; without <paramref name="limiter"/> it owns a fresh one.</summary>
    /// <param name="classify">(status, body, hasRetryAfter) to null for success, else the failure.</param>
    public ProviderRequestRunner(
        string source,
        HttpClient httpClient,
        ProviderOptions options,
        RateLimiter? limiter,
        TimeProvider? timeProvider,
        ILogger? logger,
        Func<int, string, bool, ProviderFailure?> classify)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPages, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        var time = timeProvider ?? TimeProvider.System;
        _source = source;
        _http = httpClient;
        _options = options;
        _ownsLimiter = limiter is null;
        _limiter = limiter ?? CreateRateLimiter(options.RequestsPerSecond);
        _time = time;
        _logger = logger ?? NullLogger.Instance;
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

    /// <summary>
    /// Runs one domain search page by page (numbered from 1): fetch, parse, merge distinct contacts, keep the first
    /// pattern. Stops after an empty or short page, when <paramref name="isLastPage"/> says the provider's totals are
    /// reached, or after <see cref="ProviderOptions.MaxPages"/>. A failed fetch or an unparsable page ends the search
    /// with that error and the contacts gathered so far.
    /// </summary>
    /// <param name="createRequest">Builds the request for a page number; called again on every attempt.</param>
    /// <param name="parsePage">Parses a success body; throws <see cref="JsonException"/> when it is unusable.</param>
    /// <param name="isLastPage">(page number, parsed page) to true when the provider's totals say no page follows.</param>
    public async Task<DomainSearchResult> SearchPagesAsync(
        string domain,
        Func<int, HttpRequestMessage> createRequest,
        Func<string, ProviderPage> parsePage,
        Func<int, ProviderPage, bool> isLastPage,
        CancellationToken ct)
    {
        var contacts = new List<FoundContact>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? pattern = null;
        for (var page = 1; page <= _options.MaxPages; page++)
        {
            var pageNumber = page;
            var fetch = await FetchAsync(() => createRequest(pageNumber), domain, page, ct);
            if (fetch.Error is not null)
            {
                return new DomainSearchResult(_source, domain, contacts, pattern, fetch.Error, fetch.ErrorDetail);
            }

            ProviderPage parsed;
            try
            {
                parsed = parsePage(fetch.Body ?? "");
            }
            catch (JsonException ex)
            {
                return new DomainSearchResult(_source, domain, contacts, pattern, DomainSearchErrors.BadResponse, Redact($"page {page}: {ex.Message}"));
            }

            ProviderErrors.AddDistinct(contacts, seen, parsed.Contacts);
            pattern ??= parsed.Pattern;
            if (parsed.EntryCount == 0 || parsed.EntryCount < _options.PageSize || isLastPage(page, parsed))
            {
                break;
            }
        }

        return new DomainSearchResult(_source, domain, contacts, pattern, null, null);
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

    /// <summary>The base address with a trailing slash, so relative paths resolve below it rather than beside it.</summary>
    internal static Uri BaseWithSlash(Uri baseAddress) =>
        baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");

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

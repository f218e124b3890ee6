using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Polly.RateLimiting;
using Polly.Timeout;
using Refit;

namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>How a provider classified a non-success answer.</summary>
internal sealed record ProviderFailure(string Error, string Detail, bool Retryable);

/// <summary>What one page fetch produced after pacing, retries and timeouts: a body or an error.</summary>
internal sealed record PageFetch(string? Body, string? Error, string? ErrorDetail);

/// <summary>
/// The paging and error mapping shared by the provider clients. Pacing, retries and per-attempt timeouts happen below,
/// in the HttpClient's resilience handler (<see cref="ProviderResilience"/>); this class sees the final response or
/// exception, classifies it with the provider's rule and merges pages. Each client supplies only what differs: its
/// call per page, page parser, stop rule and error classification. Credentials never reach a log line or an error
/// text: every detail passes through <see cref="Redact"/>, and Refit's ApiRequestException is unwrapped without
/// reading its Uri, RequestMessage or Message (which name the request).
/// </summary>
internal sealed partial class ProviderRequestRunner
{
    private readonly string _source;
    private readonly ProviderOptions _options;
    private readonly TimeProvider _time;
    private readonly ILogger _logger;
    private readonly Func<int, string, bool, ProviderFailure?> _classify;

    /// <param name="classify">(status, body, hasRetryAfter) to null for success, else the failure.</param>
    public ProviderRequestRunner(
        string source,
        ProviderOptions options,
        TimeProvider? timeProvider,
        ILogger? logger,
        Func<int, string, bool, ProviderFailure?> classify)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPages, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        _source = source;
        _options = options;
        _time = timeProvider ?? TimeProvider.System;
        _logger = logger ?? NullLogger.Instance;
        _classify = classify;
    }

    /// <summary>
    /// Runs one domain search page by page (numbered from 1): fetch, parse, merge distinct contacts, keep the first
    /// pattern. Stops after an empty or short page, when <paramref name="isLastPage"/> says the provider's totals are
    /// reached, or after <see cref="ProviderOptions.MaxPages"/>. A failed fetch or an unparsable page ends the search
    /// with that error and the contacts gathered so far.
    /// </summary>
    /// <param name="sendPage">Sends the request for a page number through the client's Refit interface.</param>
    /// <param name="parsePage">Parses a success body; throws <see cref="JsonException"/> when it is unusable.</param>
    /// <param name="isLastPage">(page number, parsed page) to true when the provider's totals say no page follows.</param>
    public async Task<DomainSearchResult> SearchPagesAsync(
        string domain,
        Func<int, CancellationToken, Task<HttpResponseMessage>> sendPage,
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
            var fetch = await FetchAsync(token => sendPage(pageNumber, token), domain, page, ct);
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
    public async Task<PageFetch> FetchAsync(Func<CancellationToken, Task<HttpResponseMessage>> send, string domain, int page, CancellationToken ct)
    {
        try
        {
            using var response = await send(ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var status = (int)response.StatusCode;
            var retryAfter = RetryAfter.ToDelay(response.Headers.RetryAfter, _time.GetUtcNow());
            // Domain and status only: the request URI may carry the key.
            _logger.LogDebug("{Source}: domain search {Domain} page {Page}: HTTP {Status}", _source, domain, page, status);
            if (_classify(status, body, retryAfter is not null) is not { } failure)
            {
                return new PageFetch(body, null, null);
            }

            var detail = failure.Retryable && retryAfter is { } wait && wait > _options.MaxRetryAfter
                ? $"{failure.Detail}; server asked to wait {wait.TotalSeconds:0}s, more than the {_options.MaxRetryAfter.TotalSeconds:0}s we honour"
                : failure.Detail;
            return Fail(domain, failure.Error, detail);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
        catch (ApiRequestException ex)
        {
            // Only the cause: the wrapper's Uri, RequestMessage and Message name the request (and Hunter's api_key).
            return FromTransport(ex.InnerException, domain);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException or OperationCanceledException or TimeoutRejectedException or RateLimiterRejectedException)
        {
            return FromTransport(ex, domain);
        }
    }

    private PageFetch FromTransport(Exception? cause, string domain) => cause switch
    {
        TimeoutRejectedException => Fail(domain, DomainSearchErrors.Timeout, $"no response within {_options.Timeout.TotalSeconds:0.###}s on the last of up to {_options.MaxRetries + 1} attempt(s)"),
        // HttpClient.Timeout or another internal cancellation: not the caller's, so a timeout.
        OperationCanceledException => Fail(domain, DomainSearchErrors.Timeout, "request cancelled without a response"),
        RateLimiterRejectedException => Fail(domain, DomainSearchErrors.RateLimited, "client-side rate limiter queue is full"),
        HttpRequestException http => Fail(domain, DomainSearchErrors.Unavailable, $"{http.HttpRequestError}: {http.Message}"),
        IOException io => Fail(domain, DomainSearchErrors.Unavailable, io.Message),
        _ => Fail(domain, DomainSearchErrors.Unavailable, cause?.GetType().Name ?? "request failed without a response"),
    };

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

    private PageFetch Fail(string domain, string error, string detail)
    {
        _logger.LogWarning("{Source}: domain search {Domain} failed: {Error}", _source, domain, error);
        return new PageFetch(null, error, Redact(detail));
    }

    [GeneratedRegex(@"((?:api_key|apikey|key|secret)=)[^&\s""']*", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ApiKeyQuery();
}

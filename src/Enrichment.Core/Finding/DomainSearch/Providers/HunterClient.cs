using System.Globalization;
using System.Text.Json;
using System.Threading.RateLimiting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>
/// Hunter-style domain search (typed HttpClient).
/// </summary>
/// <remarks>
/// Shapes follow Hunter's public API v2 documentation, https://hunter.io/api-documentation/v2#domain-search
/// (also summarised at https://hunter.io/api/v2/docs):
/// <list type="bullet">
/// <item>GET /v2/domain-search?domain=&amp;api_key=&amp;limit=&amp;offset= ; "offset" is the number of addresses to skip.</item>
/// <item>200: {"data":{"domain","pattern","organization","emails":[{"value","type","confidence","sources":[{"domain","uri",
/// "extracted_on","last_seen_on","still_on_page"}],"first_name","last_name","position","seniority","department",...}]},
/// "meta":{"results","limit","offset","params"}}; "results" is the total for the domain.</item>
/// <item>Errors: {"errors":[{"id","code","details"}]}. 401: no valid API key. 403: rate limit reached (documented as
/// per-second/per-minute throttling, so retried). 429: usage limit reached (plan exhausted, not retried) unless the id or a
/// Retry-After header says it is throttling ("too_many_requests"). 451: the person asked not to be processed. 5xx: retried.</item>
/// </list>
/// The error id decides before the status: ids mentioning usage/quota/credits mean quota exhausted, "too_many_requests"
/// or "rate..." mean throttling.
/// </remarks>
public sealed class HunterClient : IDomainSearchSource, IDisposable
{
    public const string SourceName = "hunter";

    private readonly ProviderOptions _options;
    private readonly ProviderRequestRunner _runner;

    public HunterClient(
        HttpClient httpClient,
        ProviderOptions options,
        TimeProvider? timeProvider = null,
        ILogger<HunterClient>? logger = null,
        RateLimiter? rateLimiter = null)
    {
        ArgumentNullException.ThrowIfNull(httpClient);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.PageSize, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxPages, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(options.MaxRetries);
        _options = options;
        _runner = new ProviderRequestRunner(
            SourceName, httpClient, options, rateLimiter, timeProvider ?? TimeProvider.System,
            (ILogger?)logger ?? NullLogger.Instance, Classify);
    }

    public string Name => SourceName;

    public async Task<DomainSearchResult> SearchAsync(string domain, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        if (!_options.Enabled || string.IsNullOrEmpty(_options.ApiKey))
        {
            return DomainSearchResult.Failed(SourceName, domain, DomainSearchErrors.Unauthorized, "no Hunter API key configured");
        }

        var contacts = new List<FoundContact>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        string? pattern = null;
        for (var page = 0; page < _options.MaxPages; page++)
        {
            var offset = page * _options.PageSize;
            var fetch = await _runner.FetchAsync(() => new HttpRequestMessage(HttpMethod.Get, PageUri(domain, offset)), domain, page + 1, cancellationToken);
            if (fetch.Error is not null)
            {
                return new DomainSearchResult(SourceName, domain, contacts, pattern, fetch.Error, fetch.ErrorDetail);
            }

            ProviderPage parsed;
            try
            {
                parsed = ParsePage(fetch.Body ?? "");
            }
            catch (JsonException ex)
            {
                return new DomainSearchResult(SourceName, domain, contacts, pattern, DomainSearchErrors.BadResponse, _runner.Redact($"page {page + 1}: {ex.Message}"));
            }

            ProviderErrors.AddDistinct(contacts, seen, parsed.Contacts);
            pattern ??= parsed.Pattern;
            var exhausted = parsed.EntryCount == 0
                || parsed.EntryCount < _options.PageSize
                || (parsed.Total is { } total && offset + parsed.EntryCount >= total);
            if (exhausted)
            {
                break;
            }
        }

        return new DomainSearchResult(SourceName, domain, contacts, pattern, null, null);
    }

    public void Dispose() => _runner.Dispose();

    /// <summary>Hunter's error semantics; see the class remarks. Null means success.</summary>
    internal static ProviderFailure? Classify(int status, string body, bool hasRetryAfter)
    {
        if (status is >= 200 and <= 299)
        {
            return null;
        }

        var (id, message) = JsonRead.ErrorOf(body);
        if (ProviderErrors.MeansQuota(id))
        {
            return ProviderErrors.Describe(DomainSearchErrors.QuotaExhausted, status, id, message, retryable: false);
        }

        if (ProviderErrors.MeansRateLimit(id))
        {
            return ProviderErrors.Describe(DomainSearchErrors.RateLimited, status, id, message, retryable: true);
        }

        return status switch
        {
            403 => ProviderErrors.Describe(DomainSearchErrors.RateLimited, status, id, message, retryable: true),
            429 when hasRetryAfter => ProviderErrors.Describe(DomainSearchErrors.RateLimited, status, id, message, retryable: true),
            429 => ProviderErrors.Describe(DomainSearchErrors.QuotaExhausted, status, id, message, retryable: false),
            _ => ProviderErrors.Common(status, id, message)
                ?? ProviderErrors.Describe(DomainSearchErrors.BadResponse, status, id, message, retryable: false),
        };
    }

    /// <summary>Parses one 200 body. Throws <see cref="JsonException"/> when it is not JSON or lacks "data".</summary>
    internal static ProviderPage ParsePage(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        if (JsonRead.Property(root, "data") is not { ValueKind: JsonValueKind.Object } data)
        {
            throw new JsonException("response has no \"data\" object");
        }

        var entries = JsonRead.Array(data, "emails").ToList();
        var contacts = entries
            .Where(e => JsonRead.String(e, "value") is not null)
            .Select(e => new FoundContact(
                JsonRead.String(e, "value")!,
                JsonRead.String(e, "first_name"),
                JsonRead.String(e, "last_name"),
                JsonRead.String(e, "position"),
                JsonRead.String(e, "seniority"),
                JsonRead.String(e, "department"),
                JsonRead.Int(e, "confidence"),
                JsonRead.SourceUris(e),
                [SourceName]))
            .ToList();
        var meta = JsonRead.Property(root, "meta") ?? default;
        return new ProviderPage(contacts, entries.Count, JsonRead.String(data, "pattern"), JsonRead.Int(meta, "results"), null);
    }

    private Uri PageUri(string domain, int offset) => new(
        BaseWithSlash(_options.BaseAddress),
        string.Create(
            CultureInfo.InvariantCulture,
            $"v2/domain-search?domain={Uri.EscapeDataString(domain)}&api_key={Uri.EscapeDataString(_options.ApiKey!)}&limit={_options.PageSize}&offset={offset}"));

    internal static Uri BaseWithSlash(Uri baseAddress) =>
        baseAddress.AbsoluteUri.EndsWith('/') ? baseAddress : new Uri(baseAddress.AbsoluteUri + "/");
}

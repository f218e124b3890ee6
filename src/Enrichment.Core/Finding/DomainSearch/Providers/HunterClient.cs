using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>
/// Hunter-style domain search (Refit source-generated client over an HttpClient with a resilience handler).
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
public sealed class HunterClient : IDomainSearchSource
{
    public const string SourceName = "hunter";

    private readonly ProviderOptions _options;
    private readonly ProviderRequestRunner _runner;

    private readonly IHunterApi _api;

    /// <summary>Built by <see cref="DomainSearchServiceCollectionExtensions.AddDomainSearch"/>, which supplies the Refit client.</summary>
    internal HunterClient(
        IHunterApi api,
        ProviderOptions options,
        TimeProvider? timeProvider = null,
        ILogger<HunterClient>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(api);
        _runner = new ProviderRequestRunner(SourceName, options, timeProvider, logger, Classify);
        _api = api;
        _options = options;
    }

    public string Name => SourceName;

    public async Task<DomainSearchResult> SearchAsync(string domain, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        if (!_options.Enabled || string.IsNullOrEmpty(_options.ApiKey))
        {
            return DomainSearchResult.Failed(SourceName, domain, DomainSearchErrors.Unauthorized, "no Hunter API key configured");
        }

        return await _runner.SearchPagesAsync(domain, (page, ct) => SendAsync(domain, page, ct), ParsePage, IsLastPage, cancellationToken);
    }

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
            _ => ProviderErrors.Common(status, id, message),
        };
    }

    /// <summary>Parses one 200 body. Throws <see cref="JsonException"/> when it is not JSON or lacks "data".</summary>
    internal static ProviderPage ParsePage(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var data = JsonRead.Data(root);
        var entries = JsonRead.Array(data, "emails").ToList();
        var contacts = JsonRead.Contacts(entries, emailField: "value", confidenceField: "confidence", SourceName);
        var meta = JsonRead.Property(root, "meta") ?? default;
        return new ProviderPage(contacts, entries.Count, JsonRead.String(data, "pattern"), JsonRead.Int(meta, "results"), null);
    }

    /// <summary>Hunter pages by offset: the addresses before this page are skipped.</summary>
    private Task<HttpResponseMessage> SendAsync(string domain, int page, CancellationToken ct) =>
        _api.DomainSearchAsync(domain, _options.ApiKey!, _options.PageSize, (page - 1) * _options.PageSize, ct);

    /// <summary>The last page when the addresses seen so far reach the reported total.</summary>
    private bool IsLastPage(int page, ProviderPage parsed) =>
        parsed.Total is { } total && (page - 1) * _options.PageSize + parsed.EntryCount >= total;
}

using System.Text.Json;
using Microsoft.Extensions.Logging;

namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>
/// Tomba-style domain search (Refit source-generated client over an HttpClient with a resilience handler).
/// </summary>
/// <remarks>
/// Shapes follow Tomba's public documentation, https://docs.tomba.io/api/finder#domain-search
/// (source: github.com/tomba-io/docs, source/includes/v1/_domain-search.md; the official SDKs send the same query):
/// <list type="bullet">
/// <item>GET /v1/domain-search?domain=&amp;page=&amp;limit= with headers X-Tomba-Key and X-Tomba-Secret; page starts at 1,
/// limit is one of 10, 20, 50.</item>
/// <item>200: {"data":{"organization":{...,"pattern","organization"},"emails":[{"email","first_name","last_name",
/// "full_name","position","department","seniority","score","type","sources":[{"uri","website_url","extracted_on",
/// "last_seen_on","still_on_page"}],...}]},"meta":{"total","pageSize","current","total_pages"}}.
/// Older payloads carry "organization" as a one-element array and repeat addresses; both are tolerated.</item>
/// <item>Errors are not documented in detail: 401/403 mean bad credentials, 402 or a quota-worded body means the plan
/// is used up, 429 is throttling (retried, honouring Retry-After), 5xx is retried.</item>
/// </list>
/// </remarks>
public sealed class TombaClient : IDomainSearchSource
{
    public const string SourceName = "tomba";

    private readonly ProviderOptions _options;
    private readonly ProviderRequestRunner _runner;

    private readonly ITombaApi _api;

    /// <summary>Built by <see cref="DomainSearchServiceCollectionExtensions.AddDomainSearch"/>, which supplies the Refit client.</summary>
    internal TombaClient(
        ITombaApi api,
        ProviderOptions options,
        TimeProvider? timeProvider = null,
        ILogger<TombaClient>? logger = null)
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
        if (!_options.Enabled || string.IsNullOrEmpty(_options.ApiKey) || string.IsNullOrEmpty(_options.ApiSecret))
        {
            return DomainSearchResult.Failed(SourceName, domain, DomainSearchErrors.Unauthorized, "no Tomba API key and secret configured");
        }

        return await _runner.SearchPagesAsync(domain, (page, ct) => SendAsync(domain, page, ct), ParsePage, IsLastPage, cancellationToken);
    }

    /// <summary>Tomba's error semantics; see the class remarks. Null means success.</summary>
    internal static ProviderFailure? Classify(int status, string body, bool hasRetryAfter)
    {
        if (status is >= 200 and <= 299)
        {
            return null;
        }

        var (id, message) = JsonRead.ErrorOf(body);
        if (status is 402 or 403 or 429 && (ProviderErrors.MeansQuota(id) || ProviderErrors.MeansQuota(message)) && !hasRetryAfter)
        {
            return ProviderErrors.Describe(DomainSearchErrors.QuotaExhausted, status, id, message, retryable: false);
        }

        return status switch
        {
            403 => ProviderErrors.Describe(DomainSearchErrors.Unauthorized, status, id, message, retryable: false),
            429 => ProviderErrors.Describe(DomainSearchErrors.RateLimited, status, id, message, retryable: true),
            _ => ProviderErrors.Common(status, id, message),
        };
    }

    /// <summary>Parses one 200 body. Throws <see cref="JsonException"/> when it is not JSON or lacks "data".</summary>
    internal static ProviderPage ParsePage(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var root = doc.RootElement;
        var data = JsonRead.Data(root);
        var organization = JsonRead.Property(data, "organization") switch
        {
            { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().FirstOrDefault(),
            { } o => o,
            null => default,
        };
        var entries = JsonRead.Array(data, "emails").ToList();
        var contacts = JsonRead.Contacts(entries, emailField: "email", confidenceField: "score", SourceName);
        var pattern = JsonRead.String(organization, "pattern")
            ?? entries.Select(e => JsonRead.String(e, "pattern")).FirstOrDefault(p => p is not null);
        var meta = JsonRead.Property(root, "meta") ?? default;
        return new ProviderPage(contacts, entries.Count, pattern, JsonRead.Int(meta, "total"), JsonRead.Int(meta, "total_pages"));
    }

    private Task<HttpResponseMessage> SendAsync(string domain, int page, CancellationToken ct) =>
        _api.DomainSearchAsync(domain, page, _options.PageSize, _options.ApiKey!, _options.ApiSecret!, ct);

    /// <summary>The last page when the reported page count or address total is reached.</summary>
    private bool IsLastPage(int page, ProviderPage parsed) =>
        (parsed.TotalPages is { } totalPages && page >= totalPages)
        || (parsed.Total is { } total && page * _options.PageSize >= total);
}

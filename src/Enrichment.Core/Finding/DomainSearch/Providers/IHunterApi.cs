using Refit;

namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>
/// Hunter's domain search endpoint as a Refit interface (source-generated client; see <see cref="HunterClient"/> for
/// the documented shapes). The raw response is returned so the client classifies status, body and Retry-After itself
/// and no Refit ApiException (whose Uri carries the api_key) is ever built.
/// </summary>
internal interface IHunterApi
{
    [Get("/v2/domain-search")]
    Task<HttpResponseMessage> DomainSearchAsync(
        string domain,
        [AliasAs("api_key")] string apiKey,
        int limit,
        int offset,
        CancellationToken cancellationToken);
}

using Refit;

namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>
/// Tomba's domain search endpoint as a Refit interface (source-generated client; see <see cref="TombaClient"/> for the
/// documented shapes). Credentials travel as headers, never in the query string. The raw response is returned so the
/// client classifies status, body and Retry-After itself.
/// </summary>
internal interface ITombaApi
{
    [Get("/v1/domain-search")]
    Task<HttpResponseMessage> DomainSearchAsync(
        string domain,
        int page,
        int limit,
        [Header("X-Tomba-Key")] string apiKey,
        [Header("X-Tomba-Secret")] string apiSecret,
        CancellationToken cancellationToken);
}

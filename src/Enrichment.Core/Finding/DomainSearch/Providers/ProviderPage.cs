namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>One parsed page of a provider's domain search.</summary>
/// <param name="Contacts">Usable entries (with an address).</param>
/// <param name="EntryCount">Entries in the page's array, usable or not: decides whether a next page can exist.</param>
/// <param name="Total">Total addresses the provider reports for the domain, when it says.</param>
/// <param name="TotalPages">Total pages the provider reports, when it says.</param>
internal sealed record ProviderPage(IReadOnlyList<FoundContact> Contacts, int EntryCount, string? Pattern, int? Total, int? TotalPages);

/// <summary>Classification rules shared by the providers.</summary>
internal static class ProviderErrors
{
    private static readonly string[] QuotaWords = ["usage", "quota", "credit", "exceeded", "exhausted", "insufficient", "limit_reached"];
    private static readonly string[] RateWords = ["too_many", "too many", "rate"];

    public static bool MeansQuota(string? text) =>
        text is not null && QuotaWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    public static bool MeansRateLimit(string? text) =>
        text is not null && RateWords.Any(w => text.Contains(w, StringComparison.OrdinalIgnoreCase));

    public static ProviderFailure Describe(string error, int status, string? id, string? message, bool retryable) =>
        new(error, $"HTTP {status}{(id is null ? "" : $" {id}")}{(message is null ? "" : $": {message}")}", retryable);

    /// <summary>
    /// Status-only rules common to both providers, for a status the provider has no rule of its own for;
    /// any other unexpected status is a bad response.
    /// </summary>
    public static ProviderFailure Common(int status, string? id, string? message) => status switch
    {
        401 => Describe(DomainSearchErrors.Unauthorized, status, id, message, retryable: false),
        402 => Describe(DomainSearchErrors.QuotaExhausted, status, id, message, retryable: false),
        408 => Describe(DomainSearchErrors.Timeout, status, id, message, retryable: true),
        >= 500 and <= 599 => Describe(DomainSearchErrors.Unavailable, status, id, message, retryable: true),
        _ => Describe(DomainSearchErrors.BadResponse, status, id, message, retryable: false),
    };

    /// <summary>Adds contacts not already present (providers repeat addresses across and within pages).</summary>
    public static void AddDistinct(List<FoundContact> into, HashSet<string> seen, IEnumerable<FoundContact> page)
    {
        foreach (var contact in page)
        {
            if (DomainSearchMerger.NormalizeEmail(contact.Email) is { } key && seen.Add(key))
            {
                into.Add(contact);
            }
        }
    }
}

namespace Enrichment.Finding.DomainSearch;

/// <summary>One address found for a domain, with what the finder knows about the person behind it.</summary>
/// <param name="Email">The address as reported.</param>
/// <param name="Confidence">Provider score 0..100 (Hunter "confidence", Tomba "score"); null for our own data.</param>
/// <param name="Sources">Provider-reported source URLs (pages the address was seen on); may be empty.</param>
/// <param name="Provenance">Which of our sources found it: "own", "hunter", "tomba".</param>
public sealed record FoundContact(
    string Email,
    string? FirstName,
    string? LastName,
    string? Position,
    string? Seniority,
    string? Department,
    int? Confidence,
    IReadOnlyList<string> Sources,
    IReadOnlyList<string> Provenance);

/// <summary>What one source answered for one domain. A failed source still answers, with <see cref="Error"/> set.</summary>
/// <param name="Error">null, or one of the <see cref="DomainSearchErrors"/> values.</param>
/// <param name="ErrorDetail">Human-readable detail; never contains credentials.</param>
public sealed record DomainSearchResult(
    string Source,
    string Domain,
    IReadOnlyList<FoundContact> Contacts,
    string? DeclaredPattern,
    string? Error,
    string? ErrorDetail)
{
    public static DomainSearchResult Failed(string source, string domain, string error, string? detail) =>
        new(source, domain, [], null, error, detail);
}

/// <summary>The closed set of <see cref="DomainSearchResult.Error"/> values.</summary>
public static class DomainSearchErrors
{
    /// <summary>Credentials missing, wrong or refused (HTTP 401, or 403 where the provider means "forbidden").</summary>
    public const string Unauthorized = "unauthorized";

    /// <summary>The plan's request or credit allowance is used up; retrying before the reset cannot help.</summary>
    public const string QuotaExhausted = "quota_exhausted";

    /// <summary>Throttled, and still throttled after the retries (or asked to wait longer than we honour).</summary>
    public const string RateLimited = "rate_limited";

    /// <summary>No answer within the per-attempt timeout, on every attempt.</summary>
    public const string Timeout = "timeout";

    /// <summary>An answer we could not read: malformed JSON or an unexpected shape or status.</summary>
    public const string BadResponse = "bad_response";

    /// <summary>Connection failures, 5xx after retries, or a source that threw.</summary>
    public const string Unavailable = "unavailable";
}

/// <summary>A source of addresses for a domain: a provider API or our own data.</summary>
public interface IDomainSearchSource
{
    /// <summary>Short lower-case name used as provenance: "own", "hunter", "tomba".</summary>
    string Name { get; }

    /// <summary>
    /// Searches one domain. Implementations report failures in the result rather than throwing;
    /// only the caller's cancellation surfaces as <see cref="OperationCanceledException"/>.
    /// </summary>
    Task<DomainSearchResult> SearchAsync(string domain, CancellationToken cancellationToken);
}

namespace Enrichment.Finding.DomainSearch;

/// <summary>
/// Our own addresses ("own" provenance): whatever the caller already knows, e.g. from a CRM import.
/// Only addresses whose domain part equals the searched domain are returned.
/// </summary>
public sealed class KnownAddressSource : IDomainSearchSource
{
    public const string SourceName = "own";

    private static readonly IReadOnlyList<string> OwnProvenance = [SourceName];

    private readonly IReadOnlyList<FoundContact> _contacts;

    public KnownAddressSource(IEnumerable<FoundContact> contacts)
    {
        ArgumentNullException.ThrowIfNull(contacts);
        _contacts = [.. contacts.Select(c => c with { Provenance = OwnProvenance })];
    }

    public KnownAddressSource(IEnumerable<(string Email, string? FirstName, string? LastName, string? Title)> addresses)
        : this(FromTuples(addresses))
    {
    }

    public string Name => SourceName;

    public Task<DomainSearchResult> SearchAsync(string domain, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        cancellationToken.ThrowIfCancellationRequested();
        var wanted = domain.Trim().TrimEnd('.');
        var matches = _contacts.Where(c => HasDomain(c.Email, wanted)).ToList();
        return Task.FromResult(new DomainSearchResult(SourceName, domain, matches, null, null, null));
    }

    internal static bool HasDomain(string email, string domain)
    {
        var at = email.LastIndexOf('@');
        return at > 0
            && string.Equals(email.AsSpan(at + 1).Trim().TrimEnd('.').ToString(), domain, StringComparison.OrdinalIgnoreCase);
    }

    private static IEnumerable<FoundContact> FromTuples(
        IEnumerable<(string Email, string? FirstName, string? LastName, string? Title)> addresses)
    {
        ArgumentNullException.ThrowIfNull(addresses);
        return addresses.Select(a => new FoundContact(a.Email, a.FirstName, a.LastName, a.Title, null, null, null, [], OwnProvenance));
    }
}

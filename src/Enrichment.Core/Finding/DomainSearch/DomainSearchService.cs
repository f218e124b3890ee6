using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Enrichment.Finding.DomainSearch;

/// <summary>
/// Runs our own data and every configured provider for a domain concurrently and merges the answers.
/// A failing provider never fails the domain: its failure becomes an entry in <see cref="MergedDomainSearch.Errors"/>.
/// </summary>
public sealed class DomainSearchService
{
    private readonly IReadOnlyList<IDomainSearchSource> _sources;
    private readonly ILogger _logger;

    public DomainSearchService(IEnumerable<IDomainSearchSource> sources, ILogger<DomainSearchService>? logger = null)
    {
        ArgumentNullException.ThrowIfNull(sources);
        _sources = [.. sources];
        _logger = (ILogger?)logger ?? NullLogger.Instance;
    }

    /// <summary>The provider sources this service queries (our own data is added per call).</summary>
    public IReadOnlyList<IDomainSearchSource> Sources => _sources;

    public async Task<MergedDomainSearch> SearchAsync(string domain, IEnumerable<FoundContact> known, CancellationToken ct)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(domain);
        ArgumentNullException.ThrowIfNull(known);
        var own = new KnownAddressSource(known);
        var searches = new List<Task<DomainSearchResult>> { RunOneAsync(own, domain, ct) };
        searches.AddRange(_sources.Select(s => RunOneAsync(s, domain, ct)));
        var results = await Task.WhenAll(searches);
        return DomainSearchMerger.Merge(domain, results);
    }

    private async Task<DomainSearchResult> RunOneAsync(IDomainSearchSource source, string domain, CancellationToken ct)
    {
        // Yield first so a source that blocks synchronously cannot serialise the others.
        await Task.Yield();
        try
        {
            return await source.SearchAsync(domain, ct);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            throw;
        }
#pragma warning disable CA1031 // A third-party source may throw anything; the contract is that one source never fails the domain.
        catch (Exception ex)
#pragma warning restore CA1031
        {
            _logger.LogWarning("Domain search source {Source} failed for {Domain} with {ExceptionType}", source.Name, domain, ex.GetType().Name);
            return DomainSearchResult.Failed(source.Name, domain, DomainSearchErrors.Unavailable, ex.GetType().Name);
        }
    }
}

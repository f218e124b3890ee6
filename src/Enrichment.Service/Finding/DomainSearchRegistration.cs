using Enrichment.Finding;
using Enrichment.Finding.DomainSearch;
using Enrichment.Finding.DomainSearch.Providers;

namespace Enrichment.Service.Finding;

/// <summary>
/// The finder stage as the service runs it: Core's domain search with the providers configured under
/// "Enrichment:DomainSearch" (Refit clients on IHttpClientFactory with their resilience handlers, from Core's
/// AddDomainSearch) plus our own data, then pattern guessing. Logs which providers are on, never their keys.
/// </summary>
public static class DomainSearchRegistration
{
    public static IServiceCollection AddEnrichmentDomainSearch(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(DomainSearchSettings.Section).Get<DomainSearchSettings>() ?? new DomainSearchSettings();
        settings.Validate();
        var options = settings.ToOptions(Environment.GetEnvironmentVariable);
        services.AddDomainSearch(options);
        var providers = new[] { (HunterClient.SourceName, options.Hunter), (TombaClient.SourceName, options.Tomba) }
            .Where(p => p.Item2 is not null)
            .Select(p => $"{p.Item1} ({p.Item2!.BaseAddress})")
            .ToList();
        // The finder's ranked candidates are verified by the DomainVerifier as alternatives, in the domain's one session.
        services.AddSingleton(sp =>
        {
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(DomainSearchRegistration).FullName!).LogInformation(
                "Domain search providers: {Providers}", providers.Count == 0 ? "none (own data and pattern guessing only)" : string.Join(", ", providers));
            return new AddressFinder(verifier: null, search: sp.GetRequiredService<DomainSearchService>());
        });
        return services;
    }
}

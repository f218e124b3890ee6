using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;

namespace Enrichment.Finding.DomainSearch.Providers;

public static class DomainSearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the configured providers as typed HttpClients (IHttpClientFactory), each as an
    /// <see cref="IDomainSearchSource"/>, plus a transient <see cref="DomainSearchService"/>. A provider that is absent,
    /// disabled or lacks credentials is not registered. Each provider gets one rate limiter (a singleton) shared by all
    /// its client instances, so pacing holds across concurrent searches. Timeouts are Polly's per attempt, so
    /// HttpClient.Timeout is switched off. IHttpClientFactory's own logging redacts query strings (Hunter's api_key)
    /// by default since .NET 9; Tomba's credential headers are marked for redaction explicitly.
    /// </summary>
    public static IServiceCollection AddDomainSearch(this IServiceCollection services, DomainSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);

        if (IsUsable(options.Hunter, needsSecret: false))
        {
            var hunter = options.Hunter!;
            services.AddKeyedSingleton<RateLimiter>(HunterClient.SourceName, (_, _) => ProviderRequestRunner.CreateRateLimiter(hunter.RequestsPerSecond));
            services.AddHttpClient(HunterClient.SourceName, http => http.Timeout = Timeout.InfiniteTimeSpan)
                .AddTypedClient((http, sp) => new HunterClient(
                    http,
                    hunter,
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetService<ILogger<HunterClient>>(),
                    sp.GetRequiredKeyedService<RateLimiter>(HunterClient.SourceName)));
            services.AddTransient<IDomainSearchSource>(sp => sp.GetRequiredService<HunterClient>());
        }

        if (IsUsable(options.Tomba, needsSecret: true))
        {
            var tomba = options.Tomba!;
            services.AddKeyedSingleton<RateLimiter>(TombaClient.SourceName, (_, _) => ProviderRequestRunner.CreateRateLimiter(tomba.RequestsPerSecond));
            services.AddHttpClient(TombaClient.SourceName, http => http.Timeout = Timeout.InfiniteTimeSpan)
                .RedactLoggedHeaders(["X-Tomba-Key", "X-Tomba-Secret"])
                .AddTypedClient((http, sp) => new TombaClient(
                    http,
                    tomba,
                    sp.GetRequiredService<TimeProvider>(),
                    sp.GetService<ILogger<TombaClient>>(),
                    sp.GetRequiredKeyedService<RateLimiter>(TombaClient.SourceName)));
            services.AddTransient<IDomainSearchSource>(sp => sp.GetRequiredService<TombaClient>());
        }

        services.AddTransient(sp => new DomainSearchService(
            sp.GetServices<IDomainSearchSource>(),
            sp.GetService<ILogger<DomainSearchService>>()));
        return services;
    }

    private static bool IsUsable(ProviderOptions? options, bool needsSecret) =>
        options is { Enabled: true }
        && !string.IsNullOrWhiteSpace(options.ApiKey)
        && (!needsSecret || !string.IsNullOrWhiteSpace(options.ApiSecret));
}

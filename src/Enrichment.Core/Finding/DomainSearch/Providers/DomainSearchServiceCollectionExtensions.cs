using System.Threading.RateLimiting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;

namespace Enrichment.Finding.DomainSearch.Providers;

public static class DomainSearchServiceCollectionExtensions
{
    /// <summary>
    /// Registers the configured providers, each as an <see cref="IDomainSearchSource"/>, plus a transient
    /// <see cref="DomainSearchService"/>. A provider that is absent, disabled or lacks credentials is not registered.
    /// Each provider is a Refit source-generated client (<c>AddRefitGeneratedClient</c>: the reflection-based
    /// <c>AddRefitClient</c> needs Refit.Reflection, which is not available here) whose HttpClient carries a
    /// resilience handler (<see cref="ProviderResilience"/>) with one rate limiter per provider (a singleton), so pacing
    /// holds across concurrent searches. Timeouts are the pipeline's per attempt, so HttpClient.Timeout is switched off.
    /// IHttpClientFactory's own logging redacts query strings (Hunter's api_key) by default since .NET 9; Tomba's
    /// credential headers are marked for redaction explicitly.
    /// </summary>
    public static IServiceCollection AddDomainSearch(this IServiceCollection services, DomainSearchOptions options)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        services.TryAddSingleton(TimeProvider.System);

        if (IsUsable(options.Hunter, needsSecret: false))
        {
            AddHunter(services, options.Hunter!);
        }

        if (IsUsable(options.Tomba, needsSecret: true))
        {
            AddTomba(services, options.Tomba!);
        }

        services.AddTransient(sp => new DomainSearchService(
            sp.GetServices<IDomainSearchSource>(),
            sp.GetService<ILogger<DomainSearchService>>()));
        return services;
    }

    /// <summary>Registers Hunter whatever its credentials (the client itself refuses to call without a key).</summary>
    internal static IServiceCollection AddHunter(IServiceCollection services, ProviderOptions hunter)
    {
        AddProvider<IHunterApi>(services, HunterClient.SourceName, hunter, HunterClient.Classify, []);
        services.AddTransient(sp => new HunterClient(
            sp.GetRequiredService<IHunterApi>(),
            hunter,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<HunterClient>>()));
        services.AddTransient<IDomainSearchSource>(sp => sp.GetRequiredService<HunterClient>());
        return services;
    }

    /// <summary>Registers Tomba whatever its credentials (the client itself refuses to call without key and secret).</summary>
    internal static IServiceCollection AddTomba(IServiceCollection services, ProviderOptions tomba)
    {
        AddProvider<ITombaApi>(services, TombaClient.SourceName, tomba, TombaClient.Classify, ["X-Tomba-Key", "X-Tomba-Secret"]);
        services.AddTransient(sp => new TombaClient(
            sp.GetRequiredService<ITombaApi>(),
            tomba,
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<TombaClient>>()));
        services.AddTransient<IDomainSearchSource>(sp => sp.GetRequiredService<TombaClient>());
        return services;
    }

    private static void AddProvider<TApi>(
        IServiceCollection services,
        string source,
        ProviderOptions options,
        Func<int, string, bool, ProviderFailure?> classify,
        string[] secretHeaders)
        where TApi : class
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddKeyedSingleton<RateLimiter>(source, (_, _) => ProviderResilience.CreateRateLimiter(options.RequestsPerSecond));
        var client = services.AddRefitGeneratedClient<TApi>()
            .ConfigureHttpClient(http =>
            {
                http.BaseAddress = options.BaseAddress;
                http.Timeout = Timeout.InfiniteTimeSpan;
            });
        if (secretHeaders.Length > 0)
        {
            client.RedactLoggedHeaders(secretHeaders);
        }

        // The buffering handler is added after the resilience handler, so it runs inside each attempt (and its timeout).
        client.AddResilienceHandler($"{source}-domain-search", (builder, context) => ProviderResilience.Configure(
                builder,
                source,
                options,
                classify,
                context.ServiceProvider.GetRequiredKeyedService<RateLimiter>(source),
                context.ServiceProvider.GetRequiredService<TimeProvider>(),
                context.ServiceProvider.GetService<ILoggerFactory>()?.CreateLogger($"Enrichment.Finding.DomainSearch.{source}") ?? NullLogger.Instance));
        client.AddHttpMessageHandler(() => new ResponseBufferingHandler());
    }

    private static bool IsUsable(ProviderOptions? options, bool needsSecret) =>
        options is { Enabled: true }
        && !string.IsNullOrWhiteSpace(options.ApiKey)
        && (!needsSecret || !string.IsNullOrWhiteSpace(options.ApiSecret));
}

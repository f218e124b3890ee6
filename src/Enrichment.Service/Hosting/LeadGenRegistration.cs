using Enrichment.Service.Contacts;
using Enrichment.Service.Events;
using Enrichment.Service.Jobs;
using Enrichment.Service.Security;
using Enrichment.Storage.Consumers;
using Enrichment.Storage.Contacts;
using Enrichment.Storage.Erasure;
using Enrichment.Storage.Events;
using Enrichment.Storage.Suppressions;

namespace Enrichment.Service.Hosting;

/// <summary>The lead-gen API's parts (issue 10): its stores, the erasure salt, webhook secrets, rate limits, its job.</summary>
public static class LeadGenRegistration
{
    public static IServiceCollection AddEnrichmentLeadGen(this IServiceCollection services, IConfiguration configuration, ServiceOptions options)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        services.AddSingleton<ContactQueryStore>();
        services.AddSingleton<ConsumerStore>();
        services.AddSingleton<ClaimStore>();
        services.AddSingleton<ClaimReplayStore>();
        services.AddSingleton<ReverificationStore>();
        services.AddSingleton<SuppressionStore>();
        services.AddSingleton<EventStore>();
        services.AddSingleton<ErasureStore>();
        services.AddSingleton(ErasureSalt.Load(configuration, options.DataFolder));
        services.AddSingleton<Lists.ErasedAddressScreen>();
        services.AddTransient<ReverifyContactsJob>();

        // Bad input the framework cannot bind (a body that is not JSON) answers 400 ProblemDetails saying what, in
        // every environment: throwing lets BadRequestProblems write the details (otherwise Production sends a bare 400).
        services.Configure<Microsoft.AspNetCore.Routing.RouteHandlerOptions>(o => o.ThrowOnBadRequest = true);
        services.AddExceptionHandler<BadRequestProblems>();

        // End-to-end tests run the service as its own process on a manual clock (see FileClock); registered after
        // Program's TimeProvider.System, so it is the one resolved.
        if (configuration[FileClock.Setting] is { Length: > 0 } clockFile)
            services.AddSingleton<TimeProvider>(new FileClock(clockFile));

        var webhooks = configuration.GetSection(WebhookOptions.Section).Get<WebhookOptions>() ?? new WebhookOptions();
        webhooks.Validate();
        services.Configure<WebhookOptions>(configuration.GetSection(WebhookOptions.Section));
        services.AddEnrichmentRateLimits(configuration.GetSection(RateLimitOptions.Section).Get<RateLimitOptions>() ?? new RateLimitOptions());
        return services;
    }
}

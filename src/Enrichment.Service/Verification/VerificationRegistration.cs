using Enrichment.Service.Finding;
using Enrichment.Service.Hosting;
using Enrichment.Storage.Domains;
using Enrichment.Verification;
using Enrichment.Verification.Flags;
using Enrichment.Verification.MailHosts;
using Enrichment.Verification.Probing;
using Enrichment.Verification.Smtp;
using Microsoft.Extensions.Options;

namespace Enrichment.Service.Verification;

/// <summary>
/// The engine as the service runs it: Core's DomainVerifier with its catch-all store and session limiter backed by
/// PostgreSQL (shared by every worker), and the finder for rows without an address. The one place that knows how the
/// engine's parts are built.
/// </summary>
public static class VerificationRegistration
{
    public static IServiceCollection AddEnrichmentVerification(this IServiceCollection services, IConfiguration configuration)
    {
        var settings = configuration.GetSection(VerificationSettings.Section).Get<VerificationSettings>() ?? new VerificationSettings();
        settings.Validate();
        services.AddSingleton(settings);
        services.AddSingleton(_ => DomainLists.LoadDefault());
        services.AddSingleton<IMailHostResolver>(_ => new DnsClientMailHostResolver(
            new MailHostResolverOptions { Nameservers = settings.NameserverEndPoints(), QueryTimeout = settings.DnsTimeout }));
        services.AddSingleton<IRecipientSessionFactory>(sp =>
        {
            var helo = string.IsNullOrWhiteSpace(settings.HeloName) ? SenderIdentity.DefaultHeloName() : settings.HeloName;
            return new MailKitSessionFactory(new SmtpSessionOptions
            {
                Port = settings.SmtpPort,
                HeloName = helo,
                MailFrom = string.IsNullOrWhiteSpace(settings.MailFrom) ? SenderIdentity.DefaultMailFrom(helo) : settings.MailFrom,
                ConnectTimeout = settings.ConnectTimeout,
                CommandTimeout = settings.CommandTimeout,
            }, sp.GetRequiredService<TimeProvider>());
        });
        services.AddSingleton<ICatchAllStore, PostgresCatchAllStore>();
        services.AddSingleton<ISessionLimiter>(sp => new PostgresSessionLimiter(
            sp.GetRequiredService<SmtpSlotStore>(), settings.MaxConcurrentSessions, settings.MaxSessionsPerProvider, sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new DomainVerifier(
            sp.GetRequiredService<IMailHostResolver>(),
            sp.GetRequiredService<IRecipientSessionFactory>(),
            sp.GetRequiredService<DomainLists>(),
            sp.GetRequiredService<ICatchAllStore>(),
            sp.GetRequiredService<ISessionLimiter>(),
            new VerificationOptions
            {
                MaxSessionsPerProvider = settings.MaxSessionsPerProvider,
                MaxConcurrentSessions = settings.MaxConcurrentSessions,
                CatchAllCacheAge = sp.GetRequiredService<IOptions<ServiceOptions>>().Value.CatchAllMaxAge,
                RetrySchedule = settings.Schedule,
            },
            sp.GetRequiredService<TimeProvider>(),
            sp.GetService<ILogger<DomainVerifier>>()));
        services.AddSingleton(new VerificationPolicy { RetrySchedule = settings.Schedule });
        // Rows without an address: the finder's domain search (our own data, plus the configured providers) and pattern
        // guessing; its ranked candidates are then verified by the DomainVerifier as alternatives.
        services.AddEnrichmentDomainSearch(configuration);
        return services;
    }
}

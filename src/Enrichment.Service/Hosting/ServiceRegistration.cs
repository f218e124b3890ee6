using Enrichment.Import;
using Enrichment.Service.Accounts;
using Enrichment.Storage.Accounts;
using Enrichment.Service.Jobs;
using Enrichment.Storage.Callbacks;
using Enrichment.Storage.Contacts;
using Enrichment.Storage.Domains;
using Enrichment.Storage.Keys;
using Enrichment.Storage.Lists;
using Npgsql;

namespace Enrichment.Service.Hosting;

/// <summary>What the service is made of: the database and its stores, the import module, the jobs.</summary>
public static class ServiceRegistration
{
    public static IServiceCollection AddEnrichmentStorage(this IServiceCollection services, string connectionString)
    {
        services.AddSingleton(_ => new NpgsqlDataSourceBuilder(connectionString) { Name = "enrichment" }.Build());
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ListStore>();
        services.AddSingleton<DomainLeaseStore>();
        services.AddSingleton<ListRowStore>();
        services.AddSingleton<DomainStore>();
        services.AddSingleton<SmtpSlotStore>();
        services.AddSingleton<VerificationStore>();
        services.AddSingleton<ContactStore>();
        services.AddSingleton<CallbackStore>();
        services.AddSingleton<AccountStore>();
        return services;
    }

    public static IServiceCollection AddEnrichmentJobs(this IServiceCollection services)
    {
        services.AddSingleton(_ => ListImporter.LoadDefault());
        services.AddSingleton<Enrichment.Service.Lists.ListImport>();
        services.AddTransient<ListCompletion>();
        services.AddTransient<PlanListJob>();
        services.AddTransient<VerifyDomainJob>();
        services.AddTransient<CallbackJob>();
        services.AddSingleton<CommitteeTemplateSource>();
        services.AddTransient<FillCommitteeJob>();
        services.AddHttpClient(CallbackJob.HttpClientName, client => client.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(() => new SocketsHttpHandler { AllowAutoRedirect = false, ConnectTimeout = TimeSpan.FromSeconds(10) });
        return services;
    }
}

using Enrichment.Service.Jobs;
using Hangfire;
using Hangfire.PostgreSql;

namespace Enrichment.Service.Hosting;

/// <summary>
/// Hangfire on PostgreSQL in its own schema, with the two defaults that must change (measured): a killed worker's
/// job comes back after ~5 min instead of 30 (sliding, so a long job is never handed out twice), and jobs enqueued
/// by another process are polled for every 0.5 s instead of 15 s. No LISTEN/NOTIFY long polling (workers hung).
/// </summary>
public static class HangfireSetup
{
    public const string Schema = "hangfire";

    public static IServiceCollection AddEnrichmentHangfire(this IServiceCollection services, string connectionString, ServiceOptions options, bool runServer)
    {
        TransientFailures.Install();
        services.AddHangfire(config => config
            .SetDataCompatibilityLevel(CompatibilityLevel.Version_180)
            .UseSimpleAssemblyNameTypeSerializer()
            .UseRecommendedSerializerSettings()
            .UsePostgreSqlStorage(
                storage => storage.UseNpgsqlConnection(connectionString),
                new PostgreSqlStorageOptions
                {
                    SchemaName = Schema,
                    PrepareSchemaIfNecessary = true,
                    InvisibilityTimeout = options.InvisibilityTimeout,
                    UseSlidingInvisibilityTimeout = true,
                    QueuePollInterval = options.QueuePollInterval,
                    EnableLongPolling = false,
                    // A lock whose holder lost its connection (PostgreSQL restarted, worker killed) is taken over after
                    // this; the 10 min default held a job's state changes that long after a database restart.
                    DistributedLockTimeout = TimeSpan.FromMinutes(1),
                }));
        if (runServer)
        {
            services.AddHangfireServer(server =>
            {
                server.Queues = Queues.All;
                server.WorkerCount = options.Workers;
                server.SchedulePollingInterval = options.SchedulePollInterval;
                server.ServerName = $"{Environment.MachineName}:{Environment.ProcessId}";
                // SIGTERM: running jobs get their token cancelled and go back to the queue for another worker.
                server.ShutdownTimeout = TimeSpan.FromSeconds(15);
            });
        }

        return services;
    }
}

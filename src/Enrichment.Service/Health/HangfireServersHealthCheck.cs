using Hangfire;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Enrichment.Service.Health;

/// <summary>Ready needs at least one live Hangfire server (this process's, or another worker's) on the database.</summary>
public sealed class HangfireServersHealthCheck(JobStorage storage, TimeProvider time) : IHealthCheck
{
    static readonly TimeSpan Stale = TimeSpan.FromMinutes(2);

    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var now = time.GetUtcNow().UtcDateTime;
            var servers = storage.GetMonitoringApi().Servers();
            var live = servers.Count(s => s.Heartbeat is { } beat && now - beat < Stale);
            return Task.FromResult(live > 0
                ? HealthCheckResult.Healthy($"{live} Hangfire server(s)")
                : HealthCheckResult.Unhealthy("no live Hangfire server"));
        }
        catch (Exception e) when (e is Npgsql.NpgsqlException or InvalidOperationException or TimeoutException)
        {
            return Task.FromResult(HealthCheckResult.Unhealthy("Hangfire storage not readable: " + e.GetType().Name));
        }
    }
}

using Enrichment.Service.Hosting;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Enrichment.Service.Dashboard;

/// <summary>The Hangfire dashboard at /hangfire behind <see cref="DashboardAccess"/>. Our own ops pages join here.</summary>
public static class DashboardEndpoints
{
    public const string Path = "/hangfire";

    public static WebApplication MapEnrichmentDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            AsyncAuthorization = [new DashboardAccess(options.Dashboard)],
            DashboardTitle = "Enrichment",
            DisplayStorageConnectionString = false,
        });
        return app;
    }
}

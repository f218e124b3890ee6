using Enrichment.Service.Hosting;
using Microsoft.Extensions.Options;

namespace Enrichment.Service.Dashboard;

/// <summary>
/// With dashboard users configured, Hangfire's own pages answer a stranger 401 (its authorization filter can only say
/// no). A person who opens /hangfire/jobs/succeeded in a browser should land on the login page and come back after
/// it; a script (JSON, Hangfire's polling, assets) keeps its 401. Our ops pages redirect by themselves (<see cref="OpsAccessFilter"/>).
/// </summary>
public static class LoginRedirect
{
    /// <summary>A page navigation to Hangfire's dashboard by someone not logged in: only GET (or HEAD) asking for HTML.</summary>
    public static bool Applies(bool loginConfigured, bool authenticated, string method, string path, string? accept)
    {
        if (!loginConfigured || authenticated || !(HttpMethods.IsGet(method) || HttpMethods.IsHead(method)))
            return false;
        if (!IsUnder(path, DashboardEndpoints.Path) || IsUnder(path, OpsRoutes.Root))
            return false;
        // Browsers send "text/html,application/xhtml+xml,…" for a navigation; fetch/XHR and assets do not.
        return accept is not null && accept.Contains("text/html", StringComparison.OrdinalIgnoreCase);
    }

    static bool IsUnder(string path, string root) =>
        path.Equals(root, StringComparison.OrdinalIgnoreCase) || path.StartsWith(root + "/", StringComparison.OrdinalIgnoreCase);

    public static string Target(string pathAndQuery) => $"{OpsRoutes.Login}?returnUrl={Uri.EscapeDataString(pathAndQuery)}";

    /// <summary>Runs before Hangfire's dashboard (after authentication, so the cookie is read).</summary>
    public static IApplicationBuilder UseDashboardLoginRedirect(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var login = app.ApplicationServices.GetRequiredService<IOptions<ServiceOptions>>().Value.Dashboard;
        return app.Use(async (http, next) =>
        {
            var request = http.Request;
            if (Applies(login.IsConfigured, DashboardAccess.IsAllowed(http, login), request.Method, request.Path.Value ?? "", request.Headers.Accept.ToString()))
            {
                http.Response.Redirect(Target(request.PathBase + request.Path + request.QueryString));
                return;
            }

            await next(http);
        });
    }
}

using System.Net;
using Enrichment.Service.Hosting;
using Hangfire.Dashboard;

namespace Enrichment.Service.Dashboard;

/// <summary>
/// Who may open /hangfire (Hangfire's pages and ours, one rule). With users configured: whoever holds our login
/// cookie, admin or read-only by role. Without: requests from loopback only, as admin, and never one that came through
/// a proxy (X-Forwarded-For / Forwarded): behind a reverse proxy on the same host every request looks local, which is
/// exactly what Hangfire's own local filter gets wrong.
/// </summary>
public sealed class DashboardAccess(DashboardLoginOptions login) : IDashboardAsyncAuthorizationFilter
{
    public Task<bool> AuthorizeAsync(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return Task.FromResult(IsAllowed(context.GetHttpContext(), login));
    }

    public static bool IsAllowed(HttpContext http, DashboardLoginOptions login)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(login);
        if (login.IsConfigured)
            return http.User.Identity is { IsAuthenticated: true, AuthenticationType: DashboardLogin.Scheme };

        if (http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("Forwarded"))
            return false;
        var remote = http.Connection.RemoteIpAddress;
        // TestServer has no connection: no remote address means an in-process caller.
        return remote is null || IPAddress.IsLoopback(remote);
    }

    /// <summary>May change things (upload, cancel, keys, Hangfire's buttons): everyone allowed in without a login, an admin with one.</summary>
    public static bool IsAdmin(HttpContext http, DashboardLoginOptions login)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(login);
        return IsAllowed(http, login) && (!login.IsConfigured || http.User.IsInRole(DashboardUser.Admin));
    }
}

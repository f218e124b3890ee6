using System.Net;
using System.Security.Cryptography;
using System.Text;
using Enrichment.Service.Hosting;
using Hangfire.Dashboard;

namespace Enrichment.Service.Dashboard;

/// <summary>
/// Who may open /hangfire. With a login configured: HTTP Basic with that user and password. Without: requests from
/// loopback only, and never one that came through a proxy (X-Forwarded-For / Forwarded): behind a reverse proxy on
/// the same host every request looks local, which is exactly what Hangfire's own local filter gets wrong.
/// </summary>
public sealed class DashboardAccess(DashboardLoginOptions login) : IDashboardAsyncAuthorizationFilter
{
    public const string Realm = "Enrichment dashboard";

    public Task<bool> AuthorizeAsync(DashboardContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var http = context.GetHttpContext();
        return Task.FromResult(IsAllowed(http, login));
    }

    public static bool IsAllowed(HttpContext http, DashboardLoginOptions login)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(login);
        if (login.IsConfigured)
        {
            if (BasicCredentialsMatch(http.Request.Headers.Authorization.ToString(), login.User!, login.Password!))
                return true;
            http.Response.Headers.WWWAuthenticate = $"Basic realm=\"{Realm}\", charset=\"UTF-8\"";
            return false;
        }

        if (http.Request.Headers.ContainsKey("X-Forwarded-For") || http.Request.Headers.ContainsKey("Forwarded"))
            return false;
        var remote = http.Connection.RemoteIpAddress;
        // TestServer has no connection: no remote address means an in-process caller.
        return remote is null || IPAddress.IsLoopback(remote);
    }

    static bool BasicCredentialsMatch(string header, string user, string password)
    {
        const string Scheme = "Basic ";
        if (!header.StartsWith(Scheme, StringComparison.OrdinalIgnoreCase))
            return false;
        byte[] decoded;
        try
        {
            decoded = Convert.FromBase64String(header[Scheme.Length..].Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = SHA256.HashData(Encoding.UTF8.GetBytes($"{user}:{password}"));
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(decoded), expected);
    }
}

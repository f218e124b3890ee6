using Enrichment.Service.Hosting;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.Extensions.Options;

namespace Enrichment.Service.Dashboard;

/// <summary>
/// The ops pages' gate, the same rule as Hangfire's pages (<see cref="DashboardAccess"/>): outsiders go to the login
/// (or get 403 without one configured); every POST needs an admin and a valid antiforgery token (400 otherwise).
/// </summary>
public sealed class OpsAccessFilter(IOptions<ServiceOptions> options, IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        var http = context.HttpContext;
        var login = options.Value.Dashboard;
        if (!DashboardAccess.IsAllowed(http, login))
        {
            if (login.IsConfigured && HttpMethods.IsGet(http.Request.Method))
                return Results.Redirect(LoginRedirect.Target(http.Request.Path + http.Request.QueryString));
            return Results.Text("Not allowed: the dashboard answers loopback requests only unless a login is configured (Enrichment:Dashboard:Users).",
                statusCode: StatusCodes.Status403Forbidden);
        }

        if (HttpMethods.IsPost(http.Request.Method))
        {
            if (!await antiforgery.IsRequestValidAsync(http))
            {
                return Results.Text("This form did not come from this dashboard or has expired (antiforgery token missing or wrong): reload the page and try again.",
                    statusCode: StatusCodes.Status400BadRequest);
            }

            if (!DashboardAccess.IsAdmin(http, login))
                return Results.Text("Read-only users cannot change anything.", statusCode: StatusCodes.Status403Forbidden);
        }

        return await next(context);
    }
}

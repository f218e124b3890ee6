using Enrichment.Service.Hosting;
using Microsoft.Extensions.Options;

namespace Enrichment.Service.Dashboard;

/// <summary>The dashboard's login (only when users are configured) and logout.</summary>
public static class LoginPage
{
    public static IResult Get(string? returnUrl, OpsLayout layout, IOptions<ServiceOptions> options, string? error = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(options);
        var body = new Html();
        if (!options.Value.Dashboard.IsConfigured)
        {
            body.Raw("<p>No login is configured: the dashboard answers requests from this machine only. ")
                .Raw("Add users under <code>Enrichment:Dashboard:Users</code> to allow others.</p>");
            return layout.Page("Log in", "", body.ToString());
        }

        if (error is not null)
            body.Raw("<div class=\"alert alert-danger\">").Text(error).Raw("</div>");
        body.Raw($"<form class=\"stack\" method=\"post\" action=\"{OpsRoutes.Login}\">").Raw(layout.TokenField())
            .Raw("<input type=\"hidden\" name=\"returnUrl\" value=\"").Text(returnUrl).Raw("\">")
            .Raw("<label for=\"user\">User</label><input id=\"user\" type=\"text\" name=\"user\" autocomplete=\"username\" required>")
            .Raw("<label for=\"password\">Password</label><input id=\"password\" type=\"password\" name=\"password\" autocomplete=\"current-password\" required>")
            .Raw("<p><button class=\"btn btn-primary\" type=\"submit\">Log in</button></p></form>");
        return layout.Page("Log in", "", body.ToString(), status: error is null ? StatusCodes.Status200OK : StatusCodes.Status401Unauthorized);
    }

    public static async Task<IResult> PostAsync(HttpContext http, OpsLayout layout, IOptions<ServiceOptions> options, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Text("This form has expired: reload the login page.", statusCode: StatusCodes.Status400BadRequest);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var returnUrl = form["returnUrl"].ToString();
        var user = DashboardLogin.Check(options.Value.Dashboard, form["user"].ToString(), form["password"].ToString());
        if (user is null)
            return Get(returnUrl, layout, options, "Wrong user or password.");
        await DashboardLogin.SignInAsync(http, user);
        // Only a local path inside the dashboard: never an open redirect.
        var target = returnUrl.StartsWith(DashboardEndpoints.Path + "/", StringComparison.Ordinal) && !returnUrl.StartsWith("//", StringComparison.Ordinal)
            ? returnUrl : OpsRoutes.Lists;
        return Results.Redirect(target);
    }

    public static async Task<IResult> LogoutAsync(HttpContext http, Microsoft.AspNetCore.Antiforgery.IAntiforgery antiforgery)
    {
        ArgumentNullException.ThrowIfNull(antiforgery);
        if (!await antiforgery.IsRequestValidAsync(http))
            return Results.Text("This form has expired: reload the page.", statusCode: StatusCodes.Status400BadRequest);
        await DashboardLogin.SignOutAsync(http);
        return Results.Redirect(OpsRoutes.Login);
    }
}

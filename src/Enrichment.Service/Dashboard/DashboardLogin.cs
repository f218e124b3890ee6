using System.Security.Claims;
using Enrichment.Service.Hosting;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;

namespace Enrichment.Service.Dashboard;

/// <summary>
/// The cookie login of the dashboard: users and PBKDF2 hashes (ASP.NET Core Identity's PasswordHasher) from
/// configuration, a role claim per user. The cookie is HttpOnly, SameSite=Strict, limited to /hangfire.
/// </summary>
public static class DashboardLogin
{
    public const string Scheme = "EnrichmentDashboard";
    static readonly PasswordHasher<DashboardUser> Hasher = new();

    public static IServiceCollection AddEnrichmentDashboardLogin(this IServiceCollection services)
    {
        services.AddAuthentication(Scheme).AddCookie(Scheme, cookie =>
        {
            cookie.Cookie.Name = "enrichment_dashboard";
            cookie.Cookie.Path = DashboardEndpoints.Path;
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SameSite = SameSiteMode.Strict;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            cookie.SlidingExpiration = true;
            cookie.LoginPath = OpsRoutes.Login;
            cookie.AccessDeniedPath = OpsRoutes.Login;
        });
        return services;
    }

    public static string Hash(string password) => Hasher.HashPassword(new DashboardUser(), password);

    /// <summary>The user when name and password match (constant work whether or not the name exists).</summary>
    public static DashboardUser? Check(DashboardLoginOptions login, string name, string password)
    {
        ArgumentNullException.ThrowIfNull(login);
        var user = login.Find(name);
        // An unknown name still costs one hash check, so timing does not tell which names exist.
        var hash = user?.PasswordHash ?? DummyHash.Value;
        var result = Hasher.VerifyHashedPassword(user ?? new DashboardUser(), hash, password);
        return user is not null && result != PasswordVerificationResult.Failed ? user : null;
    }

    public static Task SignInAsync(HttpContext http, DashboardUser user)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(user);
        var identity = new ClaimsIdentity(
            [new Claim(ClaimTypes.Name, user.Name), new Claim(ClaimTypes.Role, user.Role)], Scheme);
        return http.SignInAsync(Scheme, new ClaimsPrincipal(identity));
    }

    public static Task SignOutAsync(HttpContext http) => http.SignOutAsync(Scheme);

    static readonly Lazy<string> DummyHash = new(() => Hash(Guid.NewGuid().ToString()));
}

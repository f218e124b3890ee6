using Enrichment.Service.Hosting;
using Hangfire;
using Hangfire.Dashboard;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Enrichment.Service.Dashboard;

/// <summary>
/// The Hangfire dashboard at /hangfire behind <see cref="DashboardAccess"/>, with our ops pages under /hangfire/ops
/// (plain ASP.NET Core endpoints, more specific than Hangfire's catch-all route) linked from its navigation.
/// </summary>
public static class DashboardEndpoints
{
    public const string Path = "/hangfire";
    static readonly Lock MenuLock = new();
    static bool _menuAdded;

    public static IServiceCollection AddEnrichmentDashboard(this IServiceCollection services)
    {
        services.AddHttpContextAccessor();
        services.AddEnrichmentDashboardLogin();
        services.AddSingleton<UploadSpool>();
        services.AddSingleton<Storage.Dashboard.DashboardStore>();
        services.TryAddSingleton<Storage.Suppressions.SuppressionStore>();
        services.AddScoped(sp => new OpsLayout(
            sp.GetRequiredService<IHttpContextAccessor>().HttpContext ?? throw new InvalidOperationException("no request"),
            sp.GetRequiredService<IOptions<ServiceOptions>>().Value.Dashboard,
            sp.GetRequiredService<IAntiforgery>()));
        return services;
    }

    public static WebApplication MapEnrichmentDashboard(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var options = app.Services.GetRequiredService<IOptions<ServiceOptions>>().Value;
        AddMenu();
        app.UseDashboardLoginRedirect();
        app.MapHangfireDashboard(Path, new DashboardOptions
        {
            AsyncAuthorization = [new DashboardAccess(options.Dashboard)],
            IsReadOnlyFunc = context => !DashboardAccess.IsAdmin(context.GetHttpContext(), options.Dashboard),
            DashboardTitle = "Enrichment",
            DisplayStorageConnectionString = false,
        });

        var login = app.MapGroup(OpsRoutes.Root).DisableAntiforgery().ExcludeFromDescription();
        login.MapGet("/login", LoginPage.Get);
        login.MapPost("/login", LoginPage.PostAsync);
        login.MapPost("/logout", LoginPage.LogoutAsync);

        // Antiforgery is checked by the filter on every POST (400 without a valid token), so the framework's own
        // form check is off: one rule, one clear message.
        var ops = app.MapGroup(OpsRoutes.Root).DisableAntiforgery().AddEndpointFilter<OpsAccessFilter>().ExcludeFromDescription();
        ops.MapGet("/", () => Results.Redirect(OpsRoutes.Lists));
        ops.MapGet("/upload", UploadPage.Get);
        ops.MapPost("/upload", UploadPage.PreviewAsync)
            .WithMetadata(new UploadSize(options.MaxUploadBytes))
            .WithFormOptions(multipartBodyLengthLimit: options.MaxUploadBytes);
        ops.MapPost("/upload/start", UploadPage.StartAsync);
        ops.MapGet("/lists", ListsPage.GetAsync);
        ops.MapGet("/lists/{id:long}", (long id, int? rejected_after, int? duplicates_after, OpsLayout layout,
                Storage.Lists.ListStore lists, Storage.Dashboard.DashboardStore dashboard, TimeProvider time, CancellationToken ct) =>
            ListPage.GetAsync(id, rejected_after, duplicates_after, layout, lists, dashboard, time, ct));
        ops.MapGet("/lists/{id:long}/download", ListActions.DownloadAsync);
        ops.MapPost("/lists/{id:long}/cancel", ListActions.CancelAsync);
        ops.MapPost("/lists/{id:long}/retry", ListActions.RetryFailedAsync);
        ops.MapGet("/suppressions", (string? search, OpsLayout layout, Storage.Suppressions.SuppressionStore suppressions, CancellationToken ct) =>
            SuppressionsPage.GetAsync(search, layout, suppressions, ct));
        ops.MapPost("/suppressions", SuppressionsPage.AddAsync);
        ops.MapPost("/suppressions/{id:long}/remove", SuppressionsPage.RemoveAsync);
        ops.MapGet("/keys", (OpsLayout layout, Storage.Dashboard.DashboardStore dashboard, CancellationToken ct) => KeysPage.GetAsync(layout, dashboard, ct));
        ops.MapPost("/keys", KeysPage.CreateAsync);
        ops.MapPost("/keys/{id:long}/revoke", KeysPage.RevokeAsync);
        ops.MapAccountPages();
        return app;
    }

    /// <summary>Hangfire's menu is process-wide (static): added once, however many hosts a test run builds.</summary>
    static void AddMenu()
    {
        lock (MenuLock)
        {
            if (_menuAdded)
                return;
            _menuAdded = true;
            foreach (var (label, route) in new[] { ("Upload", "/ops/upload"), ("Lists", "/ops/lists"), ("Suppressions", "/ops/suppressions"), ("Accounts", "/ops/accounts"), ("API keys", "/ops/keys") })
            {
                NavigationMenu.Items.Add(page => new MenuItem(label, page.Url.To(route))
                {
                    Active = page.RequestPath.StartsWith(route, StringComparison.Ordinal),
                });
            }
        }
    }

    /// <summary>The upload form may be as large as an API upload (the server's 30 MB default would cut it).</summary>
    sealed class UploadSize(long bytes) : IRequestSizeLimitMetadata
    {
        public long? MaxRequestBodySize => bytes;
    }
}

using System.Text.Json;
using Enrichment.Service.Consumers;
using Enrichment.Service.Contacts;
using Enrichment.Service.Accounts;
using Enrichment.Service.Dashboard;
using Enrichment.Service.Events;
using Enrichment.Service.Health;
using Enrichment.Service.Hosting;
using Enrichment.Service.Lists;
using Enrichment.Service.Security;
using Enrichment.Service.Suppressions;
using Enrichment.Service.Verification;

if (args is ["hash-password"])
{
    // For Enrichment:Dashboard:Users:N:PasswordHash: the password comes on stdin, never on the command line.
    Console.WriteLine(DashboardLogin.Hash(Console.ReadLine() ?? ""));
    return;
}

var builder = WebApplication.CreateBuilder(args);
var options = builder.Configuration.GetSection(ServiceOptions.Section).Get<ServiceOptions>() ?? new ServiceOptions();
options.Validate();
var connectionString = await ServiceStartup.ResolveDatabaseAsync(builder.Configuration, options, CancellationToken.None);

builder.Services.Configure<ServiceOptions>(builder.Configuration.GetSection(ServiceOptions.Section));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddProblemDetails();
builder.Services.AddAntiforgery(); // the dashboard's POST buttons check a token only when antiforgery is registered
builder.Services.AddOpenApi();
builder.Services.ConfigureHttpJsonOptions(json => json.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower);
builder.Services.AddEnrichmentStorage(connectionString);
builder.Services.AddEnrichmentJobs();
builder.Services.AddEnrichmentVerification(builder.Configuration);
builder.Services.AddEnrichmentHangfire(connectionString, options, runServer: builder.Configuration.GetValue("Enrichment:RunJobs", true));
builder.Services.AddEnrichmentHealth();
builder.Services.AddEnrichmentDashboard();
builder.Services.AddEnrichmentLeadGen(builder.Configuration, options);

var app = builder.Build();
app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAntiforgery();
app.UseRateLimiter();
app.MapOpenApi();
app.MapEnrichmentHealth();
app.MapEnrichmentDashboard();
app.MapGroup("/api").AddEndpointFilter<ApiKeyFilter>().RequireRateLimiting(RateLimits.Policy)
    .MapLists().MapAccounts().MapContacts().MapConsumers().MapEvents().MapSuppressions();
app.MapEventWebhooks();
app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in the tests.</summary>
public partial class Program;

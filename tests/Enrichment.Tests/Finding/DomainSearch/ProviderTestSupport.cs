using Enrichment.Finding.DomainSearch.Providers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using WireMock;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Enrichment.Tests.Finding.DomainSearch;

internal static class Fixture
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Finding", "DomainSearch", "Fixtures", name));

    public const string HunterPath = "/v2/domain-search";
    public const string TombaPath = "/v1/domain-search";
    public const string HunterKey = "hk_Secret-Key-0123456789";
    public const string TombaKey = "ta_tomba-key-abcdef";
    public const string TombaSecret = "ts_tomba-secret-fedcba";

    /// <summary>A WireMock server on loopback only (its default binds every interface), on a free port.</summary>
    public static WireMockServer StartServer() => WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });

    public static Uri BaseAddress(WireMockServer server) => new(server.Urls[0]);

    public static IResponseBuilder Ok(string fixture) => Status(200, Read(fixture));

    public static IResponseBuilder Status(int status, string body, params (string Name, string Value)[] headers)
    {
        var response = Response.Create().WithStatusCode(status).WithHeader("Content-Type", "application/json").WithBody(body);
        foreach (var (name, value) in headers)
        {
            response = response.WithHeader(name, value);
        }

        return response;
    }

    public static void Map(WireMockServer server, string path, IResponseBuilder response) =>
        server.Given(Request.Create().WithPath(path).UsingGet()).RespondWith(response);

    /// <summary>Answers requests whose query parameter <paramref name="name"/> is <paramref name="value"/>; others get 404.</summary>
    public static void MapParam(WireMockServer server, string path, string name, string value, IResponseBuilder response) =>
        server.Given(Request.Create().WithPath(path).WithParam(name, value).UsingGet()).RespondWith(response);

    /// <summary>Answers in turn with <paramref name="responses"/> (a WireMock scenario); the last one repeats.</summary>
    public static void MapSequence(WireMockServer server, string path, params IResponseBuilder[] responses)
    {
        var scenario = $"{path}-{Guid.NewGuid():N}";
        for (var i = 0; i < responses.Length; i++)
        {
            var step = server.Given(Request.Create().WithPath(path).UsingGet()).InScenario(scenario);
            if (i > 0)
            {
                step = step.WhenStateIs($"step{i}");
            }

            if (i < responses.Length - 1)
            {
                step = step.WillSetStateTo($"step{i + 1}");
            }

            step.RespondWith(responses[i]);
        }
    }

    /// <summary>
    /// Answers only after a long real-time delay: the client's per-attempt timeout (on the manual clock) or the caller's
    /// cancellation ends the attempt long before.
    /// </summary>
    public static void MapHang(WireMockServer server, string path) =>
        Map(server, path, Status(500, "{}").WithDelay(TimeSpan.FromSeconds(5)));

    public static IReadOnlyList<IRequestMessage> Requests(WireMockServer server, string path) =>
        [.. server.LogEntries.Select(e => e.RequestMessage).Where(r => string.Equals(r.Path, path, StringComparison.OrdinalIgnoreCase))];

    public static string Query(IRequestMessage request, string name) => request.Query![name][0];

    public static string Header(IRequestMessage request, string name) =>
        request.Headers!.First(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value[0];

    /// <summary>Options for a stub; no attempt timeout unless given, so the only fake timers are retry delays.</summary>
    public static ProviderOptions Hunter(WireMockServer server, int pageSize = 2, int maxRetries = 3, TimeSpan? timeout = null) => new()
    {
        ApiKey = HunterKey,
        BaseAddress = BaseAddress(server),
        PageSize = pageSize,
        MaxRetries = maxRetries,
        Timeout = timeout ?? Timeout.InfiniteTimeSpan,
        RequestsPerSecond = 1000,
    };

    public static ProviderOptions Tomba(WireMockServer server, int pageSize = 2, int maxRetries = 3, TimeSpan? timeout = null) => new()
    {
        ApiKey = TombaKey,
        ApiSecret = TombaSecret,
        BaseAddress = BaseAddress(server),
        PageSize = pageSize,
        MaxRetries = maxRetries,
        Timeout = timeout ?? Timeout.InfiniteTimeSpan,
        RequestsPerSecond = 1000,
    };

    /// <summary>
    /// The production registration (Refit generated client, resilience handler, rate limiter) for the given providers,
    /// on <paramref name="time"/>; each provider is registered even without credentials, to test the client's refusal.
    /// </summary>
    public static ServiceProvider Providers(TimeProvider time, ProviderOptions? hunter = null, ProviderOptions? tomba = null, ILoggerProvider? logs = null)
    {
        var services = new ServiceCollection().AddSingleton(time);
        if (logs is not null)
        {
            services.AddLogging(b => b.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }

        if (hunter is not null)
        {
            DomainSearchServiceCollectionExtensions.AddHunter(services, hunter);
        }

        if (tomba is not null)
        {
            DomainSearchServiceCollectionExtensions.AddTomba(services, tomba);
        }

        return services.BuildServiceProvider();
    }
}

using Enrichment.Finding.DomainSearch.Providers;
using Enrichment.Testing;

namespace Enrichment.Tests.Finding.DomainSearch;

internal static class Fixture
{
    public static string Read(string name) =>
        File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Finding", "DomainSearch", "Fixtures", name));

    public static StubResponse Ok(string name) => StubResponse.Json(Read(name));

    public static StubResponse Status(int status, string body, params (string Name, string Value)[] headers) =>
        StubResponse.Json(body, status, headers.ToDictionary(h => h.Name, h => h.Value));

    public const string HunterPath = "/v2/domain-search";
    public const string TombaPath = "/v1/domain-search";
    public const string HunterKey = "hk_Secret-Key-0123456789";
    public const string TombaKey = "ta_tomba-key-abcdef";
    public const string TombaSecret = "ts_tomba-secret-fedcba";

    /// <summary>Options for a stub; no attempt timeout unless given, so the only fake timers are retry delays.</summary>
    public static ProviderOptions Hunter(StubHttpServer server, int pageSize = 2, int maxRetries = 3, TimeSpan? timeout = null) => new()
    {
        ApiKey = HunterKey,
        BaseAddress = server.BaseAddress,
        PageSize = pageSize,
        MaxRetries = maxRetries,
        Timeout = timeout ?? Timeout.InfiniteTimeSpan,
        RequestsPerSecond = 1000,
    };

    public static ProviderOptions Tomba(StubHttpServer server, int pageSize = 2, int maxRetries = 3, TimeSpan? timeout = null) => new()
    {
        ApiKey = TombaKey,
        ApiSecret = TombaSecret,
        BaseAddress = server.BaseAddress,
        PageSize = pageSize,
        MaxRetries = maxRetries,
        Timeout = timeout ?? Timeout.InfiniteTimeSpan,
        RequestsPerSecond = 1000,
    };
}

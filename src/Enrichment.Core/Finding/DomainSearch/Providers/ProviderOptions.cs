namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>Settings for one provider API client.</summary>
public sealed record ProviderOptions
{
    /// <summary>Hunter's public API root (https://hunter.io/api-documentation/v2).</summary>
    public static readonly Uri HunterBaseAddress = new("https://api.hunter.io/");

    /// <summary>Tomba's public API root (https://docs.tomba.io/api).</summary>
    public static readonly Uri TombaBaseAddress = new("https://api.tomba.io/");

    /// <summary>The API key. Never logged; redacted from every error text.</summary>
    public string? ApiKey { get; init; }

    /// <summary>Tomba's second credential (sent as X-Tomba-Secret alongside X-Tomba-Key). Never logged.</summary>
    public string? ApiSecret { get; init; }

    public required Uri BaseAddress { get; init; }

    /// <summary>Per-attempt timeout; <see cref="System.Threading.Timeout.InfiniteTimeSpan"/> disables it.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(15);

    /// <summary>Retries after the first attempt for transient failures (429, 5xx, connection errors, timeouts).</summary>
    public int MaxRetries { get; init; } = 3;

    /// <summary>Client-side pacing, shared by every request this client makes.</summary>
    public double RequestsPerSecond { get; init; } = 5;

    /// <summary>Addresses asked for per page (Hunter "limit", Tomba "limit": 10, 20 or 50).</summary>
    public int PageSize { get; init; } = 10;

    /// <summary>Upper bound on pages fetched per domain; every page costs credits.</summary>
    public int MaxPages { get; init; } = 10;

    public bool Enabled { get; init; } = true;

    /// <summary>The longest Retry-After we wait for; a longer one ends the search as "rate_limited".</summary>
    public TimeSpan MaxRetryAfter { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>First backoff delay when the server gives no Retry-After (exponential with jitter after that).</summary>
    public TimeSpan BaseRetryDelay { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Keys and secrets must never reach a log: the compiler-generated ToString would print them.</summary>
    public override string ToString() =>
        $"ProviderOptions {{ BaseAddress = {BaseAddress}, Enabled = {Enabled}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")} }}";
}

/// <summary>Which provider APIs domain search uses.</summary>
public sealed record DomainSearchOptions
{
    public const string HunterApiKeyVariable = "ENRICHMENT_HUNTER_API_KEY";
    public const string TombaApiKeyVariable = "ENRICHMENT_TOMBA_API_KEY";
    public const string TombaApiSecretVariable = "ENRICHMENT_TOMBA_API_SECRET";

    /// <summary>Optional override of Hunter's API root, e.g. for a local stub.</summary>
    public const string HunterBaseUrlVariable = "ENRICHMENT_HUNTER_BASE_URL";

    /// <summary>Optional override of Tomba's API root, e.g. for a local stub.</summary>
    public const string TombaBaseUrlVariable = "ENRICHMENT_TOMBA_BASE_URL";

    public ProviderOptions? Hunter { get; init; }

    public ProviderOptions? Tomba { get; init; }

    /// <summary>
    /// Reads provider credentials from the environment. A provider whose credentials are absent is left null
    /// (not configured); Tomba needs both key and secret.
    /// </summary>
    public static DomainSearchOptions FromEnvironment(Func<string, string?> getenv)
    {
        ArgumentNullException.ThrowIfNull(getenv);
        string? Read(string name) => getenv(name) is { } v && !string.IsNullOrWhiteSpace(v) ? v.Trim() : null;
        Uri BaseOr(string name, Uri fallback) =>
            Read(name) is { } url && Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri : fallback;

        var hunterKey = Read(HunterApiKeyVariable);
        var tombaKey = Read(TombaApiKeyVariable);
        var tombaSecret = Read(TombaApiSecretVariable);
        return new DomainSearchOptions
        {
            Hunter = hunterKey is null ? null : new ProviderOptions
            {
                ApiKey = hunterKey,
                BaseAddress = BaseOr(HunterBaseUrlVariable, ProviderOptions.HunterBaseAddress),
            },
            Tomba = tombaKey is null || tombaSecret is null ? null : new ProviderOptions
            {
                ApiKey = tombaKey,
                ApiSecret = tombaSecret,
                BaseAddress = BaseOr(TombaBaseUrlVariable, ProviderOptions.TombaBaseAddress),
            },
        };
    }
}

using Enrichment.Finding.DomainSearch.Providers;

namespace Enrichment.Service.Finding;

/// <summary>
/// One provider under "Enrichment:DomainSearch" (Hunter or Tomba), bound from appsettings.json and the environment
/// (<c>Enrichment__DomainSearch__Hunter__ApiKey</c>). Null values keep Core's defaults. The key and secret never reach
/// a log: <see cref="ToString"/> hides them.
/// </summary>
public sealed class ProviderSettings
{
    public bool Enabled { get; set; } = true;

    public string? ApiKey { get; set; }

    /// <summary>Tomba's second credential (X-Tomba-Secret).</summary>
    public string? ApiSecret { get; set; }

    /// <summary>The API root; empty: the provider's public API.</summary>
    public Uri? BaseAddress { get; set; }

    public TimeSpan? Timeout { get; set; }

    public int? MaxRetries { get; set; }

    public double? RequestsPerSecond { get; set; }

    public int? PageSize { get; set; }

    public int? MaxPages { get; set; }

    public TimeSpan? MaxRetryAfter { get; set; }

    /// <summary>Core's options for the client, or null when the provider is switched off or lacks credentials.</summary>
    public ProviderOptions? ToOptions(Uri publicApi, bool needsSecret)
    {
        if (!Enabled || string.IsNullOrWhiteSpace(ApiKey) || (needsSecret && string.IsNullOrWhiteSpace(ApiSecret)))
            return null;
        var defaults = new ProviderOptions { BaseAddress = publicApi };
        return defaults with
        {
            ApiKey = ApiKey.Trim(),
            ApiSecret = ApiSecret?.Trim(),
            BaseAddress = BaseAddress ?? publicApi,
            Timeout = Timeout ?? defaults.Timeout,
            MaxRetries = MaxRetries ?? defaults.MaxRetries,
            RequestsPerSecond = RequestsPerSecond ?? defaults.RequestsPerSecond,
            PageSize = PageSize ?? defaults.PageSize,
            MaxPages = MaxPages ?? defaults.MaxPages,
            MaxRetryAfter = MaxRetryAfter ?? defaults.MaxRetryAfter,
        };
    }

    public override string ToString() =>
        $"ProviderSettings {{ Enabled = {Enabled}, BaseAddress = {BaseAddress?.ToString() ?? "(public API)"}, ApiKey = {(string.IsNullOrEmpty(ApiKey) ? "(none)" : "***")} }}";
}

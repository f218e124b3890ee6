using Enrichment.Finding.DomainSearch.Providers;

namespace Enrichment.Service.Finding;

/// <summary>
/// The "Enrichment:DomainSearch" section: which provider APIs the finder stage asks for a domain's people before it
/// guesses. A provider without a key is not used. Keys set only in the CLI's variables (ENRICHMENT_HUNTER_API_KEY,
/// ENRICHMENT_TOMBA_API_KEY, ENRICHMENT_TOMBA_API_SECRET) count too, so one environment serves both.
/// </summary>
public sealed class DomainSearchSettings
{
    public const string Section = "Enrichment:DomainSearch";

    public ProviderSettings Hunter { get; set; } = new();

    public ProviderSettings Tomba { get; set; } = new();

    /// <summary>Core's options: this section first, the CLI's environment variables for what it leaves empty.</summary>
    public DomainSearchOptions ToOptions(Func<string, string?> getenv)
    {
        ArgumentNullException.ThrowIfNull(getenv);
        var cli = DomainSearchOptions.FromEnvironment(getenv);
        if (string.IsNullOrWhiteSpace(Hunter.ApiKey) && cli.Hunter is { } hunter)
            Hunter.ApiKey = hunter.ApiKey;
        if (string.IsNullOrWhiteSpace(Tomba.ApiKey) && string.IsNullOrWhiteSpace(Tomba.ApiSecret) && cli.Tomba is { } tomba)
        {
            Tomba.ApiKey = tomba.ApiKey;
            Tomba.ApiSecret = tomba.ApiSecret;
        }

        return new DomainSearchOptions
        {
            Hunter = Hunter.ToOptions(ProviderOptions.HunterBaseAddress, needsSecret: false),
            Tomba = Tomba.ToOptions(ProviderOptions.TombaBaseAddress, needsSecret: true),
        };
    }

    public void Validate()
    {
        foreach (var (name, provider) in new[] { ("Hunter", Hunter), ("Tomba", Tomba) })
        {
            if (provider.BaseAddress is { IsAbsoluteUri: false } or { Scheme: not ("http" or "https") })
                throw new InvalidOperationException($"{Section}:{name}:BaseAddress must be an absolute http(s) URL");
            if (provider.RequestsPerSecond is <= 0 || provider.MaxRetries is < 0 || provider.MaxPages is < 1 || provider.PageSize is < 1)
                throw new InvalidOperationException($"{Section}:{name}: RequestsPerSecond must be positive, MaxRetries not negative, MaxPages and PageSize at least 1");
        }
    }
}

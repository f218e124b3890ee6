namespace Enrichment.Service.Security;

/// <summary><c>Enrichment:RateLimit</c>: requests per API key per window (a fixed window); over it, 429 with Retry-After.</summary>
public sealed class RateLimitOptions
{
    public const string Section = "Enrichment:RateLimit";

    public int PermitLimit { get; set; } = 1200;

    public TimeSpan Window { get; set; } = TimeSpan.FromMinutes(1);

    public void Validate()
    {
        if (PermitLimit < 1)
            throw new InvalidOperationException($"{Section}:PermitLimit must be at least 1");
        if (Window < TimeSpan.FromSeconds(1))
            throw new InvalidOperationException($"{Section}:Window must be at least 1 s");
    }
}

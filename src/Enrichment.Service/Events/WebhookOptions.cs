namespace Enrichment.Service.Events;

/// <summary>
/// <c>Enrichment:Webhooks</c>: one shared secret per sender (<c>Sources:outreach:Secret</c> …, from the environment
/// or a secrets store, never the repository) and how far a signed timestamp may be from now.
/// </summary>
public sealed class WebhookOptions
{
    public const string Section = "Enrichment:Webhooks";

    public TimeSpan Tolerance { get; set; } = TimeSpan.FromMinutes(5);

    public Dictionary<string, WebhookSource> Sources { get; set; } = new(StringComparer.OrdinalIgnoreCase);

    public void Validate()
    {
        if (Tolerance <= TimeSpan.Zero || Tolerance > TimeSpan.FromHours(1))
            throw new InvalidOperationException($"{Section}:Tolerance must be between 0 and 1 hour");
        foreach (var (name, source) in Sources)
        {
            if (source.Secret is not { Length: >= 16 })
                throw new InvalidOperationException($"{Section}:Sources:{name}:Secret must be at least 16 characters");
            if (Webhooks.WebhookSchemes.For(name, source.Scheme) is null)
                throw new InvalidOperationException($"{Section}:Sources:{name}:Scheme \"{source.Scheme}\" is not one of {string.Join(", ", Webhooks.WebhookSchemes.Names)}");
        }
    }
}

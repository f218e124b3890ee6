namespace Enrichment.Service.Events.Webhooks;

/// <summary>The dialects we read, by name; a source whose name is one of them speaks it unless configured otherwise.</summary>
public static class WebhookSchemes
{
    static readonly Dictionary<string, IWebhookScheme> ByName = new IWebhookScheme[]
    {
        new GenericScheme(), new OutreachScheme(), new SalesloftScheme(), new SendGridScheme(), new MailgunScheme(), new PostmarkScheme(),
    }.ToDictionary(s => s.Name, StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyCollection<string> Names => ByName.Keys;

    /// <summary>The configured scheme, else the one named like the source, else generic; null for an unknown configured name.</summary>
    public static IWebhookScheme? For(string source, string? configured)
    {
        if (configured is { Length: > 0 })
            return ByName.GetValueOrDefault(configured);
        return ByName.GetValueOrDefault(source) ?? ByName["generic"];
    }
}

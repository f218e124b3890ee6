namespace Enrichment.Service.Events.Webhooks;

/// <summary>
/// One sender's webhook dialect: how it proves a delivery is authentic (its documented signature) and how its
/// events read in our vocabulary. Both pure: the endpoint does the I/O.
/// </summary>
public interface IWebhookScheme
{
    /// <summary>The name used in <c>Enrichment:Webhooks:Sources:{source}:Scheme</c>.</summary>
    string Name { get; }

    /// <summary>Null when the request is authentic (and fresh, where the sender signs a time); otherwise why not.</summary>
    string? Authenticate(WebhookRequest request, string secret, DateTimeOffset now, TimeSpan tolerance);

    WebhookPayload Read(WebhookRequest request);
}

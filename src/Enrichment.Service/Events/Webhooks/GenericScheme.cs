namespace Enrichment.Service.Events.Webhooks;

/// <summary>
/// Our own dialect, for senders without one (a CRM, a script): the body of POST /api/events, signed as
/// <see cref="WebhookSignature"/> describes (HMAC-SHA256 of "{timestamp}.{body}", timestamp within the tolerance).
/// </summary>
public sealed class GenericScheme : IWebhookScheme
{
    public string Name => "generic";

    public string? Authenticate(WebhookRequest request, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(request);
        return WebhookSignature.Check(secret, request.Header(WebhookSignature.TimestampHeader), request.Header(WebhookSignature.SignatureHeader),
            request.Body, now, tolerance);
    }

    public WebhookPayload Read(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (inputs, error) = EventBatch.Read(request.Body);
        return error is null ? new WebhookPayload(inputs, []) : WebhookPayload.Failed(error);
    }
}

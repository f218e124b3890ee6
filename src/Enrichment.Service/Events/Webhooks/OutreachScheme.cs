using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Enrichment.Service.Events.Webhooks;

/// <summary>
/// Outreach (developers.outreach.io, "Webhooks"): a JSON:API body <c>{"data": {"type", "id", "attributes",
/// "relationships"}, "meta": {"eventName": "emailAddress.updated", "deliveredAt"}}</c>, signed in
/// <c>Outreach-Webhook-Signature</c> as the hex HMAC-SHA256 of the raw body with the webhook's secret. Outreach signs
/// no timestamp, so there is no replay window to check; every event we take is idempotent in effect (suppression,
/// undeliverable) except the soft-bounce count.
/// <para>
/// What we act on: <c>emailAddress.*</c> (attributes <c>email</c>, <c>status</c>, <c>unsubscribedAt</c>): a status
/// naming a bounce is a hard bounce, an unsubscribedAt an unsubscribe; <c>prospect.*</c> with <c>optedOut: true</c>:
/// an unsubscribe of each of its <c>emails</c>. A <c>mailing.bounced</c> carries no recipient address (only a
/// prospect relationship), so it is ignored with that reason: subscribe to <c>emailAddress.updated</c> instead.
/// </para>
/// </summary>
public sealed class OutreachScheme : IWebhookScheme
{
    public const string SignatureHeader = "Outreach-Webhook-Signature";

    public string Name => "outreach";

    public string? Authenticate(WebhookRequest request, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secret);
        var presented = request.Header(SignatureHeader);
        if (string.IsNullOrEmpty(presented))
            return $"{SignatureHeader} is missing";
        return WebhookJson.HexMatches(Sign(secret, request.Body), presented) ? null : $"{SignatureHeader} does not match the body (hex HMAC-SHA256 with the webhook's secret)";
    }

    public static byte[] Sign(string secret, ReadOnlySpan<byte> body) => HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);

    public WebhookPayload Read(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (document, error) = WebhookJson.Parse(request.Body);
        if (document is null)
            return WebhookPayload.Failed(error!);
        using (document)
        {
            var root = document.RootElement;
            var eventName = WebhookJson.Text(root, "meta", "eventName");
            if (eventName is null || WebhookJson.At(root, "data") is not { ValueKind: JsonValueKind.Object } data)
                return WebhookPayload.Failed("An Outreach delivery has data and meta.eventName (JSON:API); this body has not.");
            var attributes = WebhookJson.At(data, "attributes") ?? default;
            var resource = eventName.Split('.')[0];
            var when = WebhookJson.Text(root, "meta", "deliveredAt");
            switch (resource)
            {
                case "emailAddress":
                {
                    var email = WebhookJson.Text(attributes, "email");
                    var events = new List<EventInput>();
                    if (WebhookJson.Text(attributes, "status") is { } status && status.Contains("bounce", StringComparison.OrdinalIgnoreCase))
                        events.Add(EventInput.Bounce(email, hard: true, WebhookJson.Text(attributes, "statusChangedAt") ?? when, $"outreach {eventName}: status {status}"));
                    if (WebhookJson.Text(attributes, "unsubscribedAt") is { } unsubscribedAt)
                        events.Add(EventInput.Of("unsubscribe", email, unsubscribedAt, $"outreach {eventName}"));
                    return events.Count > 0 ? new WebhookPayload(events, []) : new WebhookPayload([], [$"{eventName}: no bounce status and no unsubscribedAt"]);
                }

                case "prospect" when WebhookJson.IsTrue(attributes, "optedOut"):
                {
                    var emails = WebhookJson.At(attributes, "emails") is { ValueKind: JsonValueKind.Array } list
                        ? list.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()).ToList()
                        : [];
                    if (emails.Count == 0)
                        return new WebhookPayload([], [$"{eventName}: optedOut but no emails in the attributes"]);
                    var at = WebhookJson.Text(attributes, "optedOutAt") ?? when;
                    return new WebhookPayload([.. emails.Select(e => EventInput.Of("unsubscribe", e, at, $"outreach {eventName}: opted out"))], []);
                }

                case "mailing":
                    return new WebhookPayload([], [$"{eventName}: a mailing carries no recipient address; subscribe to emailAddress.updated"]);
                default:
                    return new WebhookPayload([], [$"{eventName}: not feedback we act on"]);
            }
        }
    }
}

using System.Security.Cryptography;
using System.Text;

namespace Enrichment.Service.Events.Webhooks;

/// <summary>
/// Salesloft (developers.salesloft.com, "Delivery Headers"): the event type in <c>x-salesloft-event</c>, and
/// <c>x-salesloft-signature</c> = the hex HMAC-SHA1 of the raw body keyed with the subscription's
/// <c>callback_token</c>. The body is the resource itself. No timestamp is signed (no replay window to check).
/// <para>
/// What we act on: <c>email_updated</c> (an email activity) with <c>bounced: true</c> or status "bounced": a hard
/// bounce of <c>recipient_email_address</c>; <c>person_created</c>/<c>person_updated</c> with
/// <c>do_not_contact: true</c>: an unsubscribe of <c>email_address</c>. Everything else is ignored, by name.
/// </para>
/// </summary>
public sealed class SalesloftScheme : IWebhookScheme
{
    public const string SignatureHeader = "x-salesloft-signature";
    public const string EventHeader = "x-salesloft-event";

    public string Name => "salesloft";

    public string? Authenticate(WebhookRequest request, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secret);
        var presented = request.Header(SignatureHeader);
        if (string.IsNullOrEmpty(presented))
            return $"{SignatureHeader} is missing";
        return WebhookJson.HexMatches(Sign(secret, request.Body), presented) ? null : $"{SignatureHeader} does not match the body (hex HMAC-SHA1 with the callback token)";
    }

    // SHA-1 because that is what Salesloft signs with; as an HMAC it is not open to SHA-1's collision attacks.
#pragma warning disable CA5350
    public static byte[] Sign(string secret, ReadOnlySpan<byte> body) => HMACSHA1.HashData(Encoding.UTF8.GetBytes(secret), body);
#pragma warning restore CA5350

    public WebhookPayload Read(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var eventType = request.Header(EventHeader);
        if (string.IsNullOrEmpty(eventType))
            return WebhookPayload.Failed($"{EventHeader} is missing: Salesloft names the event type there.");
        var (document, error) = WebhookJson.Parse(request.Body);
        if (document is null)
            return WebhookPayload.Failed(error!);
        using (document)
        {
            var body = document.RootElement;
            switch (eventType)
            {
                case "email_updated" when WebhookJson.IsTrue(body, "bounced") || string.Equals(WebhookJson.Text(body, "status"), "bounced", StringComparison.OrdinalIgnoreCase):
                    return new WebhookPayload([EventInput.Bounce(WebhookJson.Text(body, "recipient_email_address"), hard: true,
                        WebhookJson.Text(body, "updated_at"), "salesloft email_updated: bounced")], []);
                case "person_created" or "person_updated" when WebhookJson.IsTrue(body, "do_not_contact"):
                    return new WebhookPayload([EventInput.Of("unsubscribe", WebhookJson.Text(body, "email_address"),
                        WebhookJson.Text(body, "updated_at"), $"salesloft {eventType}: do_not_contact")], []);
                default:
                    return new WebhookPayload([], [$"{eventType}: not a bounce or a do-not-contact"]);
            }
        }
    }
}

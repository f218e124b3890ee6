using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Enrichment.Service.Events.Webhooks;

/// <summary>
/// Mailgun (documentation.mailgun.com, "Securing Webhooks"): the signature travels in the body,
/// <c>{"signature": {"timestamp", "token", "signature"}, "event-data": {...}}</c>; <c>signature</c> is the hex
/// HMAC-SHA256 of timestamp + token keyed with the HTTP webhook signing key. The timestamp must be within the
/// tolerance (Mailgun advises caching tokens as well; we rely on the window and on events being idempotent).
/// <para>
/// event-data: <c>failed</c> with severity permanent → hard bounce, temporary → soft; <c>complained</c> → complaint;
/// <c>unsubscribed</c> → unsubscribe, for <c>recipient</c>; delivered, opened, clicked … ignored.
/// </para>
/// </summary>
public sealed class MailgunScheme : IWebhookScheme
{
    public string Name => "mailgun";

    public string? Authenticate(WebhookRequest request, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secret);
        var (document, error) = WebhookJson.Parse(request.Body);
        if (document is null)
            return error;
        using (document)
        {
            var timestamp = WebhookJson.Text(document.RootElement, "signature", "timestamp");
            var token = WebhookJson.Text(document.RootElement, "signature", "token");
            var signature = WebhookJson.Text(document.RootElement, "signature", "signature");
            if (timestamp is null || token is null || signature is null)
                return "signature.timestamp, signature.token and signature.signature are required in a Mailgun body";
            if (!WebhookJson.HexMatches(Sign(secret, timestamp, token), signature))
                return "signature.signature does not match (hex HMAC-SHA256 of timestamp + token with the signing key)";
            if (!long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
                return "signature.timestamp is not Unix seconds";
            var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799));
            return age > tolerance || age < -tolerance ? $"timestamp is {Math.Abs(age.TotalSeconds):F0} s away from now (tolerance {tolerance.TotalSeconds:F0} s)" : null;
        }
    }

    public static byte[] Sign(string signingKey, string timestamp, string token) =>
        HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.UTF8.GetBytes(timestamp + token));

    public WebhookPayload Read(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (document, error) = WebhookJson.Parse(request.Body);
        if (document is null)
            return WebhookPayload.Failed(error!);
        using (document)
        {
            if (WebhookJson.At(document.RootElement, "event-data") is not { ValueKind: JsonValueKind.Object } data)
                return WebhookPayload.Failed("A Mailgun webhook body has an event-data object.");
            var name = WebhookJson.Text(data, "event");
            var email = WebhookJson.Text(data, "recipient");
            var at = WebhookJson.UnixToIso(WebhookJson.Text(data, "timestamp"));
            var detail = WebhookJson.Text(data, "delivery-status", "description") is { Length: > 0 } d ? d : WebhookJson.Text(data, "delivery-status", "message");
            return name switch
            {
                "failed" => new WebhookPayload([EventInput.Bounce(email, hard: WebhookJson.Text(data, "severity") != "temporary", at,
                    $"mailgun failed ({WebhookJson.Text(data, "severity")}, {WebhookJson.Text(data, "reason")}): {detail}")], []),
                "complained" => new WebhookPayload([EventInput.Of("complaint", email, at, "mailgun complained")], []),
                "unsubscribed" => new WebhookPayload([EventInput.Of("unsubscribe", email, at, "mailgun unsubscribed")], []),
                _ => new WebhookPayload([], [$"{name ?? "(no event)"}: not a failure, complaint or unsubscribe"]),
            };
        }
    }
}

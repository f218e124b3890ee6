using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Enrichment.Service.Events.Webhooks;

/// <summary>
/// SendGrid's Event Webhook (Twilio SendGrid docs, "Event Webhook Security Features"): a JSON array of events
/// (<c>email</c>, <c>event</c>, <c>timestamp</c> in Unix seconds, for bounces <c>type</c> bounce|blocked and
/// <c>reason</c>). SendGrid signs with ECDSA, not an HMAC: <c>X-Twilio-Email-Event-Webhook-Signature</c> is the
/// base64 (DER) ECDSA P-256/SHA-256 signature of "{timestamp}{raw body}", the timestamp in
/// <c>X-Twilio-Email-Event-Webhook-Timestamp</c>. The configured secret is the verification key SendGrid shows
/// (base64 of the public key), so nothing secret needs to be stored for this sender.
/// <para>
/// bounce → hard bounce (type "blocked": soft, the receiver refused for now); spamreport → complaint;
/// unsubscribe, group_unsubscribe → unsubscribe; processed, delivered, deferred, dropped, open, click … ignored.
/// </para>
/// </summary>
public sealed class SendGridScheme : IWebhookScheme
{
    public const string SignatureHeader = "X-Twilio-Email-Event-Webhook-Signature";
    public const string TimestampHeader = "X-Twilio-Email-Event-Webhook-Timestamp";

    public string Name => "sendgrid";

    public string? Authenticate(WebhookRequest request, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secret);
        var timestamp = request.Header(TimestampHeader);
        var signature = request.Header(SignatureHeader);
        if (string.IsNullOrEmpty(timestamp) || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            return $"{TimestampHeader} is missing or not Unix seconds";
        if (string.IsNullOrEmpty(signature))
            return $"{SignatureHeader} is missing";
        byte[] signatureBytes;
        try
        {
            signatureBytes = Convert.FromBase64String(signature);
        }
        catch (FormatException)
        {
            return $"{SignatureHeader} is not base64";
        }

        using var key = ECDsa.Create();
        try
        {
            key.ImportSubjectPublicKeyInfo(Convert.FromBase64String(secret), out _);
        }
        catch (Exception e) when (e is FormatException or CryptographicException)
        {
            // A configuration fault, not the sender's: say so without echoing the key.
            return "the configured SendGrid verification key is not a base64 public key";
        }

        var signed = Encoding.ASCII.GetBytes(timestamp).Concat(request.Body).ToArray();
        if (!key.VerifyData(signed, signatureBytes, HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence))
            return "signature does not verify with the configured SendGrid verification key";
        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Min(seconds, 253402300799));
        return age > tolerance || age < -tolerance ? $"timestamp is {Math.Abs(age.TotalSeconds):F0} s away from now (tolerance {tolerance.TotalSeconds:F0} s)" : null;
    }

    public WebhookPayload Read(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (document, error) = WebhookJson.Parse(request.Body);
        if (document is null)
            return WebhookPayload.Failed(error!);
        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Array)
                return WebhookPayload.Failed("A SendGrid Event Webhook body is a JSON array of events.");
            var events = new List<EventInput>();
            var ignored = new List<string>();
            foreach (var item in document.RootElement.EnumerateArray())
            {
                var name = WebhookJson.Text(item, "event");
                var email = WebhookJson.Text(item, "email");
                var at = WebhookJson.UnixToIso(WebhookJson.Text(item, "timestamp"));
                var reason = WebhookJson.Text(item, "reason");
                switch (name)
                {
                    case "bounce":
                        events.Add(EventInput.Bounce(email, hard: WebhookJson.Text(item, "type") != "blocked", at, $"sendgrid bounce: {reason}".TrimEnd(' ', ':')));
                        break;
                    case "spamreport": events.Add(EventInput.Of("complaint", email, at, "sendgrid spamreport")); break;
                    case "unsubscribe" or "group_unsubscribe": events.Add(EventInput.Of("unsubscribe", email, at, $"sendgrid {name}")); break;
                    default: ignored.Add($"{name ?? "(no event)"}: not a bounce, complaint or unsubscribe"); break;
                }
            }

            return new WebhookPayload(events, ignored);
        }
    }
}

using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Enrichment.Service.Events.Webhooks;

/// <summary>
/// Postmark (postmarkapp.com developer docs, "Webhooks"): Postmark signs nothing; it protects a webhook with HTTP
/// Basic credentials put in the webhook URL, so the configured secret is "user:password" and the request must carry
/// it in <c>Authorization: Basic</c> (compared in constant time). One record per request, by <c>RecordType</c>:
/// <para>
/// <c>Bounce</c>: Type HardBounce or BadEmailAddress → hard bounce; SoftBounce, Transient, DnsError, InboxFull →
/// soft; SpamComplaint → complaint; Unsubscribe → unsubscribe; the rest (AutoResponder, Blocked …) ignored.
/// <c>SpamComplaint</c> → complaint. <c>SubscriptionChange</c> with SuppressSending true → unsubscribe of
/// <c>Recipient</c>. Delivery, Open, Click ignored.
/// </para>
/// </summary>
public sealed class PostmarkScheme : IWebhookScheme
{
    public string Name => "postmark";

    public string? Authenticate(WebhookRequest request, string secret, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(request);
        ArgumentNullException.ThrowIfNull(secret);
        var header = request.Header("Authorization");
        if (header is null || !header.StartsWith("Basic ", StringComparison.OrdinalIgnoreCase))
            return "Authorization: Basic is missing (Postmark sends the credentials put in the webhook URL)";
        byte[] presented;
        try
        {
            presented = Convert.FromBase64String(header[6..].Trim());
        }
        catch (FormatException)
        {
            return "Authorization: Basic is not base64";
        }

        // Hash both sides first so the comparison takes the same time whatever the lengths.
        return CryptographicOperations.FixedTimeEquals(SHA256.HashData(presented), SHA256.HashData(Encoding.UTF8.GetBytes(secret)))
            ? null : "Authorization: Basic credentials do not match";
    }

    public WebhookPayload Read(WebhookRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var (document, error) = WebhookJson.Parse(request.Body);
        if (document is null)
            return WebhookPayload.Failed(error!);
        using (document)
        {
            var record = document.RootElement;
            if (record.ValueKind != JsonValueKind.Object || WebhookJson.Text(record, "RecordType") is not { } recordType)
                return WebhookPayload.Failed("A Postmark webhook body is one object with a RecordType.");
            var email = WebhookJson.Text(record, "Email");
            var at = WebhookJson.Text(record, "BouncedAt");
            switch (recordType)
            {
                case "Bounce":
                    var type = WebhookJson.Text(record, "Type");
                    var detail = $"postmark {type}: {WebhookJson.Text(record, "Description")}";
                    return type switch
                    {
                        "HardBounce" or "BadEmailAddress" => new WebhookPayload([EventInput.Bounce(email, hard: true, at, detail)], []),
                        "SoftBounce" or "Transient" or "DnsError" or "InboxFull" => new WebhookPayload([EventInput.Bounce(email, hard: false, at, detail)], []),
                        "SpamComplaint" => new WebhookPayload([EventInput.Of("complaint", email, at, detail)], []),
                        "Unsubscribe" => new WebhookPayload([EventInput.Of("unsubscribe", email, at, detail)], []),
                        _ => new WebhookPayload([], [$"Bounce {type}: not a delivery failure of the address"]),
                    };
                case "SpamComplaint":
                    return new WebhookPayload([EventInput.Of("complaint", email, at, "postmark SpamComplaint")], []);
                case "SubscriptionChange" when WebhookJson.IsTrue(record, "SuppressSending"):
                    return new WebhookPayload([EventInput.Of("unsubscribe", WebhookJson.Text(record, "Recipient"), WebhookJson.Text(record, "ChangedAt"),
                        $"postmark SubscriptionChange: {WebhookJson.Text(record, "SuppressionReason")}")], []);
                default:
                    return new WebhookPayload([], [$"{recordType}: not a bounce, complaint or unsubscribe"]);
            }
        }
    }
}

namespace Enrichment.Service.Events;

/// <summary>
/// One webhook sender: its shared secret (for SendGrid the verification public key, for Postmark "user:password") and
/// the dialect it speaks (<see cref="Webhooks.WebhookSchemes"/>; default: the one named like the source, else generic).
/// </summary>
public sealed class WebhookSource
{
    public string? Secret { get; set; }

    public string? Scheme { get; set; }
}

namespace Enrichment.Service.Events;

/// <summary>One webhook sender (Outreach, Salesloft …) and its shared signing secret.</summary>
public sealed class WebhookSource
{
    public string? Secret { get; set; }
}

namespace Enrichment.Service.Events.Webhooks;

/// <summary>
/// A sender's body translated into our events. <paramref name="Ignored"/> names what was not feedback we act on
/// (an opened mail, a delivered one), counted so the sender gets a 2xx and does not retry; <paramref name="Error"/>
/// says why the body could not be read at all.
/// </summary>
public sealed record WebhookPayload(IReadOnlyList<EventInput> Events, IReadOnlyList<string> Ignored, string? Error = null)
{
    public static WebhookPayload Failed(string error) => new([], [], error);
}

namespace Enrichment.Service.Events.Webhooks;

/// <summary>What a scheme may look at: the raw body (signatures cover its exact bytes) and the request's headers.</summary>
public sealed record WebhookRequest(byte[] Body, Func<string, string?> Header);

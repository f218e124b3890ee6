namespace Enrichment.Storage.Callbacks;

/// <summary>A list-complete callback waiting in the outbox.</summary>
public sealed class PendingCallback
{
    public long Id { get; init; }
    public long ListId { get; init; }
    public string Url { get; init; } = "";
    public string Body { get; init; } = "";
    public int Attempts { get; init; }
    public DateTime? DeliveredAt { get; init; }
    public string? CallbackSecret { get; init; }
}

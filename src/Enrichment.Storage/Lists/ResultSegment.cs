namespace Enrichment.Storage.Lists;

/// <summary>The download segments of GET /api/lists/{id}/results.</summary>
public enum ResultSegment
{
    All,
    Deliverable,
    DeliverableRisky,
    Undeliverable,
    Unknown,
    Rejected,
}

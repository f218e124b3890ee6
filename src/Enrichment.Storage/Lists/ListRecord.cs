namespace Enrichment.Storage.Lists;

/// <summary>A row of lists: state, counters kept up to date by the jobs, the import report and summary as JSON.</summary>
public sealed class ListRecord
{
    public long Id { get; init; }
    public long? ApiKeyId { get; init; }
    public string Name { get; init; } = "";
    public string? FileName { get; init; }
    public string State { get; init; } = "";
    public string? CallbackUrl { get; init; }
    public string[] Header { get; init; } = [];
    public string? ImportReport { get; init; }
    public string? Summary { get; init; }
    public string? Error { get; init; }
    public int RowsTotal { get; init; }
    public int RowsRejected { get; init; }
    public int RowsDuplicate { get; init; }
    public int RowsToFind { get; init; }
    public int RowsSettled { get; init; }
    public int DomainsTotal { get; init; }
    public int DomainsPending { get; init; }
    public int CountDeliverable { get; init; }
    public int CountRisky { get; init; }
    public int CountUndeliverable { get; init; }
    public int CountUnknown { get; init; }
    public int CountNotFound { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    public DateTime UpdatedAt { get; init; }

    /// <summary>Rows that will get a verdict (accepted rows).</summary>
    public int RowsToSettle => RowsTotal - RowsRejected;
}

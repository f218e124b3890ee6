namespace Enrichment.Storage.Lists;

/// <summary>
/// What an upload stored, counted while its rows go by, so that finishing the import does not scan the rows it has
/// just written (on 1,000,000 rows the counting scan and the per-domain GROUP BY cost more than a second each).
/// The same definitions as the counting SQL of <see cref="ListStore.FinishImportAsync(long, IReadOnlyList{string}, string, CancellationToken)"/>.
/// </summary>
public sealed class ListRowTally
{
    /// <summary>
    /// Distinct domains kept in memory at most (a few tens of MB); a list with more is planned in SQL instead, so
    /// memory stays bounded whatever the file holds.
    /// </summary>
    public const int MaxDomains = 200_000;

    Dictionary<string, int>? _domains = new(StringComparer.Ordinal);

    public int Total { get; private set; }
    public int Rejected { get; private set; }
    public int Duplicates { get; private set; }
    public int ToFind { get; private set; }
    public int Settled { get; private set; }
    public int Undeliverable { get; private set; }

    /// <summary>Rows to verify per domain (accepted, not settled at import), or null when there were more than
    /// <see cref="MaxDomains"/> domains.</summary>
    public IReadOnlyDictionary<string, int>? Domains => _domains;

    public void Add(ListRowInsert row)
    {
        ArgumentNullException.ThrowIfNull(row);
        Total++;
        if (row.DuplicateOf is not null)
            Duplicates++;
        if (row.RejectionReason is not null)
        {
            Rejected++;
            return;
        }

        if (row.Email is null)
            ToFind++;
        if (row.Status is not null)
        {
            Settled++;
            if (row.Status == "undeliverable")
                Undeliverable++;
            return;
        }

        if (row.Domain is null || _domains is null)
            return;
        ref var rows = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_domains, row.Domain, out _);
        rows++;
        if (_domains.Count > MaxDomains)
            _domains = null;
    }
}

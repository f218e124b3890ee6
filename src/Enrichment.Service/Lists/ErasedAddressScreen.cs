using Enrichment.Service.Contacts;
using Enrichment.Storage.Lists;
using Enrichment.Storage.Suppressions;

namespace Enrichment.Service.Lists;

/// <summary>
/// Keeps erased people out of new uploads: a row whose address hashes (with the installation's salt) to an erased
/// one is stored blank and rejected "erased", so neither the address nor the person's other fields come back.
/// </summary>
public sealed class ErasedAddressScreen(SuppressionStore suppressions, ErasureSalt salt)
{
    public const string Reason = "erased";

    /// <summary>The screen for one upload (the erased hashes are read once; erasures are rare).</summary>
    public async Task<Func<ListRowInsert, ListRowInsert>> LoadAsync(CancellationToken ct)
    {
        var hashes = await suppressions.ErasedHashesAsync(ct);
        if (hashes.Count == 0)
            return row => row;
        return row => Screen(row, hashes, salt.Hash);
    }

    /// <summary>The row as stored: unchanged, or blanked and rejected when its address was erased (pure).</summary>
    public static ListRowInsert Screen(ListRowInsert row, IReadOnlySet<string> erasedHashes, Func<string, string> hash)
    {
        ArgumentNullException.ThrowIfNull(row);
        ArgumentNullException.ThrowIfNull(erasedHashes);
        ArgumentNullException.ThrowIfNull(hash);
        if (row.Email is null || !erasedHashes.Contains(hash(row.Email.ToLowerInvariant())))
            return row;
        return new ListRowInsert(row.RowNo, row.Line, [.. row.Fields.Select(_ => "")], null, null, RejectionReason: Reason);
    }
}

using System.Runtime.CompilerServices;

namespace Enrichment.Import;

/// <summary>
/// One string for each short value a list repeats: a CRM export writes the same job titles, companies, websites,
/// countries and first names on row after row, and decoding each into a new string was most of the import's garbage
/// (the collector's time, and the kernel's time zeroing the pages it takes back). Keyed by the field's bytes as the
/// file holds them, so it serves only fields decoded one way (the caller keeps Windows-1252 rows of a UTF-8 file out).
///
/// A column earns its place: each one is watched over its first <see cref="TrialLookups"/> values, and a column that
/// rarely repeats (ids, addresses) is left out after that, so it pays neither the hashing nor the copies. Direct-mapped
/// with <see cref="Slots"/> slots of at most <see cref="MaxBytes"/> bytes: about 1 MB at most, whatever the list.
/// </summary>
internal sealed class FieldInterner
{
    public const int MaxBytes = 48;
    private const int Slots = 8192;
    private const int TrialLookups = 2048;

    private readonly Entry[] _entries = new Entry[Slots];
    private ColumnTrial[] _columns = [];

    private struct Entry
    {
        public ulong Hash;
        public byte[]? Bytes;
        public string? Value;
    }

    private struct ColumnTrial
    {
        public int Lookups;
        public int Hits;
        public bool Off;
    }

    /// <summary>True when <paramref name="column"/> is (still) worth a lookup for a value of <paramref name="length"/> bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool Wants(int column, int length)
    {
        if (length is 0 or > MaxBytes)
        {
            return false;
        }

        if (column >= _columns.Length)
        {
            Array.Resize(ref _columns, Math.Max(column + 1, _columns.Length * 2));
        }

        return !_columns[column].Off;
    }

    /// <summary>The string of <paramref name="bytes"/> when this value was seen before (and not evicted); else null.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public string? Find(int column, ReadOnlySpan<byte> bytes, out ulong hash)
    {
        hash = FastHash.Of(bytes);
        ref var entry = ref _entries[(int)(hash >> 51)]; // top 13 bits: Slots = 2^13
        ref var trial = ref _columns[column];
        var hit = entry.Hash == hash && entry.Bytes is { } known && bytes.SequenceEqual(known);
        if (trial.Lookups < TrialLookups)
        {
            trial.Lookups++;
            trial.Hits += hit ? 1 : 0;
            // Fewer than one value in four seen before: a column of ids or addresses, not worth the copies.
            trial.Off = trial.Lookups == TrialLookups && trial.Hits * 4 < TrialLookups;
        }

        return hit ? entry.Value : null;
    }

    /// <summary>Keeps <paramref name="value"/> (decoded from <paramref name="bytes"/>) in place of whatever held its slot.</summary>
    public void Add(ReadOnlySpan<byte> bytes, ulong hash, string value)
    {
        ref var entry = ref _entries[(int)(hash >> 51)];
        entry.Hash = hash;
        entry.Bytes = bytes.ToArray();
        entry.Value = value;
    }
}

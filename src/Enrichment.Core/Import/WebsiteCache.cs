using System.Runtime.CompilerServices;

namespace Enrichment.Import;

/// <summary>
/// Each website's company domain, worked out once: a list repeats a company's website on every contact of it, and
/// normalising (IDNA) is the costliest step of a row. One flat array, open addressing: a lookup touches one slot (and
/// the key when the hash matches, none when the interned website is the same string) where a
/// <see cref="Dictionary{TKey, TValue}"/> touched a bucket, an entry and the key, after the randomised string hash — the
/// dictionary was a tenth of the import's time. Holds at most <see cref="Capacity"/> websites (about 5 MB with their
/// strings), then starts again empty.
/// </summary>
internal sealed class WebsiteCache
{
    // Big enough for a list's companies (a 1,000,000-row export holds tens of thousands): a cache smaller than that
    // set is cleared over and over when rows are not sorted by company, and every row pays the lookup and the miss.
    public const int Capacity = 65_536;
    private const int SlotBits = 17; // 2^17 slots: at most half full

    private readonly Slot[] _slots = new Slot[1 << SlotBits];
    private int _count;

    private struct Slot
    {
        public ulong Hash;
        public string? Website;
        public string? Domain;
        public bool NonCompany;
    }

    /// <summary>The remembered result for <paramref name="website"/>, or the one <paramref name="compute"/> gives (then remembered).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public (string? Domain, bool NonCompany) Get(string website, Func<string, (string? Domain, bool NonCompany)> compute)
    {
        var hash = FastHash.Of(website);
        var mask = _slots.Length - 1;
        var index = (int)(hash >> (64 - SlotBits));
        while (true)
        {
            ref var slot = ref _slots[index];
            if (slot.Website is null)
            {
                break;
            }

            if (slot.Hash == hash && (ReferenceEquals(slot.Website, website) || string.Equals(slot.Website, website, StringComparison.Ordinal)))
            {
                return (slot.Domain, slot.NonCompany);
            }

            index = (index + 1) & mask;
        }

        var result = compute(website);
        if (_count >= Capacity)
        {
            Array.Clear(_slots);
            _count = 0;
            index = (int)(hash >> (64 - SlotBits));
        }

        _slots[index] = new Slot { Hash = hash, Website = website, Domain = result.Domain, NonCompany = result.NonCompany };
        _count++;
        return result;
    }
}

using System.Numerics;
using System.Runtime.CompilerServices;

namespace Enrichment.Import;

/// <summary>
/// The duplicate check's set of 64-bit address hashes: open addressing with linear probing in one flat array, so a
/// lookup touches one cache line where <see cref="HashSet{T}"/> touches a bucket array and an entry array (a million
/// addresses do not fit in cache; the set was a seventh of the import's time). 8 bytes a slot, at most half full.
/// </summary>
internal sealed class AddressHashes
{
    private ulong[] _slots = new ulong[1024];
    private int _count;
    private bool _hasZero; // 0 marks an empty slot, so the hash 0 is kept aside

    public int Count => _count + (_hasZero ? 1 : 0);

    /// <summary>True when <paramref name="hash"/> was not in the set yet.</summary>
    public bool Add(ulong hash)
    {
        if (hash == 0)
        {
            var added = !_hasZero;
            _hasZero = true;
            return added;
        }

        if ((_count + 1) * 2 > _slots.Length)
        {
            Grow();
        }

        if (!Insert(_slots, hash))
        {
            return false;
        }

        _count++;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool Insert(ulong[] slots, ulong hash)
    {
        var mask = slots.Length - 1;
        // Fibonacci hashing spreads the bits once more before masking: the index must not lean on one hash function's low bits.
        var index = (int)((hash * 0x9E3779B97F4A7C15UL) >> (64 - BitOperations.Log2((uint)slots.Length))) & mask;
        while (true)
        {
            var slot = slots[index];
            if (slot == 0)
            {
                slots[index] = hash;
                return true;
            }

            if (slot == hash)
            {
                return false;
            }

            index = (index + 1) & mask;
        }
    }

    private void Grow()
    {
        var bigger = new ulong[_slots.Length * 2];
        foreach (var hash in _slots)
        {
            if (hash != 0)
            {
                Insert(bigger, hash);
            }
        }

        _slots = bigger;
    }
}

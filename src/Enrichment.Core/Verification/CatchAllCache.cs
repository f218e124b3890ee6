using System.Collections.Concurrent;

namespace Enrichment.Verification;

/// <summary>
/// Per-domain catch-all verdicts with an age, so a catch-all domain costs one probe, not one per address.
/// Only definite answers are stored (a 4xx to the random recipient decides nothing). Bounded: a list of a
/// million domains must not keep a million entries.
/// </summary>
public sealed class CatchAllCache(TimeSpan maxAge, TimeProvider time, int maxEntries = 50_000)
{
    private sealed record Entry(string ProbeLocalPart, bool? CatchAll, DateTimeOffset At);

    private readonly ConcurrentDictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public bool TryGet(string domain, out bool catchAll)
    {
        if (maxAge > TimeSpan.Zero
            && _entries.TryGetValue(domain, out var entry)
            && entry.CatchAll is { } known
            && time.GetUtcNow() - entry.At < maxAge)
        {
            catchAll = known;
            return true;
        }

        catchAll = false;
        return false;
    }

    public void Set(string domain, bool catchAll)
    {
        if (maxAge > TimeSpan.Zero)
        {
            var now = time.GetUtcNow();
            _entries.AddOrUpdate(domain, d => new Entry(RandomLocalPart(), catchAll, now), (_, e) => e with { CatchAll = catchAll, At = now });
            Trim();
        }
    }

    /// <summary>
    /// The random local part used for a domain's catch-all probe, the same on every attempt: greylisting
    /// keys on (client, sender, recipient), so a fresh random recipient on each retry would be greylisted forever.
    /// </summary>
    public string ProbeLocalPart(string domain)
    {
        var entry = _entries.GetOrAdd(domain, static _ => new Entry(RandomLocalPart(), null, DateTimeOffset.MinValue));
        Trim();
        return entry.ProbeLocalPart;
    }

    /// <summary>A local part nobody has: 16 random letters and digits.</summary>
    internal static string RandomLocalPart() =>
        System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 16);

    /// <summary>Over the cap: drop the oldest half (undecided entries count as oldest).</summary>
    private void Trim()
    {
        if (_entries.Count <= maxEntries)
        {
            return;
        }

        foreach (var stale in _entries.OrderBy(e => e.Value.At).Take(_entries.Count - maxEntries / 2).Select(e => e.Key).ToList())
        {
            _entries.TryRemove(stale, out _);
        }
    }
}

using System.Collections.Concurrent;

namespace Enrichment.Verification;

/// <summary>
/// Per-domain catch-all verdicts with an age, so a catch-all domain costs one probe, not one per address.
/// Only definite answers are stored (a 4xx to the random recipient decides nothing).
/// </summary>
public sealed class CatchAllCache(TimeSpan maxAge, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (bool CatchAll, DateTimeOffset At)> _entries = new(StringComparer.Ordinal);

    public bool TryGet(string domain, out bool catchAll)
    {
        if (maxAge > TimeSpan.Zero
            && _entries.TryGetValue(domain, out var entry)
            && time.GetUtcNow() - entry.At < maxAge)
        {
            catchAll = entry.CatchAll;
            return true;
        }

        catchAll = false;
        return false;
    }

    public void Set(string domain, bool catchAll)
    {
        if (maxAge > TimeSpan.Zero)
        {
            _entries[domain] = (catchAll, time.GetUtcNow());
        }
    }
}

using System.Collections.Concurrent;

namespace Enrichment.Verification;

/// <summary>
/// Per-domain catch-all verdicts with an age, so a catch-all domain costs one probe, not one per address.
/// Only definite answers are stored (a 4xx to the random recipient decides nothing).
/// </summary>
public sealed class CatchAllCache(TimeSpan maxAge, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, (bool CatchAll, DateTimeOffset At)> _entries = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, string> _probeLocalParts = new(StringComparer.Ordinal);

    /// <summary>
    /// The random local part used for a domain's catch-all probe, the same on every attempt: greylisting
    /// keys on (client, sender, recipient), so a fresh random recipient on each retry would be greylisted forever.
    /// </summary>
    public string ProbeLocalPart(string domain) => _probeLocalParts.GetOrAdd(domain, static _ => RandomLocalPart());

    /// <summary>A local part nobody has: 16 random letters and digits.</summary>
    internal static string RandomLocalPart() =>
        System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 16);

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

using System.Collections.Concurrent;

namespace Enrichment.Verification.Probing;

/// <summary>
/// The catch-all store of one process (the CLI). Bounded: a list of a million domains must not keep a million
/// entries; over the cap the oldest half goes.
/// </summary>
public sealed class MemoryCatchAllStore(int maxEntries = 50_000) : ICatchAllStore
{
    private readonly ConcurrentDictionary<string, CatchAllRecord> _entries = new(StringComparer.Ordinal);

    public int Count => _entries.Count;

    public ValueTask<CatchAllRecord?> GetAsync(string domain, CancellationToken cancellationToken) =>
        ValueTask.FromResult(_entries.TryGetValue(domain, out var record) ? record : null);

    public ValueTask PutAsync(string domain, CatchAllRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        _entries[domain] = record;
        if (_entries.Count > maxEntries)
        {
            foreach (var stale in _entries.OrderBy(e => e.Value.CheckedAt).Take(_entries.Count - maxEntries / 2).Select(e => e.Key).ToList())
            {
                _entries.TryRemove(stale, out _);
            }
        }

        return ValueTask.CompletedTask;
    }
}

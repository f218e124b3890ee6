using Enrichment.Cli.Output;

namespace Enrichment.Cli.Verification;

/// <summary>
/// Results arrive as domains finish, not in input order. They are kept in memory up to <see cref="RunSize"/>, then
/// sorted by sequence and written to a private temporary run file; <see cref="Merged"/> reads the runs back merged
/// (k-way), in input order. Memory: one run, whatever the size of the list or how late greylisted results come.
/// </summary>
internal sealed class ResultRuns(PrivateTempDirectory directory, int runSize = ResultRuns.RunSize) : IDisposable
{
    public const int RunSize = 20_000;

    private readonly List<(long Sequence, string?[] Values)> _pending = [];
    private readonly List<string> _runs = [];

    public void Add(long sequence, string?[] values)
    {
        _pending.Add((sequence, values));
        if (_pending.Count >= runSize)
        {
            Flush();
        }
    }

    /// <summary>All results so far in sequence order.</summary>
    public IEnumerable<(long Sequence, string?[] Values)> Merged()
    {
        Flush();
        var readers = _runs.Select(path => new BinaryReader(PrivateTempDirectory.OpenRead(path))).ToList();
        try
        {
            var queue = new PriorityQueue<(int Run, long Sequence, string?[] Values), long>();
            for (var i = 0; i < readers.Count; i++)
            {
                if (Next(readers[i]) is { } first)
                {
                    queue.Enqueue((i, first.Sequence, first.Values), first.Sequence);
                }
            }

            while (queue.TryDequeue(out var item, out _))
            {
                yield return (item.Sequence, item.Values);
                if (Next(readers[item.Run]) is { } next)
                {
                    queue.Enqueue((item.Run, next.Sequence, next.Values), next.Sequence);
                }
            }
        }
        finally
        {
            foreach (var reader in readers)
            {
                reader.Dispose();
            }
        }
    }

    private void Flush()
    {
        if (_pending.Count == 0)
        {
            return;
        }

        _pending.Sort((a, b) => a.Sequence.CompareTo(b.Sequence));
        var name = $"results-{_runs.Count}.bin";
        using (var writer = new BinaryWriter(directory.CreateFile(name)))
        {
            foreach (var (sequence, values) in _pending)
            {
                writer.Write(sequence);
                writer.Write(values.Length);
                foreach (var value in values)
                {
                    Spool.WriteNullable(writer, value);
                }
            }

            writer.Write(-1L);
        }

        _runs.Add(directory.PathOf(name));
        _pending.Clear();
    }

    private static (long Sequence, string?[] Values)? Next(BinaryReader reader)
    {
        var sequence = reader.ReadInt64();
        if (sequence < 0)
        {
            return null;
        }

        var values = new string?[reader.ReadInt32()];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = Spool.ReadNullable(reader);
        }

        return (sequence, values);
    }

    public void Dispose() => _pending.Clear();
}

using System.Globalization;

namespace Enrichment.Cli.Output;

/// <summary>A one-line progress report (count, rate, ETA) redrawn on stderr when stderr is a terminal.</summary>
public sealed class Progress(TextWriter error, long? total, TimeProvider time) : IDisposable
{
    private readonly long _started = time.GetTimestamp();
    private long _done;
    private long _lastDrawn;

    public long Done => Interlocked.Read(ref _done);

    public void Advance()
    {
        var done = Interlocked.Increment(ref _done);
        var now = time.GetTimestamp();
        if (time.GetElapsedTime(_lastDrawn, now) >= TimeSpan.FromMilliseconds(250))
        {
            _lastDrawn = now;
            Draw(done);
        }
    }

    private void Draw(long done)
    {
        var elapsed = time.GetElapsedTime(_started).TotalSeconds;
        var rate = elapsed > 0 ? done / elapsed : 0;
        var line = total is { } t && rate > 0
            ? string.Create(CultureInfo.InvariantCulture, $"\r{done:N0}/{t:N0} ({100.0 * done / Math.Max(1, t):F1} %)  {rate:N0}/s  ETA {TimeSpan.FromSeconds(Math.Max(0, (t - done) / rate)):hh\\:mm\\:ss}   ")
            : string.Create(CultureInfo.InvariantCulture, $"\r{done:N0}  {rate:N0}/s   ");
        error.Write(line);
    }

    public void Dispose()
    {
        Draw(Done);
        error.WriteLine();
    }
}

using System.Globalization;
using System.Text;

namespace Enrichment.Cli.Output;

/// <summary>
/// Progress on stderr: rows done, rate, counts by status and an ETA — redrawn in place on a terminal, or one log line
/// every <see cref="LogInterval"/> when stderr is redirected (docker logs, CI, nohup). When rows stop coming while
/// some are still out and greylisting retries are configured, the ETA says it is waiting for them rather than
/// showing a rate that is no longer true. <see cref="Finish"/> writes the closing summary in every style.
/// </summary>
public sealed class Progress : IDisposable
{
    public static readonly TimeSpan LogInterval = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private readonly Dictionary<string, long> _counts = new(StringComparer.Ordinal);
    private readonly TextWriter _error;
    private readonly ProgressStyle _style;
    private readonly string _verb;
    private readonly TimeProvider _time;
    private readonly Func<long?> _total;
    private readonly TimeSpan _longestRetry;
    private readonly long _started;
    private readonly ITimer? _timer;
    private long _done;
    private long _lastDrawn;
    private long _lastAdvance;
    private bool _finished;

    /// <param name="total">Best estimate of the rows in the input so far, or null when unknown.</param>
    /// <param name="longestRetry">The last greylisting retry wait (zero when retries are off).</param>
    public Progress(TextWriter error, ProgressStyle style, string verb, TimeProvider time, Func<long?> total, TimeSpan longestRetry)
    {
        _error = error;
        _style = style;
        _verb = verb;
        _time = time;
        _total = total;
        _longestRetry = longestRetry;
        _started = _lastAdvance = _lastDrawn = time.GetTimestamp();
        if (style == ProgressStyle.Log)
        {
            _timer = time.CreateTimer(_ => Tick(), null, LogInterval, LogInterval);
        }
    }

    public long Done
    {
        get
        {
            lock (_gate)
            {
                return _done;
            }
        }
    }

    public IReadOnlyDictionary<string, long> Counts
    {
        get
        {
            lock (_gate)
            {
                return new Dictionary<string, long>(_counts);
            }
        }
    }

    /// <summary>One row finished with <paramref name="status"/> ("deliverable", "rejected" …).</summary>
    public void Advance(string status)
    {
        lock (_gate)
        {
            _done++;
            _counts[status] = _counts.GetValueOrDefault(status) + 1;
            var now = _time.GetTimestamp();
            _lastAdvance = now;
            if (_style == ProgressStyle.Terminal && _time.GetElapsedTime(_lastDrawn, now) >= TimeSpan.FromMilliseconds(250))
            {
                _lastDrawn = now;
                _error.Write("\r" + Line() + "   ");
            }
        }
    }

    /// <summary>The log line, as a timer tick writes it (public so the wording is testable with a manual clock).</summary>
    public string Line()
    {
        lock (_gate)
        {
            var elapsed = _time.GetElapsedTime(_started);
            var rate = elapsed.TotalSeconds > 0 ? _done / elapsed.TotalSeconds : 0;
            var total = _total();
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{_verb}: {_done:N0}");
            if (total is { } t && t >= _done)
            {
                text.Append(CultureInfo.InvariantCulture, $" of ~{t:N0} rows ({100.0 * _done / Math.Max(1, t):F1} %)");
            }
            else
            {
                text.Append(" rows");
            }

            text.Append(CultureInfo.InvariantCulture, $", {rate:N0}/s");
            if (_counts.Count > 0)
            {
                text.Append(", ").Append(Counted(_counts));
            }

            var stalled = _time.GetElapsedTime(_lastAdvance);
            if (_longestRetry > TimeSpan.Zero && stalled >= LogInterval && (total is null || _done < total))
            {
                var left = _longestRetry - stalled;
                text.Append(CultureInfo.InvariantCulture, $"; waiting for greylisting retries (no row for {Clock(stalled)}; retries end within {Clock(left > TimeSpan.Zero ? left : TimeSpan.Zero)})");
            }
            else if (total is { } all && rate > 0 && all > _done)
            {
                text.Append(CultureInfo.InvariantCulture, $"; ETA {Clock(TimeSpan.FromSeconds((all - _done) / rate))}");
            }

            return text.ToString();
        }
    }

    /// <summary>The closing summary: counts by status, rejected rows by reason, duplicates, duration.</summary>
    public void Finish(Enrichment.Import.ImportReport? report, bool interrupted)
    {
        lock (_gate)
        {
            if (_finished)
            {
                return;
            }

            _finished = true;
            _timer?.Dispose();
            if (_style == ProgressStyle.Terminal)
            {
                _error.Write("\r" + Line() + "   \n");
            }

            var elapsed = _time.GetElapsedTime(_started);
            var text = new StringBuilder();
            text.Append(CultureInfo.InvariantCulture, $"{_verb}: {(interrupted ? "interrupted after" : "done:")} {_done:N0} rows in {Clock(elapsed)}");
            if (_counts.Count > 0)
            {
                text.Append(": ").Append(Counted(_counts));
            }

            if (report is not null)
            {
                if (report.RejectedTotal > 0)
                {
                    text.Append("; rejected by reason: ").Append(Counted(report.Rejected));
                }

                text.Append(CultureInfo.InvariantCulture, $"; {report.Duplicates:N0} duplicates; input {report.Encoding}, {report.Detection.SeparatorName}");
                text.Append(report.Detection.HasHeader
                    ? string.Create(CultureInfo.InvariantCulture, $", header on line {report.Detection.HeaderLine}")
                    : ", no header");
                foreach (var note in report.Detection.Notes)
                {
                    text.Append("; ").Append(note);
                }
            }

            _error.WriteLine(text.ToString());
        }
    }

    private void Tick()
    {
        lock (_gate)
        {
            if (!_finished)
            {
                _error.WriteLine(Line());
                _error.Flush();
            }
        }
    }

    private static string Counted(IEnumerable<KeyValuePair<string, long>> counts) =>
        string.Join(", ", counts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, StringComparer.Ordinal)
            .Select(p => string.Create(CultureInfo.InvariantCulture, $"{p.Key} {p.Value:N0}")));

    private static string Clock(TimeSpan span) =>
        span.TotalHours >= 1 ? span.ToString(@"h\:mm\:ss", CultureInfo.InvariantCulture) : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);

    public void Dispose()
    {
        lock (_gate)
        {
            _timer?.Dispose();
            _finished = true;
        }
    }
}

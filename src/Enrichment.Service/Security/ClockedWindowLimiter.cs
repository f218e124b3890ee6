using System.Threading.RateLimiting;

namespace Enrichment.Service.Security;

/// <summary>
/// A fixed-window limiter on a <see cref="TimeProvider"/>: <c>System.Threading.RateLimiting</c>'s own limiters read
/// the machine's stopwatch and replenish on a timer, so neither the service's clock nor a test's manual clock could
/// drive them. Windows are aligned to the clock (window n covers [n·w, (n+1)·w) since the Unix epoch), so a
/// rejection knows exactly when the next window opens (its Retry-After). Never queues: over the limit is a refusal.
/// </summary>
public sealed class ClockedWindowLimiter : RateLimiter
{
    readonly int _permitLimit;
    readonly TimeSpan _window;
    readonly TimeProvider _time;
    readonly Lock _gate = new();
    long _windowIndex = long.MinValue;
    int _used;
    long _successful;
    long _failed;

    public ClockedWindowLimiter(int permitLimit, TimeSpan window, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(permitLimit, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(window, TimeSpan.FromMilliseconds(1));
        ArgumentNullException.ThrowIfNull(time);
        _permitLimit = permitLimit;
        _window = window;
        _time = time;
    }

    /// <summary>Idle once the window of the last request has closed: its state would be reset anyway.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = _time.GetUtcNow();
                return IndexOf(now) == _windowIndex ? null : now - WindowEnd(_windowIndex);
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            var used = IndexOf(_time.GetUtcNow()) == _windowIndex ? _used : 0;
            return new RateLimiterStatistics { CurrentAvailablePermits = _permitLimit - used, TotalSuccessfulLeases = _successful, TotalFailedLeases = _failed };
        }
    }

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(permitCount);
        if (permitCount > _permitLimit)
            throw new ArgumentOutOfRangeException(nameof(permitCount), permitCount, $"at most {_permitLimit} permits per window");
        lock (_gate)
        {
            var now = _time.GetUtcNow();
            var index = IndexOf(now);
            if (index != _windowIndex)
            {
                _windowIndex = index;
                _used = 0;
            }

            if (_used + permitCount <= _permitLimit && (permitCount > 0 || _used < _permitLimit))
            {
                _used += permitCount;
                _successful++;
                return WindowLease.Granted;
            }

            _failed++;
            return new WindowLease(false, WindowEnd(index) - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    long IndexOf(DateTimeOffset now) => (now - DateTimeOffset.UnixEpoch).Ticks / _window.Ticks;

    DateTimeOffset WindowEnd(long index) => DateTimeOffset.UnixEpoch + TimeSpan.FromTicks((index + 1) * _window.Ticks);

    sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames => retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            if (retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name)
            {
                metadata = wait;
                return true;
            }

            metadata = null;
            return false;
        }
    }
}

namespace Enrichment.Testing;

/// <summary>
/// A clock that moves only when told. Timers created through it (Task.Delay with a TimeProvider, Polly's retry
/// delays and timeouts, CancellationTokenSource with a TimeProvider) fire during <see cref="Advance"/>.
/// Tests can wait for a timer to be scheduled and read its due time, so waits are asserted exactly instead of measured.
/// </summary>
public sealed class ManualTimeProvider : TimeProvider
{
    private readonly Lock _gate = new();
    private readonly List<ManualTimer> _timers = [];
    private readonly DateTimeOffset _start;
    private DateTimeOffset _now;
    private TaskCompletionSource _changed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ManualTimeProvider(DateTimeOffset? start = null)
    {
        _start = start ?? new DateTimeOffset(2030, 1, 1, 0, 0, 0, TimeSpan.Zero);
        _now = _start;
    }

    /// <summary>Total time advanced so far.</summary>
    public TimeSpan Elapsed
    {
        get
        {
            lock (_gate)
            {
                return _now - _start;
            }
        }
    }

    public override DateTimeOffset GetUtcNow()
    {
        lock (_gate)
        {
            return _now;
        }
    }

    public override long TimestampFrequency => TimeSpan.TicksPerSecond;

    public override long GetTimestamp() => (GetUtcNow() - _start).Ticks;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = new ManualTimer(this, callback, state);
        timer.Change(dueTime, period);
        return timer;
    }

    /// <summary>Time from now until each scheduled timer fires, earliest first.</summary>
    public IReadOnlyList<TimeSpan> PendingTimers()
    {
        lock (_gate)
        {
            return [.. _timers.Where(t => t.Due is not null).Select(t => t.Due!.Value - _now).Order()];
        }
    }

    /// <summary>Waits (in real time) until some scheduled timer matches <paramref name="match"/>; returns its due-in.</summary>
    public async Task<TimeSpan> WaitForTimerAsync(Func<TimeSpan, bool>? match = null, CancellationToken cancellationToken = default)
    {
        while (true)
        {
            Task changed;
            lock (_gate)
            {
                foreach (var dueIn in _timers.Where(t => t.Due is not null).Select(t => t.Due!.Value - _now).Order())
                {
                    if (match is null || match(dueIn))
                    {
                        return dueIn;
                    }
                }

                changed = _changed.Task;
            }

            await changed.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Moves the clock forward, firing due timers in order (periodic ones as often as they fall due).</summary>
    public void Advance(TimeSpan by)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(by, TimeSpan.Zero);
        DateTimeOffset target;
        lock (_gate)
        {
            target = _now + by;
        }

        while (true)
        {
            ManualTimer? next;
            lock (_gate)
            {
                next = _timers.Where(t => t.Due is not null && t.Due <= target).MinBy(t => t.Due);
                if (next is null)
                {
                    _now = target;
                    Signal();
                    return;
                }

                _now = next.Due!.Value;
                next.Due = next.Period > TimeSpan.Zero && next.Period != Timeout.InfiniteTimeSpan ? _now + next.Period : null;
            }

            next.Fire();
        }
    }

    /// <summary>
    /// Until <paramref name="task"/> completes: waits for a scheduled timer accepted by <paramref name="match"/> and
    /// advances the clock to it. Use when every timer in play is one the test wants fired.
    /// </summary>
    public async Task<T> RunUntilCompleteAsync<T>(Task<T> task, Func<TimeSpan, bool>? match = null, CancellationToken cancellationToken = default)
    {
        while (!task.IsCompleted)
        {
            var timer = WaitForTimerAsync(match, cancellationToken);
            var first = await Task.WhenAny(task, timer);
            if (first == timer)
            {
                Advance(await timer);
            }
        }

        return await task;
    }

    private void Signal()
    {
        var previous = _changed;
        _changed = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        previous.TrySetResult();
    }

    private sealed class ManualTimer(ManualTimeProvider owner, TimerCallback callback, object? state) : ITimer
    {
        public DateTimeOffset? Due { get; set; }

        public TimeSpan Period { get; private set; }

        public bool Change(TimeSpan dueTime, TimeSpan period)
        {
            lock (owner._gate)
            {
                if (!owner._timers.Contains(this))
                {
                    owner._timers.Add(this);
                }

                Period = period;
                Due = dueTime == Timeout.InfiniteTimeSpan ? null : owner._now + dueTime;
                owner.Signal();
            }

            return true;
        }

        public void Fire() => callback(state);

        public void Dispose()
        {
            lock (owner._gate)
            {
                owner._timers.Remove(this);
                owner.Signal();
            }
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return default;
        }
    }
}

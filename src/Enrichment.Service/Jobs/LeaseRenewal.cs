using Enrichment.Storage.Lists;

namespace Enrichment.Service.Jobs;

/// <summary>
/// Keeps a domain lease alive while its job works: renews it every third of its length on the injected clock. When a
/// renewal finds the lease taken over (a newer token), <see cref="Lost"/> is cancelled so the job stops probing; its
/// writes would be refused anyway. A renewal that fails because the database is away is tried again at the next tick.
/// </summary>
public sealed class LeaseRenewal : IAsyncDisposable
{
    readonly DomainLeaseStore _leases;
    readonly DomainLease _lease;
    readonly TimeSpan _length;
    readonly TimeProvider _time;
    readonly CancellationTokenSource _lost;
    readonly ITimer _timer;
    int _running;
    int _disposed;

    public LeaseRenewal(DomainLeaseStore leases, DomainLease lease, TimeSpan length, TimeProvider time, CancellationToken jobToken)
    {
        _leases = leases;
        _lease = lease;
        _length = length;
        _time = time;
        _lost = CancellationTokenSource.CreateLinkedTokenSource(jobToken);
        _timer = time.CreateTimer(_ => _ = RenewAsync(), null, length / 3, length / 3);
    }

    /// <summary>Cancelled when the lease was lost or the job's own token was cancelled.</summary>
    public CancellationToken Token => _lost.Token;

    /// <summary>True once a renewal found the lease taken over.</summary>
    public bool WasLost { get; private set; }

    async Task RenewAsync()
    {
        // One renewal at a time; a tick that finds the previous one still running skips.
        if (Volatile.Read(ref _disposed) != 0 || Interlocked.Exchange(ref _running, 1) != 0)
            return;
        try
        {
            if (!await _leases.RenewAsync(_lease, _time.GetUtcNow() + _length, CancellationToken.None))
            {
                WasLost = true;
                if (Volatile.Read(ref _disposed) == 0)
                    await _lost.CancelAsync();
            }
        }
        catch (Npgsql.NpgsqlException)
        {
            // The database is away: the lease may lapse and be taken over, which the fencing token then settles.
        }
        catch (TimeoutException)
        {
            // As above: a renewal that cannot reach the database in time is tried at the next tick.
        }
        catch (ObjectDisposedException)
        {
            // The job ended while this renewal ran.
        }
        finally
        {
            Volatile.Write(ref _running, 0);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await _timer.DisposeAsync();
        _lost.Dispose();
    }
}

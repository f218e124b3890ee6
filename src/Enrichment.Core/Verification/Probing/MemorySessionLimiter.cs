namespace Enrichment.Verification.Probing;

/// <summary>
/// The session limiter of one process (the CLI): caps SMTP sessions overall and per mail provider, so a large list
/// spread over one provider's tenants does not hammer that provider. A provider's gate lives only while someone holds
/// or waits for it, so a list of a million domains does not keep a million gates.
/// </summary>
public sealed class MemorySessionLimiter(int overall, int perProvider) : ISessionLimiter, IDisposable
{
    private sealed class HostGate(int slots)
    {
        public SemaphoreSlim Semaphore { get; } = new(slots, slots);
        public int Users { get; set; }
    }

    private readonly SemaphoreSlim _overall = new(overall, overall);
    private readonly Dictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public int TrackedProviders
    {
        get
        {
            lock (_lock)
            {
                return _hosts.Count;
            }
        }
    }

    /// <summary>Waits for a slot for <paramref name="provider"/>; dispose the returned lease to give it back.</summary>
    public async ValueTask<IAsyncDisposable> AcquireAsync(string provider, CancellationToken cancellationToken)
    {
        HostGate gate;
        lock (_lock)
        {
            if (!_hosts.TryGetValue(provider, out gate!))
            {
                _hosts[provider] = gate = new HostGate(perProvider);
            }

            gate.Users++;
        }

        try
        {
            // Host first: waiting for a busy host must not hold one of the overall slots.
            await gate.Semaphore.WaitAsync(cancellationToken);
            try
            {
                await _overall.WaitAsync(cancellationToken);
            }
            catch
            {
                gate.Semaphore.Release();
                throw;
            }
        }
        catch
        {
            Leave(provider, gate);
            throw;
        }

        return new Lease(this, provider, gate);
    }

    private void Leave(string host, HostGate gate)
    {
        lock (_lock)
        {
            if (--gate.Users == 0)
            {
                _hosts.Remove(host);
                gate.Semaphore.Dispose();
            }
        }
    }

    public void Dispose()
    {
        _overall.Dispose();
        lock (_lock)
        {
            foreach (var gate in _hosts.Values)
            {
                gate.Semaphore.Dispose();
            }

            _hosts.Clear();
        }
    }

    private sealed class Lease(MemorySessionLimiter owner, string host, HostGate gate) : IAsyncDisposable
    {
        private int _released;

        public ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner._overall.Release();
                gate.Semaphore.Release();
                owner.Leave(host, gate);
            }

            return ValueTask.CompletedTask;
        }
    }
}

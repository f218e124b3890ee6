namespace Enrichment.Verification;

/// <summary>
/// Caps SMTP sessions overall and per MX host, so a large list spread over one provider's
/// tenants does not hammer that provider. A host's gate lives only while someone holds or
/// waits for it, so a list of a million domains does not keep a million gates.
/// </summary>
internal sealed class SessionLimiter(int overall, int perHost) : IDisposable
{
    private sealed class HostGate(int slots)
    {
        public SemaphoreSlim Semaphore { get; } = new(slots, slots);
        public int Users { get; set; }
    }

    private readonly SemaphoreSlim _overall = new(overall, overall);
    private readonly Dictionary<string, HostGate> _hosts = new(StringComparer.OrdinalIgnoreCase);
    private readonly Lock _lock = new();

    public int TrackedHosts
    {
        get
        {
            lock (_lock)
            {
                return _hosts.Count;
            }
        }
    }

    /// <summary>Waits for a slot for <paramref name="host"/>; dispose the returned lease to give it back.</summary>
    public async Task<IDisposable> AcquireAsync(string host, CancellationToken cancellationToken)
    {
        HostGate gate;
        lock (_lock)
        {
            if (!_hosts.TryGetValue(host, out gate!))
            {
                _hosts[host] = gate = new HostGate(perHost);
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
            Leave(host, gate);
            throw;
        }

        return new Lease(this, host, gate);
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

    private sealed class Lease(SessionLimiter owner, string host, HostGate gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner._overall.Release();
                gate.Semaphore.Release();
                owner.Leave(host, gate);
            }
        }
    }
}

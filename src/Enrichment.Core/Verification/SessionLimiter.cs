using System.Collections.Concurrent;

namespace Enrichment.Verification;

/// <summary>
/// Caps SMTP sessions overall and per MX host, so a large list spread over one provider's
/// tenants (thousands of domains behind one Microsoft 365 MX) does not hammer that provider.
/// </summary>
internal sealed class SessionLimiter(int overall, int perHost) : IDisposable
{
    private readonly SemaphoreSlim _overall = new(overall, overall);
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _hosts = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Waits for a slot for <paramref name="host"/>; dispose the returned lease to give it back.</summary>
    public async Task<IDisposable> AcquireAsync(string host, CancellationToken cancellationToken)
    {
        var hostGate = _hosts.GetOrAdd(host, _ => new SemaphoreSlim(perHost, perHost));
        // Host first: waiting for a busy host must not hold one of the overall slots.
        await hostGate.WaitAsync(cancellationToken);
        try
        {
            await _overall.WaitAsync(cancellationToken);
        }
        catch
        {
            hostGate.Release();
            throw;
        }

        return new Lease(this, hostGate);
    }

    public void Dispose()
    {
        _overall.Dispose();
        foreach (var gate in _hosts.Values)
        {
            gate.Dispose();
        }
    }

    private sealed class Lease(SessionLimiter owner, SemaphoreSlim hostGate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner._overall.Release();
                hostGate.Release();
            }
        }
    }
}

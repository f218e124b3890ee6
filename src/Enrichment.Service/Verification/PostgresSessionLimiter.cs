using Enrichment.Storage.Domains;
using Enrichment.Verification.Probing;

namespace Enrichment.Service.Verification;

/// <summary>
/// The engine's session limiter across processes: a provider's cap is a set of leased slot rows in PostgreSQL
/// (<see cref="SmtpSlotStore"/>), renewed while a session runs, so two workers together never exceed it and a killed
/// worker's slots free themselves when their lease runs out. The overall cap stays per process.
/// </summary>
public sealed class PostgresSessionLimiter : ISessionLimiter, IDisposable
{
    static readonly TimeSpan Lease = TimeSpan.FromMinutes(2);
    static readonly TimeSpan MinWait = TimeSpan.FromMilliseconds(20);
    static readonly TimeSpan MaxWait = TimeSpan.FromMilliseconds(500);

    readonly SmtpSlotStore _slots;
    readonly int _perProvider;
    readonly TimeProvider _time;
    readonly SemaphoreSlim _overall;
    readonly string _holderPrefix = $"{Environment.MachineName}:{Environment.ProcessId}:";

    public PostgresSessionLimiter(SmtpSlotStore slots, int overall, int perProvider, TimeProvider time)
    {
        _slots = slots;
        _perProvider = perProvider;
        _time = time;
        _overall = new SemaphoreSlim(overall, overall);
    }

    public async ValueTask<IAsyncDisposable> AcquireAsync(string provider, CancellationToken cancellationToken)
    {
        var holder = _holderPrefix + Guid.NewGuid().ToString("N")[..8];
        var wait = MinWait;
        while (true)
        {
            var now = _time.GetUtcNow();
            if (await _slots.TryAcquireAsync(provider, _perProvider, holder, now, now + Lease, cancellationToken) is { } slot)
            {
                try
                {
                    await _overall.WaitAsync(cancellationToken);
                }
                catch
                {
                    await _slots.ReleaseAsync(provider, slot, holder, CancellationToken.None);
                    throw;
                }

                return new SlotLease(this, provider, slot, holder);
            }

            // Every slot of the provider is held (here or in another process): poll, backing off, until one frees.
            await Task.Delay(wait, _time, cancellationToken);
            wait = TimeSpan.FromTicks(Math.Min(MaxWait.Ticks, wait.Ticks * 2));
        }
    }

    public void Dispose() => _overall.Dispose();

    sealed class SlotLease : IAsyncDisposable
    {
        readonly PostgresSessionLimiter _owner;
        readonly string _provider;
        readonly int _slot;
        readonly string _holder;
        readonly ITimer _renewal;
        int _released;

        public SlotLease(PostgresSessionLimiter owner, string provider, int slot, string holder)
        {
            _owner = owner;
            _provider = provider;
            _slot = slot;
            _holder = holder;
            // A session longer than the lease keeps its slot: renew at a third of the lease.
            _renewal = owner._time.CreateTimer(_ => Renew(), null, Lease / 3, Lease / 3);
        }

        void Renew() => _ = RenewAsync();

        async Task RenewAsync()
        {
            if (Volatile.Read(ref _released) != 0)
                return;
            try
            {
                await _owner._slots.RenewAsync(_provider, _slot, _holder, _owner._time.GetUtcNow() + Lease, CancellationToken.None);
            }
            catch (Npgsql.NpgsqlException)
            {
                // The database is away: the lease may lapse and another worker take the slot, which only costs the
                // provider one extra session for a while; the session itself goes on.
            }
        }

        public async ValueTask DisposeAsync()
        {
            if (Interlocked.Exchange(ref _released, 1) != 0)
                return;
            await _renewal.DisposeAsync();
            _owner._overall.Release();
            await _owner._slots.ReleaseAsync(_provider, _slot, _holder, CancellationToken.None);
        }
    }
}

namespace Enrichment.Verification.Probing;

/// <summary>
/// Caps SMTP sessions per mail provider (see <see cref="MailProvider"/>) and overall, across every worker that shares
/// the limiter (the service backs it with PostgreSQL). Disposing the lease releases the slot.
/// </summary>
public interface ISessionLimiter
{
    ValueTask<IAsyncDisposable> AcquireAsync(string provider, CancellationToken cancellationToken);
}

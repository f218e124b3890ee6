namespace Enrichment.Verification.Probing;

/// <summary>
/// Per-domain catch-all knowledge shared by every worker (the service backs it with PostgreSQL). The store keeps what
/// it is given; the verifier decides how old an answer may be.
/// </summary>
public interface ICatchAllStore
{
    ValueTask<CatchAllRecord?> GetAsync(string domain, CancellationToken cancellationToken);

    ValueTask PutAsync(string domain, CatchAllRecord record, CancellationToken cancellationToken);
}

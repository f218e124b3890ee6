using Enrichment.Storage.Domains;
using Enrichment.Verification.Probing;

namespace Enrichment.Service.Verification;

/// <summary>The engine's catch-all store on the shared domains table: what one worker judged, every worker knows.</summary>
public sealed class PostgresCatchAllStore(DomainStore domains) : ICatchAllStore
{
    public async ValueTask<CatchAllRecord?> GetAsync(string domain, CancellationToken cancellationToken)
    {
        var facts = await domains.GetAsync(domain, cancellationToken);
        if (facts is not { CatchAllProbe: { } probe, CatchAllCheckedAt: { } checkedAt })
            return null;
        return new CatchAllRecord(probe, facts.CatchAll, new DateTimeOffset(DateTime.SpecifyKind(checkedAt, DateTimeKind.Utc)));
    }

    public async ValueTask PutAsync(string domain, CatchAllRecord record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        await domains.SetCatchAllAsync(domain, record.CatchAll, record.ProbeLocalPart, record.CheckedAt, cancellationToken);
    }
}

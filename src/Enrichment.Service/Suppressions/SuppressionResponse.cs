using Enrichment.Storage.Suppressions;

namespace Enrichment.Service.Suppressions;

/// <summary>A suppression as the API shows it (an erased address appears only as its salted hash).</summary>
public sealed record SuppressionResponse(long Id, string Kind, string Value, string Reason, string Source, DateTimeOffset CreatedAt)
{
    public static SuppressionResponse Of(SuppressionRecord r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return new(r.Id, r.Kind, r.Value, r.Reason, r.Source, new DateTimeOffset(DateTime.SpecifyKind(r.CreatedAt, DateTimeKind.Utc)));
    }
}

using Enrichment.Verification;

namespace Enrichment.Committee.Templates;

/// <summary>
/// Which verified addresses count as reachable: a status in <see cref="Statuses"/>, or a risky one whose reasons
/// include one of <see cref="RiskyReasons"/> (by default: deliverable, and risky only for catch_all). A suppressed or
/// erased address never counts.
/// </summary>
public sealed record Reachability(IReadOnlySet<VerificationStatus> Statuses, IReadOnlySet<string> RiskyReasons)
{
    public static Reachability Default { get; } = new(
        new HashSet<VerificationStatus> { VerificationStatus.Deliverable },
        new HashSet<string>(StringComparer.Ordinal) { Reasons.CatchAll });

    public bool IsReachable(VerificationStatus status, IReadOnlyCollection<string> reasons, bool suppressed = false, bool erased = false)
    {
        ArgumentNullException.ThrowIfNull(reasons);
        if (suppressed || erased)
        {
            return false;
        }

        return Statuses.Contains(status) || (status == VerificationStatus.Risky && reasons.Any(RiskyReasons.Contains));
    }
}

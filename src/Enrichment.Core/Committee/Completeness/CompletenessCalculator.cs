using Enrichment.Committee.Templates;

namespace Enrichment.Committee.Completeness;

/// <summary>
/// Completeness as Adobe Journey Optimizer B2B defines it: a role's completeness is its assigned members over the
/// members required, capped at 100 %; the group's is the mean over the template's roles — weighted here, which is
/// Adobe's plain mean when every weight is equal. Only reachable members count: an address that is undeliverable,
/// unknown, suppressed or erased (or missing) adds nothing. Members of roles the template does not name are ignored.
/// </summary>
public static class CompletenessCalculator
{
    public static CommitteeCompleteness Measure(CommitteeTemplate template, IEnumerable<CommitteeMember> members)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(members);
        var reachable = members
            .Where(m => m.Address is { } a && template.Reachable.IsReachable(a.Status, a.Reasons, a.Suppressed, a.Erased))
            .GroupBy(m => m.Role)
            .ToDictionary(g => g.Key, g => g.Count());

        var roles = template.Roles
            .Select(t => Role(t, reachable.GetValueOrDefault(t.Role)))
            .ToList();
        var totalWeight = roles.Sum(r => r.Weight);
        var completeness = totalWeight > 0 ? roles.Sum(r => r.Weight * r.Completeness) / totalWeight : 0;
        return new CommitteeCompleteness(completeness, roles);
    }

    public static RoleCompleteness Role(RoleTarget target, int reachable)
    {
        ArgumentNullException.ThrowIfNull(target);
        return new RoleCompleteness(target.Role, target.Wanted, reachable, target.Weight, Math.Min((double)reachable / target.Wanted, 1.0));
    }
}

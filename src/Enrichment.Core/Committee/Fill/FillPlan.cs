using Enrichment.Committee.Completeness;

namespace Enrichment.Committee.Fill;

/// <summary>
/// The fill of one account: per role the picks; completeness now (<see cref="Before"/>) and if every pick becomes
/// reachable (<see cref="Potential"/>); the members needing an address found or verified; what is still missing.
/// </summary>
public sealed record FillPlan(
    IReadOnlyList<RolePlan> Roles,
    CommitteeCompleteness Before,
    CommitteeCompleteness Potential)
{
    public IEnumerable<PlannedMember> ToFind => Roles.SelectMany(r => r.Picks).Where(p => p.Action == MemberAction.FindAddress);

    public IEnumerable<PlannedMember> ToVerify => Roles.SelectMany(r => r.Picks).Where(p => p.Action == MemberAction.Verify);

    public IEnumerable<string> Missing => Roles.Where(r => r.Missing is not null).Select(r => r.Missing!);
}

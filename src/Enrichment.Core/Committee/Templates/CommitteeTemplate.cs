using Enrichment.Committee.Titles;

namespace Enrichment.Committee.Templates;

/// <summary>A buying committee to fill: the roles wanted, with counts and weights, and what counts as reachable.</summary>
public sealed record CommitteeTemplate(string Id, string Name, IReadOnlyList<RoleTarget> Roles, Reachability Reachable)
{
    public RoleTarget? Target(CommitteeRole role) => Roles.FirstOrDefault(r => r.Role == role);
}

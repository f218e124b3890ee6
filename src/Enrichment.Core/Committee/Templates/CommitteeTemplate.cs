using Enrichment.Committee.Titles;

namespace Enrichment.Committee.Templates;

/// <summary>
/// A buying committee to fill: the roles wanted, with counts and weights, what counts as reachable, and the template's
/// changes to the role matrix (null: the matrix of COMMITTEE.md as it is).
/// </summary>
public sealed record CommitteeTemplate(string Id, string Name, IReadOnlyList<RoleTarget> Roles, Reachability Reachable, RoleMatrixOverride? Matrix = null)
{
    public RoleTarget? Target(CommitteeRole role) => Roles.FirstOrDefault(r => r.Role == role);

    /// <summary>The committee role of a classified title under this template.</summary>
    public CommitteeRole RoleOf(TitleClassification classification) =>
        Matrix is null ? classification.Role : Matrix.RoleOf(classification);
}

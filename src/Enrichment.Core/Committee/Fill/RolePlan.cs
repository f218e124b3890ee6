using Enrichment.Committee.Titles;

namespace Enrichment.Committee.Fill;

/// <summary>
/// One role of the plan: wanted, the candidates the domain offered, the picks (best first), how many count already,
/// and, when the role cannot be filled as things stand, a sentence saying what is missing and what to do.
/// </summary>
public sealed record RolePlan(
    CommitteeRole Role,
    int Wanted,
    int Candidates,
    IReadOnlyList<PlannedMember> Picks,
    int Reachable,
    string? Missing);

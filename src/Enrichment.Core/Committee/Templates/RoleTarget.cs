using Enrichment.Committee.Titles;

namespace Enrichment.Committee.Templates;

/// <summary>
/// One role of a committee template: how many members are wanted, the role's weight in the account's completeness,
/// and the departments preferred when picking candidates (first is best; empty: any department).
/// </summary>
public sealed record RoleTarget(CommitteeRole Role, int Wanted, double Weight, IReadOnlyList<Department> Departments);

using Enrichment.Committee.Titles;

namespace Enrichment.Committee.Templates;

/// <summary>
/// A template's changes to the role matrix of COMMITTEE.md: (department, seniority) → role, where the department may
/// also be <see cref="SecurityGovernance"/> (GRC, risk, audit, ISO titles). For a security product, security becomes
/// the buying function: "security": { "c_level": "economic_buyer", "director": "champion", … }. Cells not named keep
/// the matrix's role; assistants and trainees hold no role whatever the template says.
/// </summary>
public sealed class RoleMatrixOverride
{
    /// <summary>The key naming the security-governance rows, which the matrix treats apart from security practitioners.</summary>
    public const string SecurityGovernance = "security_governance";

    private readonly Dictionary<(string Area, Seniority Seniority), CommitteeRole> _cells;

    public RoleMatrixOverride(IEnumerable<(string Area, Seniority Seniority, CommitteeRole Role)> cells)
    {
        ArgumentNullException.ThrowIfNull(cells);
        _cells = cells.ToDictionary(c => (c.Area, c.Seniority), c => c.Role);
    }

    public int Count => _cells.Count;

    /// <summary>The role of a classified title under this template.</summary>
    public CommitteeRole RoleOf(TitleClassification classification)
    {
        ArgumentNullException.ThrowIfNull(classification);
        if (classification.Trainee || classification.Seniority == Seniority.Assistant)
        {
            return classification.Role;
        }

        var area = classification.Department == Department.Security && classification.Governance
            ? SecurityGovernance
            : classification.Department.Name();
        return _cells.TryGetValue((area, classification.Seniority), out var role) ? role : classification.Role;
    }
}

using System.Collections.Frozen;

namespace Enrichment.Committee.Titles;

/// <summary>The snake_case words the CLI, the API and config files use for seniority, department and role.</summary>
public static class TitleNames
{
    private static readonly string[] SeniorityNames = ["c_level", "vp", "director", "manager", "senior_ic", "ic", "assistant", "unknown"];

    private static readonly string[] DepartmentNames =
    [
        "executive", "finance", "it", "engineering", "security", "procurement", "legal", "operations", "marketing",
        "sales", "hr", "product", "data", "customer_success", "other",
    ];

    private static readonly string[] RoleNames = ["economic_buyer", "champion", "technical_evaluator", "end_user", "blocker", "none"];

    private static readonly FrozenDictionary<string, CommitteeRole> RolesByName =
        RoleNames.Select((name, i) => (name, role: (CommitteeRole)i)).ToFrozenDictionary(p => p.name, p => p.role, StringComparer.Ordinal);

    public static string Name(this Seniority seniority) => SeniorityNames[(int)seniority];

    public static string Name(this Department department) => DepartmentNames[(int)department];

    public static string Name(this CommitteeRole role) => RoleNames[(int)role];

    public static IReadOnlyList<string> AllRoleNames => RoleNames;

    public static IReadOnlyList<string> AllSeniorityNames => SeniorityNames;

    public static IReadOnlyList<string> AllDepartmentNames => DepartmentNames;

    public static bool TryParseRole(string name, out CommitteeRole role) => RolesByName.TryGetValue(name, out role);

    public static bool TryParseSeniority(string name, out Seniority seniority)
    {
        var i = Array.IndexOf(SeniorityNames, name);
        seniority = i < 0 ? Seniority.Unknown : (Seniority)i;
        return i >= 0;
    }

    public static bool TryParseDepartment(string name, out Department department)
    {
        var i = Array.IndexOf(DepartmentNames, name);
        department = i < 0 ? Department.Other : (Department)i;
        return i >= 0;
    }
}

namespace Enrichment.Committee.Titles;

/// <summary>
/// A word naming a function. Strong words decide the department, the leftmost winning; weak words (operations,
/// project, the department a noun implies: engineer → engineering) decide only when no strong word is present.
/// </summary>
internal readonly record struct DepartmentCue(Department Department, bool Strong, bool Governance = false);

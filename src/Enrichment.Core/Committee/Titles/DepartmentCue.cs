namespace Enrichment.Committee.Titles;

/// <summary>
/// A word naming a function. Strong words decide the department, the leftmost winning; weak words (operations,
/// project, the department a noun implies: engineer → engineering) decide only when no strong word is present.
/// </summary>
/// <param name="Noun">The department a bare job noun implies (engineer → engineering, analyst → data): weaker than any
/// function word, and never hiding one inside a compound ("Löneadministratör" is payroll, not IT).</param>
internal readonly record struct DepartmentCue(Department Department, bool Strong, bool Governance = false, bool Noun = false);

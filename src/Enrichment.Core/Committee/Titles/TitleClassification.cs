namespace Enrichment.Committee.Titles;

/// <summary>
/// What a title says about its holder. <see cref="Governance"/> marks security governance (GRC, risk, audit, ISO),
/// gatekeepers at every rank; <see cref="Trainee"/> marks interns, trainees and apprentices, who hold no role.
/// </summary>
public sealed record TitleClassification(
    Seniority Seniority,
    Department Department,
    CommitteeRole Role,
    bool Governance = false,
    bool Trainee = false);

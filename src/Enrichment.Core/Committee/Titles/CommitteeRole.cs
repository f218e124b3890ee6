namespace Enrichment.Committee.Titles;

/// <summary>A member's part in a purchase: who pays, who pushes, who tests, who uses, who can stop it.</summary>
public enum CommitteeRole
{
    EconomicBuyer,
    Champion,
    TechnicalEvaluator,
    EndUser,
    Blocker,
    None,
}

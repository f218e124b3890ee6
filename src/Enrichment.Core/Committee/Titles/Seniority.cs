namespace Enrichment.Committee.Titles;

/// <summary>Rank read from a title; the first matching rule of COMMITTEE.md wins, in this order.</summary>
public enum Seniority
{
    CLevel,
    Vp,
    Director,
    Manager,
    SeniorIc,
    Ic,
    Assistant,
    Unknown,
}

using Enrichment.Committee.Titles;

namespace Enrichment.Committee.Completeness;

/// <summary>One role: wanted, reachable members, and min(reachable ÷ wanted, 1).</summary>
public sealed record RoleCompleteness(CommitteeRole Role, int Wanted, int Reachable, double Weight, double Completeness)
{
    /// <summary>As Adobe shows it: a whole percentage (66.67 % → 67).</summary>
    public int Percent => (int)Math.Round(Completeness * 100, MidpointRounding.AwayFromZero);
}

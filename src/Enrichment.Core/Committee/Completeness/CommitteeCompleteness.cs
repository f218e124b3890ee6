namespace Enrichment.Committee.Completeness;

/// <summary>An account's committee: the weighted mean of its roles' completeness, with each role's figures.</summary>
public sealed record CommitteeCompleteness(double Completeness, IReadOnlyList<RoleCompleteness> Roles)
{
    public int Percent => (int)Math.Round(Completeness * 100, MidpointRounding.AwayFromZero);
}

namespace Enrichment.Finding.Patterns;

/// <summary>
/// The domain's collision scheme as counts of known addresses that show one, weighed against a prior. No public
/// statistics exist: the prior is a stated guess (a number from 2 most often, then a number from 1, the middle
/// initial, more letters of the given name), and one known address showing a scheme outweighs it.
/// </summary>
public sealed record CollisionEvidence(int FromTwo, int FromOne, int MiddleInitial, int MoreLetters)
{
    public static CollisionEvidence None { get; } = new(0, 0, 0, 0);

    internal const double PriorStrength = 1.0;

    private static double Prior(CollisionScheme scheme) => scheme switch
    {
        CollisionScheme.NumberFromTwo => 0.55,
        CollisionScheme.NumberFromOne => 0.15,
        CollisionScheme.MiddleInitial => 0.15,
        _ => 0.15,
    };

    public int Total => FromTwo + FromOne + MiddleInitial + MoreLetters;

    public int Count(CollisionScheme scheme) => scheme switch
    {
        CollisionScheme.NumberFromTwo => FromTwo,
        CollisionScheme.NumberFromOne => FromOne,
        CollisionScheme.MiddleInitial => MiddleInitial,
        _ => MoreLetters,
    };

    public CollisionEvidence With(CollisionScheme scheme) => scheme switch
    {
        CollisionScheme.NumberFromTwo => this with { FromTwo = FromTwo + 1 },
        CollisionScheme.NumberFromOne => this with { FromOne = FromOne + 1 },
        CollisionScheme.MiddleInitial => this with { MiddleInitial = MiddleInitial + 1 },
        _ => this with { MoreLetters = MoreLetters + 1 },
    };

    /// <summary>Posterior share of the scheme among those that apply to this person and format.</summary>
    internal double Share(CollisionScheme scheme, IReadOnlyCollection<CollisionScheme> applicable)
    {
        double Raw(CollisionScheme s) => PriorStrength * Prior(s) + Count(s);
        var total = applicable.Sum(Raw);
        return total > 0 && applicable.Contains(scheme) ? Raw(scheme) / total : 0;
    }
}

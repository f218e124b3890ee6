using Enrichment.Finding.Names;

namespace Enrichment.Finding.Patterns;

/// <summary>
/// How a domain's known addresses spelled names with choices: umlauts folded (muller) or expanded (mueller),
/// double names joined, hyphenated or cut to the first part, particles kept or dropped. Domains are consistent
/// about these, so a few known addresses shift the weights of a new person's spellings.
/// </summary>
public sealed record SpellingEvidence(int Folded, int Expanded, IReadOnlyDictionary<SpellingShape, int> Shapes)
{
    public static SpellingEvidence None { get; } = new(0, 0, new Dictionary<SpellingShape, int>());

    /// <summary>Pseudo-count of the rank-based prior against which the domain's observations are weighed.</summary>
    internal const double PriorStrength = 1.0;

    internal int Count(SpellingShape shape) => Shapes.TryGetValue(shape, out var n) ? n : 0;

    internal SpellingEvidence With(SpellingKind kind)
    {
        var shapes = new Dictionary<SpellingShape, int>(Shapes);
        if (kind.Shape != SpellingShape.Simple)
        {
            shapes[kind.Shape] = Count(kind.Shape) + 1;
        }

        return new SpellingEvidence(
            Folded + (kind.HasExpansion && !kind.Expanded ? 1 : 0),
            Expanded + (kind.HasExpansion && kind.Expanded ? 1 : 0),
            shapes);
    }

    /// <summary>
    /// Probability of each variant of one name token. Without kinds (a hand-built name) the rank decides:
    /// each spelling half as likely as the one before. With kinds, shape and transliteration are weighed
    /// separately, each as the mean of a Dirichlet whose prior is that rank order and whose counts are this
    /// domain's observations.
    /// </summary>
    internal IReadOnlyList<double> Weigh(IReadOnlyList<string> variants, IReadOnlyList<SpellingKind> kinds)
    {
        if (kinds.Count != variants.Count)
        {
            var raw = variants.Select((_, i) => Math.Pow(0.5, i)).ToList();
            var sum = raw.Sum();
            return raw.Select(w => w / sum).ToList();
        }

        // Shapes in the order the name offers them; prior halves with each step.
        var shapes = kinds.Select(k => k.Shape).Distinct().ToList();
        var shapePrior = shapes.Select((_, i) => Math.Pow(0.5, i)).ToList();
        var priorSum = shapePrior.Sum();
        var observed = shapes.Sum(Count);
        var shapeProbability = shapes.ToDictionary(
            s => s,
            s => (PriorStrength * shapePrior[shapes.IndexOf(s)] / priorSum + Count(s)) / (PriorStrength + observed));

        // Folding is the prior favourite (2:1) for tokens with letters of two conventions.
        var expanded = (PriorStrength / 3 + Expanded) / (PriorStrength + Expanded + Folded);

        var weights = kinds
            .Select(k => shapeProbability[k.Shape] * (!k.HasExpansion ? 1 : k.Expanded ? expanded : 1 - expanded))
            .ToList();
        var total = weights.Sum();
        return weights.Select(w => w / total).ToList();
    }
}

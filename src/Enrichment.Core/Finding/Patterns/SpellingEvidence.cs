using Enrichment.Finding.Names;

namespace Enrichment.Finding.Patterns;

/// <summary>
/// How a domain's known addresses spelled names with choices: umlauts folded (muller) or expanded (mueller),
/// compound given names cut, joined or reduced to initials, double family names joined or cut, particles kept or
/// dropped, nicknames. Domains are consistent about these, so a few known addresses shift the weights of a new
/// person's spellings. Given and family names are counted apart: a domain that cuts "Ana María" to ana may still
/// join "García López".
/// </summary>
public sealed record SpellingEvidence(int Folded, int Expanded, IReadOnlyDictionary<SpellingShape, int> Shapes)
{
    public static SpellingEvidence None { get; } = new(0, 0, new Dictionary<SpellingShape, int>());

    /// <summary>Pseudo-count of the rank-based prior against which the domain's observations are weighed.</summary>
    internal const double PriorStrength = 1.0;

    /// <summary>Share of people whose address uses the name they go by rather than the CRM's (bob for Robert),
    /// before the domain shows any: low, so a nickname is a fallback within the top 3, never the best guess.</summary>
    internal const double NicknameShare = 0.1;

    /// <summary>Where one name's letters are folded and the other's expanded (jurgen.mueller): a domain's admin
    /// follows one convention, so mixed spellings are rare.</summary>
    internal const double MixedTransliteration = 0.05;

    /// <summary>Shapes seen in given names, counted apart from <see cref="Shapes"/> (family names).</summary>
    public IReadOnlyDictionary<SpellingShape, int> FirstShapes { get; init; } = new Dictionary<SpellingShape, int>();

    internal int Count(SpellingShape shape, bool given) =>
        shape == SpellingShape.CompoundHyphenated
            // Whether a hyphen survives is the admin's system's habit, the same for given and family names.
            ? FirstShapes.GetValueOrDefault(shape) + Shapes.GetValueOrDefault(shape)
            : (given ? FirstShapes : Shapes).GetValueOrDefault(shape);

    internal SpellingEvidence With(SpellingKind kind, bool given)
    {
        var shapes = new Dictionary<SpellingShape, int>(given ? FirstShapes : Shapes);
        if (kind.Shape != SpellingShape.Simple)
        {
            shapes[kind.Shape] = shapes.GetValueOrDefault(kind.Shape) + 1;
        }

        var folded = Folded + (kind.HasExpansion && !kind.Expanded ? 1 : 0);
        var expanded = Expanded + (kind.HasExpansion && kind.Expanded ? 1 : 0);
        return given
            ? this with { Folded = folded, Expanded = expanded, FirstShapes = shapes }
            : this with { Folded = folded, Expanded = expanded, Shapes = shapes };
    }

    /// <summary>Chance the domain writes ü as ue (å as aa, ø as oe): folding is the prior favourite, 2:1.</summary>
    internal double ExpandedShare => (PriorStrength / 3 + Expanded) / (PriorStrength + Expanded + Folded);

    /// <summary>
    /// Weight of a combination of a given-name and a family-name spelling for their letters with two conventions:
    /// the domain's convention applies to both names at once (juergen.mueller or jurgen.muller), so a combination
    /// mixing them gets only <see cref="MixedTransliteration"/>. Null kinds: that name is not in the format.
    /// </summary>
    internal double Transliteration(SpellingKind? first, SpellingKind? last)
    {
        bool? a = first is { HasExpansion: true } f ? f.Expanded : null;
        bool? b = last is { HasExpansion: true } l ? l.Expanded : null;
        if (a is null && b is null)
        {
            return 1;
        }

        if (a is not null && b is not null && a != b)
        {
            return MixedTransliteration;
        }

        return (a ?? b) == true ? ExpandedShare : 1 - ExpandedShare;
    }

    /// <summary>
    /// Weight of each variant's shape within one name (transliteration is weighed jointly, see
    /// <see cref="Transliteration"/>). Without kinds (a hand-built name) the rank decides: each spelling half as likely
    /// as the one before. With kinds, each shape's weight is the mean of a Dirichlet whose prior is the order the
    /// name offers them (its culture's order) and whose counts are this domain's observations. Nicknames share a
    /// small fixed part that grows only where the domain is seen using them.
    /// </summary>
    internal IReadOnlyList<double> Weigh(IReadOnlyList<string> variants, IReadOnlyList<SpellingKind> kinds, bool given)
    {
        if (kinds.Count != variants.Count)
        {
            var raw = variants.Select((_, i) => Math.Pow(0.5, i)).ToList();
            var sum = raw.Sum();
            return raw.Select(w => w / sum).ToList();
        }

        // Shapes in the order the name offers them; prior halves with each step.
        var shapes = kinds.Select(k => k.Shape).Where(s => s != SpellingShape.Nickname).Distinct().ToList();
        var shapePrior = shapes.Select((_, i) => Math.Pow(0.5, i)).ToList();
        var priorSum = shapePrior.Sum();
        var observed = shapes.Sum(s => Count(s, given));
        var shapeProbability = shapes.ToDictionary(
            s => s,
            s => (PriorStrength * shapePrior[shapes.IndexOf(s)] / priorSum + Count(s, given)) / (PriorStrength + observed));

        // Going by a nickname is a person's choice, not the domain's: colleagues' nicknames do not raise it.
        var nicknames = kinds.Count(k => k.Shape == SpellingShape.Nickname);
        var nicknameShare = nicknames == 0 ? 0 : NicknameShare;

        // Nicknames are listed most common first (liz before beth for Elizabeth): each half the one before.
        var nicknameNorm = Enumerable.Range(0, nicknames).Sum(i => Math.Pow(0.5, i));
        var nth = 0;

        // Both spellings of a letter with two conventions keep the shape's weight: the joint factor splits them.
        return kinds
            .Select(k => k.Shape == SpellingShape.Nickname
                ? nicknameShare * Math.Pow(0.5, nth++) / nicknameNorm
                : (1 - nicknameShare) * shapeProbability[k.Shape])
            .ToList();
    }
}

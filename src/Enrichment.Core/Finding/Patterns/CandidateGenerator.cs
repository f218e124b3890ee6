using Enrichment.Finding.Names;

namespace Enrichment.Finding.Patterns;

/// <summary>A local part to try for a person, with the probability that it is theirs.</summary>
/// <param name="CollisionNumber">0, or the number appended because the plain form belongs to someone else (john.smith2).</param>
public sealed record Candidate(string LocalPart, AddressFormat Format, double Confidence, int CollisionNumber);

public static class CandidateGenerator
{
    /// <summary>Where the domain is seen numbering duplicates, the chance an untaken-looking plain form is in
    /// fact held by an unknown namesake.</summary>
    internal const double UnseenNamesakeShare = 0.08;

    /// <summary>Confidence, relative to a namesake's own best guess, of the guess another namesake got: which of two
    /// people with one name holds the plain address is unknown, so each one's runner-up is the other's best.</summary>
    internal const double OtherNamesakeShare = 0.5;

    private static readonly CollisionScheme[] Schemes = Enum.GetValues<CollisionScheme>();

    /// <summary>
    /// Local parts for the person ranked by confidence = format share × spelling probability (see
    /// <see cref="AddressFormats.Render"/>). Local parts in <paramref name="takenLocalParts"/> belong to other
    /// people and are never offered: each is replaced by the forms the domain's collision scheme gives it
    /// (learned, else the common schemes' prior). Lower-case local parts are compared.
    /// </summary>
    public static IReadOnlyList<Candidate> Generate(PersonName name, PatternDistribution distribution, IReadOnlySet<string> takenLocalParts, int max = 10)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(distribution);
        ArgumentNullException.ThrowIfNull(takenLocalParts);
        ArgumentOutOfRangeException.ThrowIfNegative(max);

        var numbersVisible = distribution.NumberedAddresses > 0;
        var scored = new Dictionary<string, (AddressFormat Format, double Confidence, double Best, int Number, int Order)>(StringComparer.Ordinal);

        void Add(string local, AddressFormat format, double confidence, int number)
        {
            if (confidence <= 0 || takenLocalParts.Contains(local))
            {
                return;
            }

            if (scored.TryGetValue(local, out var existing))
            {
                // Two formats spelling the same local part both make it likely; the stronger names it.
                scored[local] = confidence > existing.Best
                    ? (format, existing.Confidence + confidence, confidence, number, existing.Order)
                    : existing with { Confidence = existing.Confidence + confidence };
            }
            else
            {
                scored[local] = (format, confidence, confidence, number, scored.Count);
            }
        }

        void Score(PersonName reading, double readingShare)
        {
            var middle = reading.MiddleInitials.Count > 0 ? reading.MiddleInitials[0] : null;
            foreach (var share in distribution.Shares)
            {
                foreach (var (whole, weight, firstIndex, lastIndex) in AddressFormats.RenderDetailed(share.Format, reading, distribution.Spelling))
                {
                    var local = PatternLearner.Cut(whole, distribution.MaxLength);
                    var confidence = share.Confidence * weight * readingShare;
                    if (takenLocalParts.Contains(local))
                    {
                        var first = reading.FirstVariants[firstIndex];
                        var last = reading.HasLast ? reading.LastVariants[lastIndex] : "";
                        var forms = Schemes
                            .Select(s => (Scheme: s, Local: CollisionForms.Apply(s, share.Format, local, first, last, middle, takenLocalParts)))
                            .Where(f => f.Local is not null && !takenLocalParts.Contains(f.Local))
                            .ToList();
                        var applicable = forms.Select(f => f.Scheme).ToList();
                        foreach (var (scheme, form) in forms)
                        {
                            Add(form!, share.Format, confidence * distribution.Collisions.Share(scheme, applicable), Number(local, form!));
                        }
                    }
                    else if (numbersVisible)
                    {
                        Add(local, share.Format, confidence * (1 - UnseenNamesakeShare), 0);
                        Add(local + "2", share.Format, confidence * UnseenNamesakeShare, 2);
                    }
                    else
                    {
                        Add(local, share.Format, confidence, 0);
                    }
                }
            }
        }

        // A second reading of the CRM fields ("S.|Ramesh" as given name S.) ranks after the first one's best forms.
        Score(name, name.Alternative is null ? 1 : 1 - PersonName.AlternativeShare);
        if (name.Alternative is { } alternative)
        {
            Score(alternative, PersonName.AlternativeShare);
        }

        return scored
            .OrderByDescending(pair => pair.Value.Confidence)
            .ThenBy(pair => pair.Value.Order)
            .Take(max)
            .Select(pair => new Candidate(pair.Key, pair.Value.Format, pair.Value.Confidence, pair.Value.Number))
            .ToList();
    }

    /// <summary>
    /// Candidates for a row whose best guess another row of the domain shares (two John Smiths; John and Jane Smith
    /// at an {f}{last} domain): only one of them can hold <paramref name="contested"/>. Rows earlier in the input are
    /// taken to hold the guesses in <paramref name="claimedBefore"/> (empty for the first row), so every row's best
    /// guess differs; the contested address, or for the first row its own next form, follows as runner-up, since
    /// which of them holds which is unknown.
    /// </summary>
    public static IReadOnlyList<Candidate> GenerateContested(PersonName name, PatternDistribution distribution, IReadOnlySet<string> takenLocalParts, IReadOnlySet<string> claimedBefore, string contested, int max = 10)
    {
        ArgumentNullException.ThrowIfNull(claimedBefore);
        ArgumentNullException.ThrowIfNull(contested);
        var own = Generate(name, distribution, claimedBefore.Count == 0 ? takenLocalParts : Union(takenLocalParts, claimedBefore), max);
        if (own.Count == 0)
        {
            return own;
        }

        var runnerUp = claimedBefore.Count == 0
            ? Generate(name, distribution, Union(takenLocalParts, [contested]), 1) is [var next, ..] ? next : null
            : Generate(name, distribution, takenLocalParts, max).FirstOrDefault(c => c.LocalPart == contested);
        if (runnerUp is null || runnerUp.LocalPart == own[0].LocalPart)
        {
            return own;
        }

        List<Candidate> result = [own[0], runnerUp with { Confidence = Math.Min(own[0].Confidence, runnerUp.Confidence) * OtherNamesakeShare }];
        result.AddRange(own.Skip(1).Where(c => c.LocalPart != runnerUp.LocalPart));
        return result.Take(max).ToList();
    }

    private static HashSet<string> Union(IReadOnlySet<string> a, IEnumerable<string> b)
    {
        var union = new HashSet<string>(a, StringComparer.Ordinal);
        union.UnionWith(b);
        return union;
    }

    private static int Number(string local, string form) =>
        form.Length > local.Length && form.StartsWith(local, StringComparison.Ordinal)
        && int.TryParse(form.AsSpan(local.Length), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var n)
            ? n
            : 0;
}

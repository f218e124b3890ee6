using Enrichment.Finding.Names;

namespace Enrichment.Finding.Patterns;

/// <summary>A local part to try for a person, with the probability that it is theirs.</summary>
/// <param name="CollisionNumber">0, or the number appended because the plain form belongs to someone else (john.smith2).</param>
public sealed record Candidate(string LocalPart, AddressFormat Format, double Confidence, int CollisionNumber);

public static class CandidateGenerator
{
    /// <summary>When the plain form is taken, how often the admin appended the next free number (rather than,
    /// say, a middle initial); the rest goes to the number after it, for a namesake nobody told us about.</summary>
    internal const double NextNumberShare = 0.85;

    /// <summary>Where the domain is seen numbering duplicates, the chance an untaken-looking plain form is in
    /// fact held by an unknown namesake.</summary>
    internal const double UnseenNamesakeShare = 0.08;

    /// <summary>
    /// Local parts for the person ranked by confidence = format share × spelling probability (see
    /// <see cref="AddressFormats.Render"/>). Local parts in <paramref name="takenLocalParts"/> belong to other
    /// people, so they are replaced by the next free numbered form. Lower-case local parts are compared.
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

        foreach (var share in distribution.Shares)
        {
            foreach (var (local, weight) in AddressFormats.RenderWeighted(share.Format, name, distribution.Spelling))
            {
                var confidence = share.Confidence * weight;
                if (takenLocalParts.Contains(local))
                {
                    var next = NextFree(local, 2, takenLocalParts);
                    Add(local + next, share.Format, confidence * NextNumberShare, next);
                    Add(local + NextFree(local, next + 1, takenLocalParts), share.Format, confidence * (1 - NextNumberShare), NextFree(local, next + 1, takenLocalParts));
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

        return scored
            .OrderByDescending(pair => pair.Value.Confidence)
            .ThenBy(pair => pair.Value.Order)
            .Take(max)
            .Select(pair => new Candidate(pair.Key, pair.Value.Format, pair.Value.Confidence, pair.Value.Number))
            .ToList();
    }

    private static int NextFree(string local, int from, IReadOnlySet<string> taken)
    {
        var n = from;
        while (taken.Contains(local + n.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            n++;
        }

        return n;
    }
}

using System.Collections.Frozen;
using Enrichment.Finding.Names;

namespace Enrichment.Finding.Patterns;

/// <summary>
/// Learns a domain's address formats from addresses seen there. Each format's share is the mean of a
/// Dirichlet posterior: share ∝ PriorStrength·prior + evidence. With nothing known that is the global prior;
/// one named address makes its format dominant without making it certain; a domain that mixes two formats
/// keeps both in proportion.
/// </summary>
public static class PatternLearner
{
    /// <summary>How many addresses the global prior is worth. Below 2 so that one named address outweighs
    /// even the most popular format's prior.</summary>
    internal const double PriorStrength = 1.5;

    /// <summary>A provider-declared pattern counts like this many named addresses: evidence, not truth.</summary>
    internal const double ProviderWeight = 1.5;

    /// <summary>An address without a name only tells its shape (dotted, one token, ...).</summary>
    internal const double ShapeWeight = 0.2;

    /// <summary>
    /// Global format shares. Source (shared REFERENCE, "Email formats"): "No rigorous public statistics exist.
    /// Vendor blogs put first.last first (often quoted near half to 60 %), then flast, first, firstlast, first.l,
    /// f.last, first_last, last.first." The numbers below encode that order with first.last at 48 %; the tail
    /// (lastf, last, first-last, ...) is our guess, small but never zero so evidence can always raise it.
    /// </summary>
    public static IReadOnlyList<PatternShare> GlobalPriors { get; } = BuildPriors();

    private static readonly FrozenDictionary<AddressFormat, double> Prior =
        GlobalPriors.ToFrozenDictionary(p => p.Format, p => p.Confidence);

    // Mailboxes that belong to a function, not a person: their shape says nothing about the name format.
    private static readonly FrozenSet<string> RoleAccounts = FrozenSet.Create(StringComparer.Ordinal,
        "info", "sales", "support", "admin", "administrator", "contact", "hello", "hi", "office", "team", "hr", "jobs",
        "careers", "billing", "accounts", "accounting", "marketing", "press", "media", "noreply", "no-reply",
        "donotreply", "webmaster", "postmaster", "hostmaster", "help", "service", "enquiries", "inquiries", "mail",
        "abuse", "security", "privacy", "legal", "finance", "it", "feedback", "partners", "invoice", "invoices",
        "orders", "reception", "newsletter", "events", "community", "ops", "devops", "recruiting", "talent",
        "investors", "ir", "compliance", "dpo", "gdpr", "customerservice", "customer-service", "kontakt", "verkauf",
        "vertrieb", "buchhaltung", "bureau", "contato", "contacto", "ventas", "info-de", "team-us");

    public static PatternDistribution Learn(string domain, IEnumerable<KnownAddress> known, string? providerPattern = null)
    {
        ArgumentNullException.ThrowIfNull(domain);
        ArgumentNullException.ThrowIfNull(known);

        var formats = AddressFormats.All;
        var weight = formats.ToDictionary(f => f, _ => 0.0);
        var supporting = formats.ToDictionary(f => f, _ => 0);
        var contradicting = formats.ToDictionary(f => f, _ => 0);
        var evidence = 0;
        var numbered = 0;
        var spelling = SpellingEvidence.None;
        var collisions = CollisionEvidence.None;
        var truncated = new List<(List<AddressFormat> Formats, int Length)>();
        var longestPlain = 0;

        foreach (var address in known)
        {
            if (address is null)
            {
                continue;
            }

            var (local, number) = SplitCollisionNumber(LocalPartOf(address.LocalPart));
            if (local.Length == 0)
            {
                continue;
            }

            var name = NameNormalizer.Normalize(address.FirstName, address.LastName);
            var matches = name is null ? [] : Reproducing(name, local);
            if (matches.Count == 0 && name?.Alternative is { } alternative && Reproducing(alternative, local) is { Count: > 0 } other)
            {
                (name, matches) = (alternative, other);
            }

            if (matches.Count > 0)
            {
                // A local part two formats both spell (first and last name the same, a one-letter name) is
                // split between them in proportion to how common each is.
                Spread(weight, matches, 1.0);
                foreach (var f in formats)
                {
                    if (matches.Contains(f))
                    {
                        supporting[f]++;
                    }
                    else if (AddressFormats.RenderWeighted(f, name!).Count > 0)
                    {
                        contradicting[f]++;
                    }
                }

                spelling = ObserveSpelling(spelling, name!, matches, local);
                longestPlain = Math.Max(longestPlain, local.Length);
                evidence++;
                numbered += number > 0 ? 1 : 0;
                if (number > 0)
                {
                    collisions = collisions.With(number == 1 ? CollisionScheme.NumberFromOne : CollisionScheme.NumberFromTwo);
                }

                continue;
            }

            // A namesake's form (john.a.smith, josmith) tells both the format and how the domain resolves collisions.
            if (name is not null && number == 0 && RecogniseCollision(name, local) is var (collisionFormat, scheme))
            {
                weight[collisionFormat] += 1.0;
                supporting[collisionFormat]++;
                collisions = collisions.With(scheme);
                evidence++;
                continue;
            }

            // A name cut short by a length limit ("david-jo" for David Jones): decided once all addresses are seen.
            if (name is not null && number == 0 && Truncating(name, local) is { Count: > 0 } cut)
            {
                truncated.Add((cut, local.Length));
                continue;
            }

            // No name, or a local part no format spells from it (a nickname, a role): judge the shape only.
            var shape = RoleAccounts.Contains(local) ? [] : ShapeCompatible(local);
            if (shape.Count > 0)
            {
                Spread(weight, shape, ShapeWeight);
                evidence++;
                numbered += number > 0 ? 1 : 0;
            }
        }

        // The limit is the longest cut seen (a cut that ended on a separator lost it too), unless a whole address
        // of the domain is longer: then the cuts were something else (nicknames, typos).
        var maxLength = truncated.Count > 0 ? truncated.Max(t => t.Length) : 0;
        if (maxLength > 0 && longestPlain <= maxLength)
        {
            foreach (var (cut, _) in truncated)
            {
                Spread(weight, cut, 1.0);
                evidence++;
            }
        }
        else
        {
            maxLength = 0;
        }

        if (providerPattern is not null && AddressFormats.TryParseTemplate(providerPattern, out var declared))
        {
            weight[declared] += ProviderWeight;
            evidence++;
        }

        var total = PriorStrength + weight.Values.Sum();
        var shares = formats
            .Select(f => new PatternShare(f, (PriorStrength * Prior[f] + weight[f]) / total, supporting[f], contradicting[f]))
            .OrderByDescending(s => s.Confidence)
            .ThenBy(s => s.Format)
            .ToList();

        return new PatternDistribution(domain, shares, evidence, evidence == 0) { NumberedAddresses = numbered, Spelling = spelling, Collisions = collisions, MaxLength = maxLength };
    }

    private static (AddressFormat, CollisionScheme)? RecogniseCollision(PersonName name, string local)
    {
        foreach (var first in name.FirstVariants.Take(3))
        {
            foreach (var last in name.LastVariants.Take(3))
            {
                if (CollisionForms.Recognise(local, first, last) is { } found)
                {
                    return found;
                }
            }
        }

        return null;
    }

    /// <summary>Records which spelling of the name the address used, from the most likely matching format.</summary>
    private static SpellingEvidence ObserveSpelling(SpellingEvidence spelling, PersonName name, List<AddressFormat> matches, string local)
    {
        var format = matches.OrderByDescending(f => Prior[f]).First();
        var used = AddressFormats.RenderDetailed(format, name).First(r => string.Equals(r.LocalPart, local, StringComparison.Ordinal));
        var template = AddressFormats.Template(format);
        // East Asian given names are kept whole everywhere: they say nothing of how the domain treats "Ana María", only
        // whether its system keeps a hyphen ("chih-wei" or "chihwei" for Chih-wei).
        if (template.Contains("{first}", StringComparison.Ordinal) && name.FirstKinds.Count == name.FirstVariants.Count
            && (name.Culture != NameCultureHint.EastAsian || name.FirstVariants.Any(v => v.Contains('-', StringComparison.Ordinal))))
        {
            spelling = spelling.With(name.FirstKinds[used.FirstIndex], given: true);
        }

        if (template.Contains("{last}", StringComparison.Ordinal) && name.LastKinds.Count == name.LastVariants.Count)
        {
            spelling = spelling.With(name.LastKinds[used.LastIndex], given: false);
        }

        return spelling;
    }

    /// <summary>Lower-case local part without a "+tag" (subaddress) and without an "@domain" tail.</summary>
    internal static string LocalPartOf(string? localPart)
    {
        var local = (localPart ?? "").Trim();
        var at = local.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            local = local[..at];
        }

        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus > 0)
        {
            local = local[..plus];
        }

        return string.Create(local.Length, local, static (span, s) =>
        {
            for (var i = 0; i < s.Length; i++)
            {
                span[i] = s[i] is >= 'A' and <= 'Z' ? (char)(s[i] + 32) : s[i];
            }
        });
    }

    /// <summary>"john.smith2" → ("john.smith", 2); "john.smith" → ("john.smith", 0).</summary>
    internal static (string Local, int Number) SplitCollisionNumber(string local)
    {
        var end = local.Length;
        while (end > 0 && char.IsAsciiDigit(local[end - 1]))
        {
            end--;
        }

        if (end == local.Length || end == 0 || !int.TryParse(local.AsSpan(end), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return (local, 0);
        }

        var stem = local[..end].TrimEnd('.', '_', '-');
        return stem.Length == 0 ? (local, 0) : (stem, number);
    }

    /// <summary>Shortest local part read as cut by a length limit: shorter ones are more likely a nickname or initials.</summary>
    internal const int MinimumCut = 6;

    /// <summary>Formats whose spelling of the name starts with the local part and goes on (cut at a length limit).</summary>
    private static List<AddressFormat> Truncating(PersonName name, string local) =>
        local.Length < MinimumCut
            ? []
            : AddressFormats.All
                .Where(f => AddressFormats.RenderWeighted(f, name).Take(4).Any(r => r.LocalPart.Length > local.Length && r.LocalPart.StartsWith(local, StringComparison.Ordinal)))
                .ToList();

    /// <summary>A local part cut to the domain's limit, without a separator left dangling at the cut.</summary>
    internal static string Cut(string local, int maxLength) =>
        maxLength <= 0 || local.Length <= maxLength ? local : local[..maxLength].TrimEnd('.', '_', '-');

    private static List<AddressFormat> Reproducing(PersonName name, string local) =>
        AddressFormats.All
            .Where(f => AddressFormats.RenderWeighted(f, name).Any(r => string.Equals(r.LocalPart, local, StringComparison.Ordinal)))
            .ToList();

    /// <summary>Formats whose output could have this shape, judged from separators and token lengths.</summary>
    internal static List<AddressFormat> ShapeCompatible(string local)
    {
        if (TwoLetterRuns(local, '.') is var (a, b))
        {
            return (a, b) switch
            {
                (1, 1) => [],
                (1, _) => [AddressFormat.FDotLast],
                (_, 1) => [AddressFormat.FirstDotL, AddressFormat.LastDotF],
                _ => [AddressFormat.FirstDotLast, AddressFormat.LastDotFirst],
            };
        }

        if (TwoLetterRuns(local, '_') is (> 1, > 1))
        {
            return [AddressFormat.FirstUnderscoreLast, AddressFormat.LastUnderscoreFirst];
        }

        if (local.Count(c => c == '-') == 1 && local.Replace("-", "", StringComparison.Ordinal).All(char.IsAsciiLetterLower))
        {
            return [AddressFormat.FirstDashLast];
        }

        if (local.All(char.IsAsciiLetterLower))
        {
            return local.Length == 2
                ? [AddressFormat.FL]
                : [AddressFormat.First, AddressFormat.Last, AddressFormat.FLast, AddressFormat.FirstLast,
                   AddressFormat.LastFirst, AddressFormat.LastF, AddressFormat.FirstL];
        }

        return [];
    }

    /// <summary>Lengths of the two letter runs around the one separator, or null for any other shape.</summary>
    private static (int, int)? TwoLetterRuns(string local, char separator)
    {
        var parts = local.Split(separator);
        return parts.Length == 2 && parts.All(p => p.Length > 0 && p.All(char.IsAsciiLetterLower))
            ? (parts[0].Length, parts[1].Length)
            : null;
    }

    private static void Spread(Dictionary<AddressFormat, double> weight, IReadOnlyCollection<AddressFormat> formats, double amount)
    {
        var mass = formats.Sum(f => Prior[f]);
        foreach (var f in formats)
        {
            weight[f] += amount * Prior[f] / mass;
        }
    }

    private static List<PatternShare> BuildPriors()
    {
        var raw = new (AddressFormat Format, double Weight)[]
        {
            (AddressFormat.FirstDotLast, 0.48),
            (AddressFormat.FLast, 0.15),
            (AddressFormat.First, 0.09),
            (AddressFormat.FirstLast, 0.065),
            (AddressFormat.FirstDotL, 0.04),
            (AddressFormat.FDotLast, 0.035),
            (AddressFormat.FirstUnderscoreLast, 0.03),
            (AddressFormat.LastDotFirst, 0.025),
            (AddressFormat.LastF, 0.016),
            (AddressFormat.FirstL, 0.014),
            (AddressFormat.Last, 0.012),
            (AddressFormat.FirstDashLast, 0.012),
            (AddressFormat.LastFirst, 0.008),
            (AddressFormat.LastDotF, 0.006),
            (AddressFormat.LastUnderscoreFirst, 0.004),
            (AddressFormat.FL, 0.003),
        };
        var total = raw.Sum(r => r.Weight);
        return raw.Select(r => new PatternShare(r.Format, r.Weight / total, 0, 0)).ToList();
    }
}

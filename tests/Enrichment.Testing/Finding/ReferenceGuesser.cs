using Enrichment.Finding.Names;
using Enrichment.Finding.Patterns;

namespace Enrichment.Testing.Finding;

/// <summary>
/// The plain reference the issue measures us against: 13 templates × a few name variants, ranked by a majority
/// vote of the domain's known addresses (ties and empty domains in the vendor-blog order). It parses names
/// naively (first token is the given name, last token the family name), skips addresses known to belong to
/// someone else, and knows nothing of namesakes, cultures or nicknames.
/// </summary>
public static class ReferenceGuesser
{
    private static readonly string[] Templates =
    [
        "{first}.{last}", "{f}{last}", "{first}", "{first}{last}", "{f}.{last}", "{first}_{last}", "{last}.{first}",
        "{last}{f}", "{first}.{l}", "{first}{l}", "{last}", "{first}-{last}", "{last}{first}",
    ];

    private static readonly HashSet<string> Titles = new(StringComparer.OrdinalIgnoreCase)
    {
        "dr", "mr", "mrs", "ms", "prof", "jr", "sr", "phd", "md", "ii", "iii",
    };

    /// <summary>Ranked local parts for a person at a domain with these known addresses.</summary>
    public static IReadOnlyList<string> Guess(IReadOnlyList<KnownAddress> known, string? first, string? last, string? full, int max = 3)
    {
        ArgumentNullException.ThrowIfNull(known);
        var variants = Variants(first, last, full);
        if (variants.Count == 0)
        {
            return [];
        }

        var templateVotes = new int[Templates.Length];
        var variantVotes = new Dictionary<int, int>();
        foreach (var k in known.Where(k => k.FirstName is not null))
        {
            var local = k.LocalPart.ToLowerInvariant().TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
            var theirs = Variants(k.FirstName, k.LastName, null);
            for (var t = 0; t < Templates.Length; t++)
            {
                var hit = theirs.FindIndex(v => Fill(Templates[t], v.First, v.Last) == local);
                if (hit >= 0)
                {
                    templateVotes[t]++;
                    variantVotes[hit] = variantVotes.GetValueOrDefault(hit) + 1;
                }
            }
        }

        var taken = known.Select(k => k.LocalPart.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var templates = Enumerable.Range(0, Templates.Length).OrderByDescending(t => templateVotes[t]).ThenBy(t => t);
        var order = Enumerable.Range(0, variants.Count).OrderByDescending(v => variantVotes.GetValueOrDefault(v)).ThenBy(v => v).ToList();
        var result = new List<string>();
        foreach (var t in templates)
        {
            foreach (var v in order)
            {
                var local = Fill(Templates[t], variants[v].First, variants[v].Last);
                if (local.Length > 0 && !taken.Contains(local) && !result.Contains(local))
                {
                    result.Add(local);
                    if (result.Count == max)
                    {
                        return result;
                    }
                }
            }
        }

        return result;
    }

    /// <summary>(given, family) spellings: given name's first token or all tokens joined; family name joined,
    /// first or last word; each folded (ü → u) and expanded (ü → ue).</summary>
    private static List<(string First, string Last)> Variants(string? first, string? last, string? full)
    {
        List<string> given, family;
        if (!string.IsNullOrWhiteSpace(first) || !string.IsNullOrWhiteSpace(last))
        {
            given = Words(first);
            family = Words(last);
        }
        else if (full?.Contains(',', StringComparison.Ordinal) == true)
        {
            var comma = full.IndexOf(',', StringComparison.Ordinal);
            family = Words(full[..comma]);
            given = Words(full[(comma + 1)..]);
        }
        else
        {
            var words = Words(full);
            given = words.Take(1).ToList();
            family = words.Skip(1).TakeLast(1).ToList();
        }

        if (given.Count == 0)
        {
            return [];
        }

        var firsts = new[] { given[0], string.Concat(given) }.Distinct().ToList();
        var lasts = family.Count == 0 ? [""] : new[] { string.Concat(family), family[0], family[^1] }.Distinct().ToList();
        var result = new List<(string, string)>();
        for (var spelling = 0; spelling < 2; spelling++)
        {
            foreach (var f in firsts)
            {
                foreach (var l in lasts)
                {
                    var pair = (Spell(f, spelling), Spell(l, spelling));
                    if (pair.Item1.Length > 0 && !result.Contains(pair))
                    {
                        result.Add(pair);
                    }
                }
            }
        }

        return result;
    }

    private static string Spell(string word, int spelling)
    {
        var variants = NameNormalizer.Transliterate(word);
        return variants.Count == 0 ? "" : variants[Math.Min(spelling, variants.Count - 1)].Replace("-", "", StringComparison.Ordinal);
    }

    private static List<string> Words(string? s) =>
        (s ?? "").Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries)
            .Select(w => w.Trim('.', ','))
            .Where(w => w.Length > 0 && !Titles.Contains(w))
            .ToList();

    private static string Fill(string template, string first, string last)
    {
        if (template.Contains("{last}", StringComparison.Ordinal) || template.Contains("{l}", StringComparison.Ordinal))
        {
            if (last.Length == 0)
            {
                return "";
            }
        }

        return template
            .Replace("{first}", first, StringComparison.Ordinal)
            .Replace("{last}", last, StringComparison.Ordinal)
            .Replace("{f}", first[..1], StringComparison.Ordinal)
            .Replace("{l}", last.Length > 0 ? last[..1] : "", StringComparison.Ordinal);
    }
}

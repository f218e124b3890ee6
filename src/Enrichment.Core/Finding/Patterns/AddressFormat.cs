using System.Collections.Frozen;
using System.Text;
using Enrichment.Finding.Names;

namespace Enrichment.Finding.Patterns;

/// <summary>How an organisation builds local parts from names (the formats finders such as Hunter and Tomba report).</summary>
public enum AddressFormat
{
    FirstDotLast,
    FirstLast,
    FLast,
    FDotLast,
    First,
    Last,
    FirstUnderscoreLast,
    FirstDashLast,
    LastDotFirst,
    LastFirst,
    LastF,
    LastDotF,
    FirstL,
    FirstDotL,
    LastUnderscoreFirst,
    FL,
}

public static class AddressFormats
{
    // Hunter/Tomba notation: {first}, {last}, {f} = first initial, {l} = last initial.
    private static readonly FrozenDictionary<AddressFormat, string> Templates = new Dictionary<AddressFormat, string>
    {
        [AddressFormat.FirstDotLast] = "{first}.{last}",
        [AddressFormat.FirstLast] = "{first}{last}",
        [AddressFormat.FLast] = "{f}{last}",
        [AddressFormat.FDotLast] = "{f}.{last}",
        [AddressFormat.First] = "{first}",
        [AddressFormat.Last] = "{last}",
        [AddressFormat.FirstUnderscoreLast] = "{first}_{last}",
        [AddressFormat.FirstDashLast] = "{first}-{last}",
        [AddressFormat.LastDotFirst] = "{last}.{first}",
        [AddressFormat.LastFirst] = "{last}{first}",
        [AddressFormat.LastF] = "{last}{f}",
        [AddressFormat.LastDotF] = "{last}.{f}",
        [AddressFormat.FirstL] = "{first}{l}",
        [AddressFormat.FirstDotL] = "{first}.{l}",
        [AddressFormat.LastUnderscoreFirst] = "{last}_{first}",
        [AddressFormat.FL] = "{f}{l}",
    }.ToFrozenDictionary();

    private static readonly FrozenDictionary<string, AddressFormat> ByTemplate =
        Templates.ToFrozenDictionary(pair => pair.Value, pair => pair.Key, StringComparer.Ordinal);

    // Spellings providers use for the same placeholders.
    private static readonly FrozenDictionary<string, string> PlaceholderAliases = new Dictionary<string, string>
    {
        ["first"] = "first", ["firstname"] = "first", ["first_name"] = "first", ["fn"] = "first", ["given"] = "first",
        ["last"] = "last", ["lastname"] = "last", ["last_name"] = "last", ["ln"] = "last", ["surname"] = "last",
        ["f"] = "f", ["fi"] = "f", ["first_initial"] = "f", ["firstinitial"] = "f", ["finitial"] = "f",
        ["l"] = "l", ["li"] = "l", ["last_initial"] = "l", ["lastinitial"] = "l", ["linitial"] = "l",
    }.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);

    public static IReadOnlyList<AddressFormat> All { get; } = Enum.GetValues<AddressFormat>();

    public static string Template(AddressFormat f) =>
        Templates.TryGetValue(f, out var template) ? template : throw new ArgumentOutOfRangeException(nameof(f), f, null);

    /// <summary>
    /// Parses a provider-declared pattern: "{first}.{last}", "{F}{Last}", "{first_initial}{last_name}",
    /// with an optional "@domain" tail. Unknown placeholders or literals fail.
    /// </summary>
    public static bool TryParseTemplate(string template, out AddressFormat f)
    {
        f = default;
        if (string.IsNullOrWhiteSpace(template))
        {
            return false;
        }

        var text = template.Trim();
        var at = text.IndexOf('@', StringComparison.Ordinal);
        if (at >= 0)
        {
            text = text[..at];
        }

        var canonical = new StringBuilder(text.Length);
        var i = 0;
        while (i < text.Length)
        {
            if (text[i] == '{')
            {
                var close = text.IndexOf('}', i + 1);
                if (close < 0 || !PlaceholderAliases.TryGetValue(text[(i + 1)..close].Trim(), out var name))
                {
                    return false;
                }

                canonical.Append('{').Append(name).Append('}');
                i = close + 1;
            }
            else
            {
                canonical.Append(text[i]);
                i++;
            }
        }

        return ByTemplate.TryGetValue(canonical.ToString(), out f);
    }

    /// <summary>All local parts the format yields for the name, best spelling first, without duplicates.</summary>
    public static IEnumerable<string> Render(AddressFormat f, PersonName name) =>
        RenderWeighted(f, name).Select(r => r.LocalPart);

    /// <summary>
    /// Local parts with the probability of each spelling given the format: a name's variants are weighted
    /// geometrically by rank (best spelling twice as likely as the next), combinations multiply, and spellings
    /// that coincide (two first-name variants with the same initial) add up. Weights sum to 1.
    /// </summary>
    internal static IReadOnlyList<(string LocalPart, double Weight)> RenderWeighted(AddressFormat f, PersonName name, SpellingEvidence? spelling = null)
    {
        return RenderDetailed(f, name, spelling).Select(r => (r.LocalPart, r.Weight)).ToList();
    }

    /// <summary>As <see cref="RenderWeighted"/>, also naming the first and last variant each local part used.</summary>
    internal static IReadOnlyList<(string LocalPart, double Weight, int FirstIndex, int LastIndex)> RenderDetailed(AddressFormat f, PersonName name, SpellingEvidence? spelling = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var template = Template(f);
        var needsLast = template.Contains("{last}", StringComparison.Ordinal) || template.Contains("{l}", StringComparison.Ordinal);
        if (needsLast && !name.HasLast)
        {
            return [];
        }

        spelling ??= SpellingEvidence.None;
        var usesFirst = template.Contains("{first}", StringComparison.Ordinal);
        var usesLast = template.Contains("{last}", StringComparison.Ordinal);
        var firsts = Zip(name.FirstVariants, spelling.Weigh(name.FirstVariants, name.FirstKinds, given: true));
        var lasts = needsLast ? Zip(name.LastVariants, spelling.Weigh(name.LastVariants, name.LastKinds, given: false)) : [("", 1.0)];
        var results = new List<(string LocalPart, double Weight, int First, int Last)>();
        for (var i = 0; i < firsts.Count; i++)
        {
            for (var j = 0; j < lasts.Count; j++)
            {
                var local = Fill(template, firsts[i].Token, lasts[j].Token);
                SpellingKind? firstKind = usesFirst && name.FirstKinds.Count == name.FirstVariants.Count ? name.FirstKinds[i] : null;
                SpellingKind? lastKind = usesLast && name.LastKinds.Count == name.LastVariants.Count ? name.LastKinds[j] : null;
                var weight = firsts[i].Weight * lasts[j].Weight * spelling.Transliteration(firstKind, lastKind);
                var existing = results.FindIndex(r => string.Equals(r.LocalPart, local, StringComparison.Ordinal));
                if (existing >= 0)
                {
                    results[existing] = results[existing] with { Weight = results[existing].Weight + weight };
                }
                else
                {
                    results.Add((local, weight, i, j));
                }
            }
        }

        var total = results.Sum(r => r.Weight);
        return results
            .Select(r => (r.LocalPart, total > 0 ? r.Weight / total : 0, r.First, r.Last))
            .OrderByDescending(r => r.Item2)
            .ThenBy(r => r.First + r.Last)
            .ToList();
    }

    private static List<(string Token, double Weight)> Zip(IReadOnlyList<string> variants, IReadOnlyList<double> weights) =>
        variants.Select((v, i) => (v, weights[i])).ToList();

    private static string Fill(string template, string first, string last) =>
        template
            .Replace("{first}", first, StringComparison.Ordinal)
            .Replace("{last}", last, StringComparison.Ordinal)
            .Replace("{f}", first.Length > 0 ? first[..1] : "", StringComparison.Ordinal)
            .Replace("{l}", last.Length > 0 ? last[..1] : "", StringComparison.Ordinal);
}

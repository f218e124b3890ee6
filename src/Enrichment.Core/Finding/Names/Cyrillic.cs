using System.Collections.Frozen;
using System.Text;

namespace Enrichment.Finding.Names;

/// <summary>
/// Russian and Ukrainian names in Cyrillic, romanised as passports and corporate directories most often write them
/// (a BGN/PCGN-like scheme: й → y, х → kh, ц → ts, ю → yu, я → ya, soft and hard signs dropped; a final "-ий" → y
/// as in Dmitry, a final "-ия" → ia as in Yulia, Natalia). The mail admin types the Latin spelling from the
/// passport, so this is the one guess worth making; other transliterations are left to known addresses.
/// </summary>
internal static class Cyrillic
{
    private static readonly FrozenDictionary<char, string> Letters = new Dictionary<char, string>
    {
        ['а'] = "a", ['б'] = "b", ['в'] = "v", ['г'] = "g", ['д'] = "d", ['е'] = "e", ['ё'] = "e", ['ж'] = "zh", ['з'] = "z",
        ['и'] = "i", ['й'] = "y", ['к'] = "k", ['л'] = "l", ['м'] = "m", ['н'] = "n", ['о'] = "o", ['п'] = "p", ['р'] = "r",
        ['с'] = "s", ['т'] = "t", ['у'] = "u", ['ф'] = "f", ['х'] = "kh", ['ц'] = "ts", ['ч'] = "ch", ['ш'] = "sh",
        ['щ'] = "shch", ['ъ'] = "", ['ы'] = "y", ['ь'] = "", ['э'] = "e", ['ю'] = "yu", ['я'] = "ya",
        // Ukrainian and Belarusian letters
        ['і'] = "i", ['ї'] = "yi", ['є'] = "ye", ['ґ'] = "g", ['ў'] = "u",
    }.ToFrozenDictionary();

    public static bool IsCyrillic(char c) => c is >= '\u0400' and <= '\u04FF';

    /// <summary>The Latin spelling of a Cyrillic word (lowercase), or null when it holds a letter outside the table.</summary>
    public static string? Romanize(string word)
    {
        var lower = word.ToLowerInvariant();
        if (lower.EndsWith("ий", StringComparison.Ordinal) || lower.EndsWith("ый", StringComparison.Ordinal))
        {
            lower = lower[..^2] + "\u0001";  // Dmitriy → Dmitry, Yevgeniy → Yevgeny
        }
        else if (lower.EndsWith("ия", StringComparison.Ordinal))
        {
            lower = lower[..^2] + "\u0002";  // Yuliya → Yulia, Anastasiya → Anastasia
        }
        else if (lower.EndsWith("ья", StringComparison.Ordinal))
        {
            lower = lower[..^2] + "\u0002";  // Natalya → Natalia
        }

        var sb = new StringBuilder(lower.Length + 4);
        for (var i = 0; i < lower.Length; i++)
        {
            var c = lower[i];
            if (c == '\u0001')
            {
                sb.Append('y');
            }
            else if (c == '\u0002')
            {
                sb.Append("ia");
            }
            else if (c == 'е' && (i == 0 || "аеёиоуыэюяіїєьъ".Contains(lower[i - 1], StringComparison.Ordinal)))
            {
                sb.Append(i == 0 ? "e" : "ye");  // Sergeyev; a leading Е is written E (Elena, Evgeny) more often than Ye
            }
            else if (Letters.TryGetValue(c, out var latin))
            {
                sb.Append(latin);
            }
            else if (c is '-' or '\'' or '.')
            {
                sb.Append(c);
            }
            else if (IsCyrillic(c) || char.IsLetter(c))
            {
                return null;
            }
        }

        return sb.ToString();
    }
}

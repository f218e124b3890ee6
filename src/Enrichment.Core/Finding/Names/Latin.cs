using System.Collections.Frozen;

namespace Enrichment.Finding.Names;

/// <summary>
/// Latin letters with diacritics and their ASCII spellings. A table rather than Unicode decomposition because
/// the app runs with InvariantGlobalization, where string.Normalize is a no-op, and because several letters
/// (ł, ø, æ, ß, þ, đ, ı) do not decompose at all.
/// </summary>
internal static class Latin
{
    // U+0100..U+017F (Latin Extended-A) in code-point order; '*' marks entries in the multi-letter table.
    private const string ExtendedA =
        "aaaaaa" + "cccccccc" + "dddd" + "eeeeeeeeee" + "gggggggg" + "hhhh" + "iiiiiiiiii" + "**" + "jj" + "kkk" +
        "llllllllll" + "nnnnnnnnn" + "oooooo" + "**" + "rrrrrr" + "ssssssss" + "tttttt" + "uuuuuuuuuuuu" + "ww" +
        "yyy" + "zzzzzz" + "s";

    // U+00C0..U+00FF (Latin-1 Supplement letters); '*' = multi-letter or two conventions, '_' = not a letter.
    private const string Latin1 =
        "aaaa**" + "*c" + "eeee" + "iiii" + "dn" + "oooo*" + "_" + "*" + "uuu*" + "y*" + "*" +
        "aaaa**" + "*c" + "eeee" + "iiii" + "dn" + "oooo*" + "_" + "*" + "uuu*" + "y*" + "y";

    // Letters spelled with two letters, or with two conventions: simple folding first, then the expansion
    // German, Scandinavian and Dutch directories also use (Müller → muller / mueller).
    private static readonly FrozenDictionary<char, (string Fold, string Expand)> Special = new Dictionary<char, (string, string)>
    {
        ['Ä'] = ("a", "ae"), ['ä'] = ("a", "ae"),
        ['Ö'] = ("o", "oe"), ['ö'] = ("o", "oe"),
        ['Ü'] = ("u", "ue"), ['ü'] = ("u", "ue"),
        ['Ø'] = ("o", "oe"), ['ø'] = ("o", "oe"),
        ['Å'] = ("a", "aa"), ['å'] = ("a", "aa"),
        ['Æ'] = ("ae", "ae"), ['æ'] = ("ae", "ae"),
        ['Œ'] = ("oe", "oe"), ['œ'] = ("oe", "oe"),
        ['ß'] = ("ss", "ss"), ['ẞ'] = ("ss", "ss"),
        ['Þ'] = ("th", "th"), ['þ'] = ("th", "th"),
        ['Ĳ'] = ("ij", "ij"), ['ĳ'] = ("ij", "ij"),
        // Japanese long vowels (Satō, Yūko): dropped, or written out (satou, yuuko); Transliterate adds Hepburn's "oh".
        ['Ō'] = ("o", "ou"), ['ō'] = ("o", "ou"), ['Ū'] = ("u", "uu"), ['ū'] = ("u", "uu"),
        // Latin Extended-B letters seen in names: Vietnamese horn letters, Romanian comma-below, pinyin tones.
        ['Ơ'] = ("o", "o"), ['ơ'] = ("o", "o"), ['Ư'] = ("u", "u"), ['ư'] = ("u", "u"),
        ['Ș'] = ("s", "s"), ['ș'] = ("s", "s"), ['Ț'] = ("t", "t"), ['ț'] = ("t", "t"),
        ['Ǎ'] = ("a", "a"), ['ǎ'] = ("a", "a"), ['Ǐ'] = ("i", "i"), ['ǐ'] = ("i", "i"),
        ['Ǒ'] = ("o", "o"), ['ǒ'] = ("o", "o"), ['Ǔ'] = ("u", "u"), ['ǔ'] = ("u", "u"),
        ['Ǖ'] = ("u", "u"), ['ǖ'] = ("u", "u"), ['Ǘ'] = ("u", "u"), ['ǘ'] = ("u", "u"),
        ['Ǚ'] = ("u", "u"), ['ǚ'] = ("u", "u"), ['Ǜ'] = ("u", "u"), ['ǜ'] = ("u", "u"),
    }.ToFrozenDictionary();

    public static bool TryFold(char c, out string fold, out string expand)
    {
        if (Special.TryGetValue(c, out var pair))
        {
            (fold, expand) = pair;
            return true;
        }

        var single = c switch
        {
            >= '\u00C0' and <= '\u00FF' => Latin1[c - 0xC0],
            >= '\u0100' and <= '\u017F' => ExtendedA[c - 0x100],
            >= '\u1EA0' and <= '\u1EB7' => 'a',  // Vietnamese: ạ ả ấ ầ ẩ ẫ ậ ắ ằ ẳ ẵ ặ (both cases)
            >= '\u1EB8' and <= '\u1EC7' => 'e',
            >= '\u1EC8' and <= '\u1ECB' => 'i',
            >= '\u1ECC' and <= '\u1EE3' => 'o',
            >= '\u1EE4' and <= '\u1EF1' => 'u',
            >= '\u1EF2' and <= '\u1EF9' => 'y',
            _ => '_',
        };

        if (single is '_' or '*')
        {
            fold = expand = "";
            return false;
        }

        fold = expand = single.ToString();
        return true;
    }
}

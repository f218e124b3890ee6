using System.Collections.Frozen;

namespace Enrichment.Finding.Names;

/// <summary>
/// Common Japanese family and given names with a long vowel that CRMs usually hold without its macron (Sato for Satō,
/// Yuko for Yūko), while the person's address may write it out (satou, yuuko) or as Hepburn passports do (satoh).
/// Restoring the macron lets <see cref="NameNormalizer.Transliterate"/> offer those spellings behind the plain one.
/// Names only: a short list of frequent ones, since a wrong restoration costs a top-3 slot.
/// </summary>
internal static class JapaneseLongVowels
{
    private static readonly FrozenDictionary<string, string> Names = new[]
    {
        // family names
        "Satō", "Itō", "Katō", "Saitō", "Gotō", "Endō", "Kondō", "Andō", "Kudō", "Naitō", "Mutō", "Shindō", "Ōno", "Kōno",
        "Ōta", "Ōtsuka", "Ōshima", "Ōkubo", "Ōishi", "Ōnishi", "Ōhashi", "Ōkawa", "Ōyama", "Ōtani", "Ōkubo", "Hōjō", "Kōda",
        "Ōwada", "Ōmori", "Sōma", "Kōyama", "Shōji", "Tōyama", "Yūki",
        // given names
        "Yūko", "Yōko", "Kyōko", "Shōko", "Ryōko", "Shōta", "Kōji", "Ryōta", "Yūsuke", "Kōsuke", "Yūta", "Shōhei", "Shūhei",
        "Kōhei", "Yūya", "Tarō", "Jirō", "Ichirō", "Saburō", "Shirō", "Gorō", "Yūichi", "Shūichi", "Kōichi", "Shōichi",
        "Yūji", "Kōki", "Yūdai", "Shōgo", "Yūma", "Yūto", "Sōta", "Kōta", "Yūna", "Yūka", "Ryōsuke", "Shōtarō", "Kōtarō",
        "Yōsuke", "Kōsei", "Jōji", "Shūji", "Ryūji", "Ryūnosuke", "Yūsei", "Yūichirō",
    }
    .Distinct(StringComparer.Ordinal)
    .ToFrozenDictionary(n => n.Replace('ō', 'o').Replace('ū', 'u').Replace('Ō', 'O').ToLowerInvariant(), n => n, StringComparer.Ordinal);

    /// <summary>The name with its macrons when the (plain, any case) token is one of the listed names; else null.</summary>
    public static string? Restore(string token) =>
        token.Length is > 2 and < 12 && Names.TryGetValue(token.ToLowerInvariant(), out var name) ? name : null;
}

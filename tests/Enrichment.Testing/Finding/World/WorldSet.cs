using System.Globalization;
using System.Text;
using Enrichment.Finding.Patterns;

namespace Enrichment.Testing.Finding.World;

/// <summary>
/// A second evaluation set, written apart from <see cref="EvaluationSet"/> (other name lists, other spelling code,
/// more cultures: Hong Kong English names, Wade-Giles, Japanese long vowels, Indian initials and single names, Arabic
/// and Persian compounds, Cyrillic CRM rows, transliteration variants, truncated local parts). Each target carries
/// its culture and tags naming the phenomena it shows, so the benchmark reports per culture and per phenomenon.
/// Assumptions and rates: WorldSet.md next to this file.
/// </summary>
public static class WorldSet
{
    private static readonly (AddressFormat Format, double Weight)[] Formats =
    [
        (AddressFormat.FirstDotLast, 0.42), (AddressFormat.FLast, 0.16), (AddressFormat.FirstLast, 0.07), (AddressFormat.First, 0.07),
        (AddressFormat.FDotLast, 0.05), (AddressFormat.FirstUnderscoreLast, 0.03), (AddressFormat.FirstDotL, 0.04),
        (AddressFormat.LastDotFirst, 0.03), (AddressFormat.FirstDashLast, 0.02), (AddressFormat.LastF, 0.02), (AddressFormat.FirstL, 0.03),
        (AddressFormat.Last, 0.01), (AddressFormat.LastFirst, 0.01), (AddressFormat.LastDotF, 0.005), (AddressFormat.LastUnderscoreFirst, 0.005),
    ];

    private static readonly string[] Roles = ["info", "sales", "contact", "office", "hr", "support", "kontakt"];

    public static IReadOnlyList<EvaluationCompany> Generate(int companies, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(companies);
        var random = new Random(seed);
        return Enumerable.Range(0, companies).Select(i => Company(random, $"world{i:D5}.example")).ToList();
    }

    private static EvaluationCompany Company(Random random, string domain)
    {
        var culture = Pick(random, WorldNames.Cultures);
        var dominant = CultureFormat(random, culture);
        AddressFormat? older = null;
        var olderShare = 0.0;
        if (random.NextDouble() < 0.2)
        {
            do
            {
                older = CultureFormat(random, culture);
            }
            while (older == dominant);
            olderShare = 0.15 + random.NextDouble() * 0.3;
        }

        var style = Style(random, culture);
        var staff = new List<WorldPerson>();
        var size = random.Next(8, 41);
        for (var i = 0; i < size; i++)
        {
            staff.Add(Person(random, random.NextDouble() < 0.75 ? culture : Pick(random, WorldNames.Cultures)));
        }

        if (random.NextDouble() < 0.12)
        {
            var twin = staff[random.Next(staff.Count / 2)];
            staff.Insert(staff.Count / 2 + random.Next(staff.Count / 2), twin with { Nickname = null, Middle = random.NextDouble() < 0.5 ? Zipf(random, WorldNames.EnglishMiddle) : null });
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var addresses = new string[staff.Count];
        var collided = new bool[staff.Count];
        var plain = new string[staff.Count];
        var switchAt = (int)(staff.Count * olderShare);
        for (var i = 0; i < staff.Count; i++)
        {
            var format = older is { } o && i < switchAt ? o : dominant;
            var (given, family) = Tokens(staff[i], style);
            plain[i] = Local(format, given, family, style);
            if (taken.Add(plain[i]))
            {
                addresses[i] = plain[i];
                continue;
            }

            addresses[i] = Collide(format, given, family, staff[i], style, plain[i], taken);
            taken.Add(addresses[i]);
            collided[i] = true;
        }

        var order = Enumerable.Range(0, staff.Count).OrderBy(_ => random.Next()).ToList();
        var knownCount = random.Next(0, 6);
        var known = new List<KnownAddress>();
        foreach (var i in order.Take(knownCount))
        {
            var (first, last, _) = CrmFields(random, staff[i], allowFull: false);
            known.Add(new KnownAddress(addresses[i], first, last));
        }

        if (random.NextDouble() < 0.3)
        {
            known.Add(new KnownAddress(Roles[random.Next(Roles.Length)], null, null));
        }

        var skip = knownCount;
        if (random.NextDouble() < 0.2)
        {
            known.Add(new KnownAddress(addresses[order[skip]], null, null));
            skip++;
        }

        var targetIndexes = order.Skip(skip).Take(random.Next(3, 9)).ToList();
        var companyTags = new List<string>();
        if (style.Truncate > 0)
        {
            companyTags.Add("company: truncates local parts");
        }

        var targets = new List<EvaluationTarget>();
        foreach (var i in targetIndexes)
        {
            var person = staff[i];
            var (first, last, full) = CrmFields(random, person, allowFull: true);
            var tags = Tags(person, style, first, last, full);
            if (collided[i])
            {
                tags.Add("namesake collision");
            }

            if (older is { } o && i < switchAt)
            {
                tags.Add("on the older format");
            }

            tags.AddRange(companyTags);
            var namesake = staff.Count(p => p.GivenText == person.GivenText && p.FamilyText == person.FamilyText) > 1;
            targets.Add(new EvaluationTarget(first, last, full, addresses[i], NameTraits.None, namesake) { Culture = person.Culture, Tags = tags });
        }

        return new EvaluationCompany(domain, dominant, older, known, targets);
    }

    private static AddressFormat CultureFormat(Random random, string culture)
    {
        // Thai surnames are long: first.l and firstl are common there; German-speaking firms like f.last more than most.
        var roll = random.NextDouble();
        return culture switch
        {
            "th" when roll < 0.35 => roll < 0.2 ? AddressFormat.FirstDotL : AddressFormat.FirstL,
            "de" or "nl" when roll < 0.1 => AddressFormat.FDotLast,
            "in" when roll < 0.1 => AddressFormat.FirstL,
            _ => Pick(random, Formats),
        };
    }

    private static WorldStyle Style(Random random, string culture)
    {
        var expands = culture is "de" or "nordic" or "nl" ? 0.45 : 0.08;
        var compound = culture switch
        {
            "br" => Pick(random, [(CompoundGiven.Joined, 0.55), (CompoundGiven.FirstWord, 0.35), (CompoundGiven.Initials, 0.10)]),
            "es" or "mx" or "pt" or "ph" => Pick(random, [(CompoundGiven.FirstWord, 0.55), (CompoundGiven.Joined, 0.35), (CompoundGiven.Initials, 0.10)]),
            _ => Pick(random, [(CompoundGiven.FirstWord, 0.5), (CompoundGiven.Joined, 0.42), (CompoundGiven.Initials, 0.08)]),
        };
        return new WorldStyle(
            random.NextDouble() < expands,
            Pick(random, [(LongVowels.Drop, 0.6), (LongVowels.Ou, 0.15), (LongVowels.Oh, 0.2), (LongVowels.Double, 0.05)]),
            compound,
            Pick(random, [(Hyphens.Joined, 0.55), (Hyphens.Kept, 0.25), (Hyphens.FirstPart, 0.2)]),
            random.NextDouble() < 0.25,
            Pick(random, [(0, 0.65), (1, 0.25), (2, 0.10)]),
            Pick(random, [(Collisions.FromTwo, 0.45), (Collisions.FromOne, 0.15), (Collisions.MiddleInitial, 0.15), (Collisions.MoreLetters, 0.25)]),
            random.NextDouble() < 0.03 ? 8 : 0);
    }

    private static WorldPerson Person(Random random, string culture)
    {
        var (givenList, familyList) = WorldNames.For(culture);
        var givenText = Zipf(random, givenList);
        var hyphen = givenText.Contains('-', StringComparison.Ordinal);
        var given = givenText.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
        var eastAsian = culture is "zh" or "tw" or "hk" or "ko" or "vi";
        if (eastAsian && given.Length == 2)
        {
            // How the CRM writes the syllables: pinyin mostly joined, Wade-Giles and Korean mostly hyphenated,
            // Cantonese and Vietnamese mostly spaced.
            var roll = random.NextDouble();
            var (joined, hyphenated) = culture switch
            {
                "zh" => (0.6, 0.15),
                "tw" => (0.15, 0.6),
                "hk" => (0.1, 0.45),
                "ko" => (0.35, 0.45),
                _ => (0.0, 0.0),
            };
            if (roll < joined)
            {
                given = [given[0] + given[1].ToLowerInvariant()];
            }
            else if (roll < joined + hyphenated)
            {
                hyphen = true;
                given = [given[0], given[1].ToLowerInvariant()];
            }
        }

        var familyText = Zipf(random, familyList);
        var words = familyText.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        var particles = words.TakeWhile((w, i) => i < words.Count - 1 && IsParticle(w)).ToArray();
        string[] family = [string.Join(' ', words.Skip(particles.Length))];
        var doubleRate = culture switch { "es" => 0.55, "mx" => 0.75, "pt" => 0.5, "br" => 0.55, _ => 0.0 };
        if (particles.Length == 0 && random.NextDouble() < doubleRate)
        {
            string second;
            do
            {
                second = Zipf(random, familyList);
            }
            while (second == family[0] || IsParticle(second.Split(' ')[0]) && culture is "es" or "mx");

            // Spanish: father's then mother's; Portuguese and Brazilian: mother's then father's (the second may carry
            // a particle: "Santos da Silva").
            family = [family[0], second];
        }

        string? middle = culture switch
        {
            "vi" => random.NextDouble() < 0.6 ? (random.Next(2) == 0 ? "Văn" : "Thị") : null,
            "en" or "ie" or "ng" or "ph" => random.NextDouble() < 0.3 ? Zipf(random, WorldNames.EnglishMiddle) : null,
            _ => random.NextDouble() < 0.08 ? Zipf(random, givenList).Split(' ')[0] : null,
        };
        var nickname = WorldNames.Nicknames.TryGetValue(givenText, out var nicks) && random.NextDouble() < 0.12 ? nicks[random.Next(nicks.Length)] : null;
        var english = culture == "hk" && random.NextDouble() < 0.7 ? Zipf(random, WorldNames.HongKongEnglish) : null;
        var person = new WorldPerson(culture, given, hyphen, middle, particles, family, english, nickname)
        {
            NeverCut = eastAsian || given[0] is "Abd" or "Abdul",
            FamilyFirst = culture is "zh" or "tw" or "hk" or "ko" or "ja" or "vi" or "hu",
            Lusophone = culture is "pt" or "br",
            VietnameseMiddle = culture == "vi" && middle is not null,
            CrmSpelling = culture is "ru" or "ua" && WorldNames.CrmSpellings.TryGetValue(givenText, out var other) && random.NextDouble() < 0.15 ? other : null,
            Cyrillic = culture == "ru" && random.NextDouble() < 0.06 && WorldNames.Cyrillic.TryGetValue(givenText, out var cg) && WorldNames.Cyrillic.TryGetValue(family[0], out var cf) ? (cg, cf) : null,
            Suffix = culture is "en" && random.NextDouble() < 0.05 ? (random.Next(3) switch { 0 => "Jr.", 1 => "III", _ => "Sr." }) : null,
        };

        if (culture == "in" && random.NextDouble() < 0.12)
        {
            person = person with { Family = [familyList[random.Next(familyList.Length)][..1]], Particles = [], InitialFamily = true };
        }
        else if (culture == "id" && random.NextDouble() < 0.4 || culture == "in" && random.NextDouble() < 0.04)
        {
            person = person with { Family = [], Particles = [] };
        }

        return person;
    }

    /// <summary>What the CRM holds: first/last fields (mostly) or a full name, with the culture's habits.</summary>
    private static (string? First, string? Last, string? Full) CrmFields(Random random, WorldPerson p, bool allowFull)
    {
        var givenText = p.CrmSpelling ?? p.GivenText;
        var familyText = p.FamilyText;
        if (p.Cyrillic is { } cyr)
        {
            (givenText, familyText) = cyr;
        }

        if (p.Culture == "ja" && random.NextDouble() < 0.6)
        {
            // Most CRMs hold Japanese names without macrons ("Sato", "Yuko").
            (givenText, familyText) = (Unmacron(givenText), Unmacron(familyText));
        }

        if (p.InitialFamily)
        {
            var roll = random.NextDouble();
            return allowFull && roll < 0.2 ? (null, null, $"{p.Family[0]}. {givenText}")
                : roll < 0.6 ? ($"{p.Family[0]}.", givenText, null)
                : (givenText, $"{p.Family[0]}.", null);
        }

        if (p.Mononym)
        {
            return allowFull && random.NextDouble() < 0.2 ? (null, null, givenText)
                : random.NextDouble() < 0.6 ? (givenText, null, null) : (givenText, givenText, null);
        }

        var english = p.English;
        if (allowFull && random.NextDouble() < 0.15)
        {
            var middle = p.Middle is not null && p.Culture is "en" or "ie" or "ng" or "ph" ? " " + p.Middle : "";
            if (english is not null)
            {
                return (null, null, random.Next(3) switch
                {
                    0 => $"{english} {familyText} {givenText}",
                    1 => $"{familyText} {givenText}, {english}",
                    _ => $"{english} {familyText}",
                });
            }

            if (p.FamilyFirst && random.NextDouble() < 0.7)
            {
                var viMiddle = p.VietnameseMiddle ? $" {p.Middle}" : "";
                return (null, null, $"{familyText}{viMiddle} {givenText}");
            }

            var suffix = p.Suffix is not null ? " " + p.Suffix : "";
            return (null, null, random.Next(6) switch
            {
                0 => $"{familyText}, {givenText}{middle}",
                1 => $"Dr. {givenText}{middle} {familyText}",
                2 => $"{givenText}{middle} {familyText}, PhD",
                3 => $"{givenText} {familyText}{suffix}",
                _ => $"{givenText}{middle} {familyText}{suffix}",
            });
        }

        var first = givenText;
        if (english is not null)
        {
            first = random.NextDouble() < 0.85 ? english : random.NextDouble() < 0.5 ? $"{english} {givenText}" : givenText;
        }
        else if (p.VietnameseMiddle && random.NextDouble() < 0.35)
        {
            first = $"{p.Middle} {givenText}";
        }
        else if (p.Middle is not null && p.Culture is "en" or "ie" or "ng" && random.NextDouble() < 0.2)
        {
            first = $"{givenText} {p.Middle[..1]}.";
        }

        var last = p.Suffix is not null && random.NextDouble() < 0.5 ? $"{familyText} {p.Suffix}" : familyText;
        return (first, last, null);
    }

    private static List<string> Tags(WorldPerson p, WorldStyle s, string? first, string? last, string? full)
    {
        var tags = new List<string>();
        var native = p.GivenText + p.FamilyText;
        if (native.Any(c => c > 127))
        {
            tags.Add("diacritics");
        }

        if (s.ExpandUmlauts && native.Any(c => "äöüåøÄÖÜÅØ".Contains(c, StringComparison.Ordinal)))
        {
            tags.Add("umlaut expanded");
        }

        if (native.Any(c => "ōūŌŪ".Contains(c, StringComparison.Ordinal)))
        {
            tags.Add(s.LongVowels == LongVowels.Drop ? "long vowel (dropped)" : "long vowel (written)");
        }

        if (p.Particles.Length > 0 || p.Family.Any(f => f.Contains('-', StringComparison.Ordinal) && IsParticle(f.Split('-')[0])))
        {
            tags.Add("particle");
        }
        else if (p.Family.Any(f => f.Contains('-', StringComparison.Ordinal)))
        {
            tags.Add("hyphenated family name");
        }

        if (p.Family.Length == 2)
        {
            tags.Add("double family name");
        }

        if (p.Given.Length > 1 || p.GivenHyphen)
        {
            tags.Add("compound given name");
        }

        if (p.NeverCut && p.Culture is "zh" or "tw" or "hk" or "ko" or "vi" || p.Culture == "ja")
        {
            tags.Add("east asian");
        }

        if (full is not null)
        {
            tags.Add("full name only");
        }

        if (p.Nickname is not null)
        {
            tags.Add("nickname");
        }

        if (p.English is not null)
        {
            tags.Add("english name (hk)");
        }

        if (p.Mononym)
        {
            tags.Add("single name");
        }

        if (p.InitialFamily)
        {
            tags.Add("initial as family name");
        }

        if (p.Cyrillic is not null)
        {
            tags.Add("cyrillic in crm");
        }

        if (p.CrmSpelling is not null)
        {
            tags.Add("other transliteration in crm");
        }

        if (p.Suffix is not null && ((last?.Contains(p.Suffix, StringComparison.Ordinal) ?? false) || (full?.Contains(p.Suffix, StringComparison.Ordinal) ?? false)))
        {
            tags.Add("suffix");
        }

        if (p.VietnameseMiddle && first?.StartsWith(p.Middle!, StringComparison.Ordinal) == true)
        {
            tags.Add("vietnamese middle in first name");
        }

        if (native.Contains('\'', StringComparison.Ordinal))
        {
            tags.Add("apostrophe");
        }

        return tags;
    }

    // ---- The admin's side: how the directory spells a person (independent of the finder) ----

    /// <summary>(given token, family token) as the admin types them; family "" for a single name.</summary>
    private static (string Given, string Family) Tokens(WorldPerson p, WorldStyle s)
    {
        string given;
        if (p.Nickname is not null)
        {
            given = p.Nickname;
        }
        else if (p.English is not null)
        {
            given = Ascii(p.English, s);
        }
        else if (p.Given.Length == 1)
        {
            given = Ascii(p.Given[0], s);
        }
        else if (p.GivenHyphen)
        {
            given = s.Hyphens switch
            {
                Hyphens.Kept => Ascii(string.Join('-', p.Given), s),
                Hyphens.FirstPart when !p.NeverCut => Ascii(p.Given[0], s),
                _ => Ascii(string.Concat(p.Given), s),
            };
        }
        else
        {
            given = p.NeverCut ? Ascii(string.Concat(p.Given), s) : s.CompoundGiven switch
            {
                CompoundGiven.FirstWord => Ascii(p.Given[0], s),
                CompoundGiven.Initials => string.Concat(p.Given.Select(g => Ascii(g, s)[..1])),
                _ => Ascii(string.Concat(p.Given), s),
            };
        }

        if (p.Mononym)
        {
            return (given, "");
        }

        string family;
        if (p.Family.Length == 2)
        {
            var (kept, other) = p.Lusophone ? (p.Family[1], p.Family[0]) : (p.Family[0], p.Family[1]);
            family = s.DoubleFamily switch
            {
                0 => FamilyWord(kept, s),
                1 => FamilyWord(p.Family[0], s) + FamilyWord(p.Family[1], s),
                _ => FamilyWord(other, s),
            };
        }
        else
        {
            var core = FamilyWord(p.Family[0], s);
            family = p.Particles.Length > 0 && !s.DropParticles ? Ascii(string.Concat(p.Particles), s) + core : core;
        }

        return (given, family);
    }

    private static string FamilyWord(string word, WorldStyle s)
    {
        // "Al-Sayed", "El-Masri", "Ben-David" (not a particle here: Hebrew "ben" is part of the name).
        var dash = word.IndexOf('-', StringComparison.Ordinal);
        if (dash > 0 && IsParticle(word[..dash]))
        {
            return s.DropParticles ? Ascii(word[(dash + 1)..], s) : s.Hyphens == Hyphens.Kept ? Ascii(word, s) : Ascii(word.Replace("-", "", StringComparison.Ordinal), s);
        }

        // Multi-word names that are not double names ("Giolla Phádraig", "Santos da Silva") are joined; particles inside kept.
        var words = word.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length > 1)
        {
            var lead = words.TakeWhile((w, i) => i < words.Length - 1 && IsParticle(w)).Count();
            return Ascii(string.Concat(s.DropParticles ? words.Skip(lead) : words), s);
        }

        if (dash > 0)
        {
            var parts = word.Split('-');
            return s.Hyphens switch
            {
                Hyphens.Kept => Ascii(word, s),
                Hyphens.FirstPart => Ascii(parts[0], s),
                _ => Ascii(string.Concat(parts), s),
            };
        }

        return Ascii(word, s);
    }

    private static string Local(AddressFormat format, string first, string last, WorldStyle s)
    {
        string local;
        if (last.Length == 0)
        {
            local = first;  // a single name is the address whatever the format
        }
        else if (last.Length == 1)
        {
            // "S. Ramesh": formats built on the family name read oddly with an initial; admins put the name first.
            local = format switch
            {
                AddressFormat.FirstDotLast or AddressFormat.FDotLast or AddressFormat.FirstDotL or AddressFormat.LastDotF => $"{first}.{last}",
                AddressFormat.LastDotFirst => $"{last}.{first}",
                AddressFormat.LastFirst => last + first,
                AddressFormat.FirstUnderscoreLast or AddressFormat.LastUnderscoreFirst => $"{first}_{last}",
                AddressFormat.First => first,
                _ => first + last,
            };
        }
        else
        {
            // The plain formats are spelt as in the first set: a format's definition, not a guess of the finder's.
            local = EvaluationSet.Fill(format, first, last);
        }

        return s.Truncate > 0 && local.Length > s.Truncate ? local[..s.Truncate].TrimEnd('.', '_', '-') : local;
    }

    private static string Collide(AddressFormat format, string first, string last, WorldPerson p, WorldStyle s, string local, HashSet<string> taken)
    {
        string? other = null;
        if (s.Collisions == Collisions.MiddleInitial && p.Middle is not null && last.Length > 1)
        {
            var m = Ascii(p.Middle, s)[..1];
            other = format switch
            {
                AddressFormat.FirstDotLast => $"{first}.{m}.{last}",
                AddressFormat.FirstLast => first + m + last,
                AddressFormat.FLast => first[..1] + m + last,
                AddressFormat.FDotLast => $"{first[..1]}.{m}.{last}",
                AddressFormat.FirstUnderscoreLast => $"{first}_{m}_{last}",
                _ => null,
            };
        }
        else if (s.Collisions == Collisions.MoreLetters && last.Length > 1 && format is AddressFormat.FLast or AddressFormat.FDotLast or AddressFormat.LastF)
        {
            for (var k = 2; k <= first.Length && other is null; k++)
            {
                var more = format switch
                {
                    AddressFormat.FLast => first[..k] + last,
                    AddressFormat.FDotLast => $"{first[..k]}.{last}",
                    _ => last + first[..k],
                };
                other = taken.Contains(more) ? null : more;
            }
        }

        if (other is not null && !taken.Contains(other))
        {
            return other;
        }

        var n = s.Collisions == Collisions.FromOne ? 1 : 2;
        while (taken.Contains(local + n.ToString(CultureInfo.InvariantCulture)))
        {
            n++;
        }

        return local + n.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>Lower-case ASCII as the admin types it: apostrophes, spaces and dots dropped, hyphens kept.</summary>
    private static string Ascii(string text, WorldStyle s)
    {
        var sb = new StringBuilder(text.Length + 4);
        foreach (var c in text.ToLowerInvariant())
        {
            if (c is >= 'a' and <= 'z' or '-')
            {
                sb.Append(c);
            }
            else if (c is 'ō' or 'ū')
            {
                var v = c == 'ō' ? "o" : "u";
                sb.Append(s.LongVowels switch
                {
                    LongVowels.Drop => v,
                    LongVowels.Ou => c == 'ō' ? "ou" : "uu",
                    LongVowels.Oh => c == 'ō' ? "oh" : "u",
                    _ => v + v,
                });
            }
            else if (s.ExpandUmlauts && Expansions.TryGetValue(c, out var e))
            {
                sb.Append(e);
            }
            else if (Folds.TryGetValue(c, out var f))
            {
                sb.Append(f);
            }
            else if (c is '\'' or '’' or ' ' or '.' or '\u0307')
            {
                // dropped
            }
            else
            {
                throw new InvalidOperationException($"World set: no admin spelling for '{c}' in '{text}'.");
            }
        }

        return sb.ToString();
    }

    private static readonly Dictionary<char, string> Expansions = new() { ['ä'] = "ae", ['ö'] = "oe", ['ü'] = "ue", ['å'] = "aa", ['ø'] = "oe" };

    private static readonly Dictionary<char, string> Folds = BuildFolds();

    private static Dictionary<char, string> BuildFolds()
    {
        var map = new Dictionary<char, string> { ['ß'] = "ss", ['æ'] = "ae", ['œ'] = "oe", ['þ'] = "th", ['ð'] = "d", ['ł'] = "l", ['đ'] = "d", ['ı'] = "i", ['İ'] = "i" };
        foreach (var (letters, ascii) in new[]
        {
            ("àáâãäåāăąạảấầẩẫậắằẳẵặ", "a"), ("çćčĉ", "c"), ("ď", "d"), ("èéêëēėęěẹẻẽếềểễệ", "e"), ("ğ", "g"), ("ìíîïīįịỉĩ", "i"),
            ("ñńň", "n"), ("òóôõöøőơọỏốồổỗộớờởỡợ", "o"), ("řŕ", "r"), ("śšşș", "s"), ("ťţț", "t"), ("ùúûüůűưũụủứừửữự", "u"),
            ("ýÿỳỹỵỷ", "y"), ("źżž", "z"),
        })
        {
            foreach (var c in letters)
            {
                map.TryAdd(c, ascii);
            }
        }

        return map;
    }

    private static string Unmacron(string s) => s.Replace('ō', 'o').Replace('ū', 'u').Replace('Ō', 'O').Replace('Ū', 'U');

    private static bool IsParticle(string word) => WorldNames.Particles.Contains(word.ToLowerInvariant(), StringComparer.Ordinal);

    private static string Zipf(Random random, string[] names)
    {
        var weights = names.Select((_, k) => Math.Pow(k + 1, -0.8)).ToArray();
        var roll = random.NextDouble() * weights.Sum();
        for (var k = 0; k < names.Length; k++)
        {
            roll -= weights[k];
            if (roll <= 0)
            {
                return names[k];
            }
        }

        return names[^1];
    }

    private static T Pick<T>(Random random, (T Item, double Weight)[] table) => WeightedPick.Pick(random, table);
}

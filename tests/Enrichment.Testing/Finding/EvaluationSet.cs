using System.Text;
using Enrichment.Finding.Patterns;

namespace Enrichment.Testing.Finding;

/// <summary>Phenomena a target's name or address shows; the accuracy benchmark reports a slice per flag.</summary>
[Flags]
public enum NameTraits
{
    None = 0,
    Diacritics = 1,
    Particle = 2,
    HyphenatedSurname = 4,
    Apostrophe = 8,
    CompoundSurname = 16,
    FullNameOnly = 32,
    CompoundGiven = 64,
    EastAsian = 128,
    Nickname = 256,
    NamesakeCollision = 512,
    SurnameFirst = 1024,
    ExpandedSpelling = 2048,

    /// <summary>A collision whose plain form's holder is in the input too (a known address or another row to find).</summary>
    NamesakeHolderInInput = 4096,
}

/// <summary>A person whose address the finder must guess; <see cref="TrueLocalPart"/> is for the evaluator only.</summary>
public sealed record EvaluationTarget(string? FirstName, string? LastName, string? FullName, string TrueLocalPart, NameTraits Traits, bool Namesake)
{
    public string Culture { get; init; } = "";

    /// <summary>Phenomena named by the set that made the target (the world set's slices); empty for this set.</summary>
    public IReadOnlyList<string> Tags { get; init; } = [];
}

/// <summary>
/// A synthetic company: what a finder would know (domain, a few addresses with names) and the people to find.
/// <see cref="Dominant"/>/<see cref="Secondary"/> are the generator's truth, for reporting only.
/// </summary>
public sealed record EvaluationCompany(
    string Domain,
    AddressFormat Dominant,
    AddressFormat? Secondary,
    IReadOnlyList<KnownAddress> Known,
    IReadOnlyList<EvaluationTarget> Targets)
{
    public int NamedKnownCount => Known.Count(k => k.FirstName is not null);
}

/// <summary>
/// Generates companies the way mail admins build directories, independently of the finder's own code (its own
/// name lists, transliteration and spelling rules). Every assumption and rate is written down in
/// EvaluationSet.md next to this file; change both together.
/// </summary>
public static class EvaluationSet
{
    private static readonly (AddressFormat Format, double Weight)[] CompanyFormats =
    [
        (AddressFormat.FirstDotLast, 0.40),
        (AddressFormat.FLast, 0.18),
        (AddressFormat.FirstLast, 0.09),
        (AddressFormat.First, 0.07),
        (AddressFormat.FDotLast, 0.05),
        (AddressFormat.FirstUnderscoreLast, 0.04),
        (AddressFormat.FirstDotL, 0.03),
        (AddressFormat.LastDotFirst, 0.03),
        (AddressFormat.FirstDashLast, 0.02),
        (AddressFormat.LastF, 0.02),
        (AddressFormat.FirstL, 0.02),
        (AddressFormat.Last, 0.015),
        (AddressFormat.LastFirst, 0.01),
        (AddressFormat.LastDotF, 0.005),
        (AddressFormat.LastUnderscoreFirst, 0.005),
    ];

    private static readonly string[] Roles = ["info", "sales", "support", "contact", "hello", "office", "jobs"];

    public static IReadOnlyList<EvaluationCompany> Generate(int companies, int seed)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(companies);
        var random = new Random(seed);
        var result = new List<EvaluationCompany>(companies);
        for (var i = 0; i < companies; i++)
        {
            result.Add(GenerateCompany(random, $"company{i:D5}.example"));
        }

        return result;
    }

    private enum GivenRule { FirstToken, Joined, Initials }

    private enum CollisionScheme { FromTwo, FromOne, MiddleInitial, MoreLetters }

    /// <param name="Given">As the CRM holds it: "Ana María", "Min-jun", "Xiaoming".</param>
    /// <param name="GivenParts">Its parts ("Ana", "María"); one part for a simple name.</param>
    /// <param name="Nickname">The name the address uses instead of the given name, when the person goes by one.</param>
    private sealed record Person(Culture Culture, string Given, string[] GivenParts, string? Middle, string Surname, string[] SurnameParts, string? Nickname);

    private sealed record Conventions(
        bool Expand,
        int Hyphenated /*0 joined, 1 hyphen kept, 2 first part*/,
        bool DropParticles,
        bool KeepApostrophe,
        GivenRule Given,
        int SpanishDouble /*0 first, 1 joined*/,
        int PortugueseDouble /*0 last, 1 joined, 2 first*/,
        CollisionScheme Collision);

    private static EvaluationCompany GenerateCompany(Random random, string domain)
    {
        var culture = PickCulture(random);
        var dominant = Pick(random, CompanyFormats);
        AddressFormat? secondary = null;
        var secondaryShare = 0.0;
        if (random.NextDouble() < 0.20)
        {
            do
            {
                secondary = Pick(random, CompanyFormats);
            }
            while (secondary == dominant);
            secondaryShare = 0.15 + random.NextDouble() * 0.25;
        }

        var conventions = DrawConventions(random, culture);

        // Staff in hiring order; addresses handed out first come, first served.
        var staffCount = random.Next(8, 41);
        var staff = new List<Person>(staffCount);
        for (var i = 0; i < staffCount; i++)
        {
            staff.Add(NewPerson(random, random.NextDouble() < 0.75 ? culture : PickCulture(random)));
        }

        // One company in eight hires a namesake of someone already there (two John Smiths).
        if (random.NextDouble() < 0.12 && staff.Count > 2)
        {
            var original = staff[random.Next(staff.Count / 2)];
            var middle = random.NextDouble() < 0.5 ? Zipf(random, NameLists.MiddleNames) : null;
            staff.Insert(staff.Count / 2 + random.Next(staff.Count / 2), original with { Middle = middle, Nickname = null });
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var addresses = new List<string>(staff.Count);
        var collided = new List<bool>(staff.Count);
        var plainForms = new List<string>(staff.Count);
        // The older cohort (the first hired) kept the old format when the company switched.
        var switchedAt = (int)Math.Round(staff.Count * secondaryShare);
        for (var hired = 0; hired < staff.Count; hired++)
        {
            var person = staff[hired];
            var format = secondary is { } old && hired < switchedAt ? old : dominant;
            var local = Spell(format, person, conventions);
            plainForms.Add(local);
            if (taken.Add(local))
            {
                addresses.Add(local);
                collided.Add(false);
                continue;
            }

            var unique = Resolve(format, person, conventions, local, taken);
            taken.Add(unique);
            addresses.Add(unique);
            collided.Add(true);
        }

        var order = Enumerable.Range(0, staff.Count).OrderBy(_ => random.Next()).ToList();
        var knownCount = random.Next(0, 6);
        var known = new List<KnownAddress>();
        foreach (var index in order.Take(knownCount))
        {
            known.Add(new KnownAddress(addresses[index], staff[index].Given, staff[index].Surname));
        }

        if (random.NextDouble() < 0.30)
        {
            known.Add(new KnownAddress(Roles[random.Next(Roles.Length)], null, null));
        }

        var nameless = order.Skip(knownCount).Take(random.NextDouble() < 0.20 ? 1 : 0).ToList();
        known.AddRange(nameless.Select(index => new KnownAddress(addresses[index], null, null)));

        var targets = new List<EvaluationTarget>();
        var targetIndexes = order.Skip(knownCount + nameless.Count).Take(random.Next(3, 9)).ToList();
        var inInput = order.Take(knownCount).Concat(targetIndexes).Select(i => addresses[i]).ToHashSet(StringComparer.Ordinal);
        foreach (var index in targetIndexes)
        {
            var person = staff[index];
            var namesake = staff.Count(p => p.Given == person.Given && p.Surname == person.Surname) > 1;
            var traits = Traits(person, conventions, collided[index]);
            if (collided[index] && inInput.Contains(plainForms[index]))
            {
                traits |= NameTraits.NamesakeHolderInInput;
            }

            if (random.NextDouble() < 0.15)
            {
                var surnameFirst = person.Culture.SurnameFirst && random.NextDouble() < 0.7;
                traits |= NameTraits.FullNameOnly | (surnameFirst ? NameTraits.SurnameFirst : NameTraits.None);
                targets.Add(new EvaluationTarget(null, null, FullName(random, person, surnameFirst), addresses[index], traits, namesake) { Culture = person.Culture.Code });
            }
            else
            {
                // Some CRMs keep a middle initial with the given name ("John A.").
                var first = person.Middle is not null && person.Culture.Middle.Length == 0 && random.NextDouble() < 0.25
                    ? $"{person.Given} {person.Middle[..1]}."
                    : person.Given;
                targets.Add(new EvaluationTarget(first, person.Surname, null, addresses[index], traits, namesake) { Culture = person.Culture.Code });
            }
        }

        return new EvaluationCompany(domain, dominant, secondary, known, targets);
    }

    private static Culture PickCulture(Random random) =>
        Pick(random, NameLists.Cultures.Select(c => (c, c.Weight)).ToArray());

    private static Conventions DrawConventions(Random random, Culture culture)
    {
        var given = culture.Code switch
        {
            "br" => Pick(random, [(GivenRule.Joined, 0.55), (GivenRule.FirstToken, 0.35), (GivenRule.Initials, 0.10)]),
            "es" or "mx" or "pt" => Pick(random, [(GivenRule.FirstToken, 0.55), (GivenRule.Joined, 0.35), (GivenRule.Initials, 0.10)]),
            "fil" => Pick(random, [(GivenRule.Joined, 0.45), (GivenRule.FirstToken, 0.45), (GivenRule.Initials, 0.10)]),
            _ => Pick(random, [(GivenRule.FirstToken, 0.50), (GivenRule.Joined, 0.42), (GivenRule.Initials, 0.08)]),
        };
        var hyphenated = random.NextDouble();
        return new Conventions(
            Expand: random.NextDouble() < (culture.ExpandsUmlauts ? 0.45 : 0.10),
            Hyphenated: hyphenated < 0.55 ? 0 : hyphenated < 0.80 ? 1 : 2,
            DropParticles: random.NextDouble() < 0.25,
            KeepApostrophe: random.NextDouble() < 0.05,
            Given: given,
            SpanishDouble: random.NextDouble() < 0.70 ? 0 : 1,
            PortugueseDouble: Pick(random, [(0, 0.60), (1, 0.20), (2, 0.20)]),
            Collision: Pick(random, [(CollisionScheme.FromTwo, 0.50), (CollisionScheme.FromOne, 0.15), (CollisionScheme.MiddleInitial, 0.15), (CollisionScheme.MoreLetters, 0.20)]));
    }

    private static Person NewPerson(Random random, Culture culture)
    {
        string given;
        string[] parts;
        if (culture.CompoundGiven.Length > 0 && random.NextDouble() < culture.CompoundRate)
        {
            var compound = Zipf(random, culture.CompoundGiven);
            parts = compound.Split([' ', '-'], StringSplitOptions.RemoveEmptyEntries);
            given = culture.EastAsian ? WriteSyllables(random, culture, parts) : compound;
        }
        else
        {
            given = Zipf(random, culture.Given);
            parts = given.Split('-', StringSplitOptions.RemoveEmptyEntries);
        }

        string surname;
        string[] surnameParts;
        if (culture.DoubleSurnameRule != DoubleSurnames.None && random.NextDouble() < culture.DoubleRate)
        {
            var a = Zipf(random, culture.Surnames);
            string b;
            do
            {
                b = Zipf(random, culture.Surnames);
            }
            while (b == a || IsParticle(b.Split(' ')[0]));
            surname = $"{a} {b}";
            surnameParts = [a, b];
        }
        else
        {
            surname = Zipf(random, culture.Surnames);
            surnameParts = [surname];
        }

        var middle = culture.Middle.Length > 0
            ? (random.NextDouble() < 0.5 ? Zipf(random, culture.Middle) : null)
            : (random.NextDouble() < 0.15 ? Zipf(random, NameLists.MiddleNames) : null);
        var nickname = NameLists.Nicknames.TryGetValue(given, out var nicknames) && random.NextDouble() < 0.12
            ? nicknames[random.Next(nicknames.Length)]
            : null;
        return new Person(culture, given, parts, middle, surname, surnameParts, nickname);
    }

    /// <summary>How a CRM writes a romanised East Asian given name: Chinese mostly joined (pinyin convention),
    /// Korean mostly hyphenated, Vietnamese always as separate syllables.</summary>
    private static string WriteSyllables(Random random, Culture culture, string[] syllables)
    {
        var tail = string.Concat(syllables.Skip(1)).ToLowerInvariant();
        var roll = random.NextDouble();
        return culture.Code switch
        {
            "zh" => roll < 0.60 ? syllables[0] + tail : roll < 0.85 ? string.Join(' ', syllables) : string.Join('-', syllables[0], tail),
            "ko" => roll < 0.45 ? string.Join('-', syllables[0], tail) : roll < 0.80 ? syllables[0] + tail : string.Join(' ', syllables),
            _ => string.Join(' ', syllables),
        };
    }

    private static string FullName(Random random, Person person, bool surnameFirst)
    {
        if (surnameFirst)
        {
            return person.Middle is not null && person.Culture.Middle.Length > 0
                ? $"{person.Surname} {person.Middle} {person.Given}"
                : $"{person.Surname} {person.Given}";
        }

        var given = person.Middle is null || person.Culture.Middle.Length > 0 ? person.Given : $"{person.Given} {person.Middle}";
        return random.Next(5) switch
        {
            0 => $"{person.Surname}, {given}",
            1 => $"Dr. {given} {person.Surname}",
            2 => $"{given} {person.Surname}{(random.Next(2) == 0 ? " Jr." : ", PhD")}",
            _ => $"{given} {person.Surname}",
        };
    }

    private static NameTraits Traits(Person person, Conventions conventions, bool collided)
    {
        var traits = NameTraits.None;
        var whole = person.Given + person.Surname;
        if (whole.Any(c => c > 127 && c != '\u2019'))
        {
            traits |= NameTraits.Diacritics;
        }

        if (conventions.Expand && whole.ToLowerInvariant().Any(ExpandedSpellings.ContainsKey))
        {
            traits |= NameTraits.ExpandedSpelling;
        }

        if (whole.Contains('\''))
        {
            traits |= NameTraits.Apostrophe;
        }

        foreach (var part in person.SurnameParts)
        {
            var words = part.Split(' ');
            if (words.Length > 1 && IsParticle(words[0]) || part.Contains('-') && IsParticle(part.Split('-')[0]))
            {
                traits |= NameTraits.Particle;
            }
            else if (part.Contains('-'))
            {
                traits |= NameTraits.HyphenatedSurname;
            }
        }

        if (person.SurnameParts.Length > 1)
        {
            traits |= NameTraits.CompoundSurname;
        }

        if (person.GivenParts.Length > 1)
        {
            traits |= NameTraits.CompoundGiven;
        }

        if (person.Culture.EastAsian || person.Culture.Code == "ja")
        {
            traits |= NameTraits.EastAsian;
        }

        if (person.Nickname is not null)
        {
            traits |= NameTraits.Nickname;
        }

        if (collided)
        {
            traits |= NameTraits.NamesakeCollision;
        }

        return traits;
    }

    private static bool IsParticle(string word) => NameLists.Particles.Contains(word.ToLowerInvariant());

    // ---- The admin's spelling rules (deliberately not the finder's NameNormalizer) ----

    private static string Spell(AddressFormat format, Person person, Conventions c) =>
        Fill(format, GivenSpelling(person, c), SurnameSpelling(person, c));

    internal static string Fill(AddressFormat format, string first, string last)
    {
        string f = first[..1], l = last[..1];
        return format switch
        {
            AddressFormat.FirstDotLast => $"{first}.{last}",
            AddressFormat.FirstLast => first + last,
            AddressFormat.FLast => f + last,
            AddressFormat.FDotLast => $"{f}.{last}",
            AddressFormat.First => first,
            AddressFormat.Last => last,
            AddressFormat.FirstUnderscoreLast => $"{first}_{last}",
            AddressFormat.FirstDashLast => $"{first}-{last}",
            AddressFormat.LastDotFirst => $"{last}.{first}",
            AddressFormat.LastFirst => last + first,
            AddressFormat.LastF => last + f,
            AddressFormat.LastDotF => $"{last}.{f}",
            AddressFormat.FirstL => first + l,
            AddressFormat.FirstDotL => $"{first}.{l}",
            AddressFormat.LastUnderscoreFirst => $"{last}_{first}",
            AddressFormat.FL => f + l,
            _ => throw new ArgumentOutOfRangeException(nameof(format)),
        };
    }

    /// <summary>The plain form is someone else's: the company's collision scheme, else the next number.</summary>
    private static string Resolve(AddressFormat format, Person person, Conventions c, string local, HashSet<string> taken)
    {
        var first = GivenSpelling(person, c);
        var last = SurnameSpelling(person, c);
        string? alternative = null;
        if (c.Collision == CollisionScheme.MiddleInitial && person.Middle is not null)
        {
            var m = Ascii(person.Middle, c)[..1];
            alternative = format switch
            {
                AddressFormat.FirstDotLast => $"{first}.{m}.{last}",
                AddressFormat.FirstLast => first + m + last,
                AddressFormat.FLast => first[..1] + m + last,
                AddressFormat.FDotLast => $"{first[..1]}.{m}.{last}",
                AddressFormat.FirstUnderscoreLast => $"{first}_{m}_{last}",
                AddressFormat.FirstDashLast => $"{first}-{m}-{last}",
                _ => null,
            };
        }
        else if (c.Collision == CollisionScheme.MoreLetters && format is AddressFormat.FLast or AddressFormat.FDotLast or AddressFormat.LastF or AddressFormat.LastDotF)
        {
            for (var k = 2; k <= first.Length && alternative is null; k++)
            {
                var more = format switch
                {
                    AddressFormat.FLast => first[..k] + last,
                    AddressFormat.FDotLast => $"{first[..k]}.{last}",
                    AddressFormat.LastF => last + first[..k],
                    _ => $"{last}.{first[..k]}",
                };
                alternative = taken.Contains(more) ? null : more;
            }
        }

        if (alternative is not null && !taken.Contains(alternative))
        {
            return alternative;
        }

        var n = c.Collision == CollisionScheme.FromOne ? 1 : 2;
        while (taken.Contains(local + n.ToString(System.Globalization.CultureInfo.InvariantCulture)))
        {
            n++;
        }

        return local + n.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }

    private static string GivenSpelling(Person person, Conventions c)
    {
        if (person.Nickname is not null)
        {
            return person.Nickname;
        }

        var parts = person.GivenParts;
        if (parts.Length == 1)
        {
            return Ascii(parts[0], c);
        }

        var joined = Ascii(string.Concat(parts), c);
        if (person.Given.Contains('-'))
        {
            // Korean "Min-jun" keeps its hyphen where the company keeps hyphens, but is never cut.
            return c.Hyphenated switch
            {
                1 => Ascii(string.Join('-', parts), c),
                2 when !person.Culture.EastAsian => Ascii(parts[0], c),
                _ => joined,
            };
        }

        if (person.Culture.EastAsian)
        {
            return joined;
        }

        return c.Given switch
        {
            GivenRule.FirstToken => Ascii(parts[0], c),
            GivenRule.Initials => string.Concat(parts.Select(p => Ascii(p, c)[..1])),
            _ => joined,
        };
    }

    private static string SurnameSpelling(Person person, Conventions c)
    {
        if (person.SurnameParts.Length == 2)
        {
            var a = Surname(person.SurnameParts[0], c);
            var b = Surname(person.SurnameParts[1], c);
            return person.Culture.DoubleSurnameRule == DoubleSurnames.Spanish
                ? (c.SpanishDouble == 0 ? a : a + b)
                : c.PortugueseDouble switch { 0 => b, 1 => a + b, _ => a };
        }

        return Surname(person.Surname, c);
    }

    private static string Surname(string name, Conventions c)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();

        // Particles: "van der Berg" → vanderberg, or berg where the admin drops them; "al-Hassan" likewise.
        var particleWords = words.TakeWhile((w, i) => i < words.Count - 1 && IsParticle(w)).Count();
        var dash = words[^1].IndexOf('-', StringComparison.Ordinal);
        if (particleWords == 0 && words.Count == 1 && dash > 0 && IsParticle(words[0][..dash]))
        {
            return c.DropParticles ? Ascii(words[0][(dash + 1)..], c) : Ascii(words[0].Replace("-", "", StringComparison.Ordinal), c);
        }

        if (particleWords > 0)
        {
            var core = words.Skip(particleWords).ToList();
            return Ascii(string.Concat(c.DropParticles ? core : words), c);
        }

        // Hyphenated: "García-López", "Müller-Lüdenscheidt", "Ben-David".
        var parts = words.SelectMany(w => w.Split('-')).ToList();
        if (parts.Count == 1)
        {
            return Ascii(parts[0], c);
        }

        return c.Hyphenated switch
        {
            1 => Ascii(string.Join('-', parts), c),
            2 => Ascii(parts[0], c),
            _ => Ascii(string.Concat(parts), c),
        };
    }

    private static string Ascii(string s, Conventions c)
    {
        var sb = new StringBuilder();
        foreach (var ch in s.ToLowerInvariant())
        {
            if (ch is >= 'a' and <= 'z' or '-')
            {
                sb.Append(ch);
            }
            else if (ch == '\'')
            {
                if (c.KeepApostrophe)
                {
                    sb.Append(ch);
                }
            }
            else if (c.Expand && ExpandedSpellings.TryGetValue(ch, out var expanded))
            {
                sb.Append(expanded);
            }
            else if (PlainSpellings.TryGetValue(ch, out var plain))
            {
                sb.Append(plain);
            }
            else
            {
                throw new InvalidOperationException($"No admin spelling for '{ch}' in '{s}'.");
            }
        }

        return sb.ToString();
    }

    private static readonly Dictionary<char, string> ExpandedSpellings = new()
    {
        ['ä'] = "ae", ['ö'] = "oe", ['ü'] = "ue", ['å'] = "aa", ['ø'] = "oe",
    };

    private static readonly Dictionary<char, string> PlainSpellings = BuildPlain();

    private static Dictionary<char, string> BuildPlain()
    {
        var map = new Dictionary<char, string> { ['ß'] = "ss", ['æ'] = "ae", ['þ'] = "th", ['ð'] = "d", ['ł'] = "l", ['đ'] = "d", ['ı'] = "i", ['İ'] = "i" };
        foreach (var (letters, ascii) in new[]
        {
            ("àáâãäåāăą", "a"), ("çćčĉ", "c"), ("ďđ", "d"), ("èéêëēėęěẹẻẽếềểễệ", "e"), ("ğ", "g"), ("ìíîïīįi̇ịỉ", "i"),
            ("ñńň", "n"), ("òóôõöøōőơọỏốồổỗộớờởỡợ", "o"), ("řŕ", "r"), ("śšşș", "s"), ("ťţț", "t"),
            ("ùúûüūůűưũụủứừửữự", "u"), ("ýÿỳỹỵỷ", "y"), ("źżž", "z"), ("ạảấầẩẫậắằẳẵặ", "a"),
        })
        {
            foreach (var ch in letters)
            {
                map.TryAdd(ch, ascii);
            }
        }

        map.Remove('\u0307');  // the combining dot from "i̇" (lower-cased İ)
        map['\u0307'] = "";
        return map;
    }

    /// <summary>Zipf-like draw: the k-th listed name is about 1/k^0.8 as common as the first.</summary>
    private static string Zipf(Random random, string[] names)
    {
        var total = 0.0;
        for (var k = 1; k <= names.Length; k++)
        {
            total += Math.Pow(k, -0.8);
        }

        var roll = random.NextDouble() * total;
        for (var k = 1; k <= names.Length; k++)
        {
            roll -= Math.Pow(k, -0.8);
            if (roll <= 0)
            {
                return names[k - 1];
            }
        }

        return names[^1];
    }

    private static T Pick<T>(Random random, (T Item, double Weight)[] table) => WeightedPick.Pick(random, table);
}

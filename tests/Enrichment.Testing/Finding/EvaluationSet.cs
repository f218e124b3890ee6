using System.Text;
using Enrichment.Finding.Patterns;

namespace Enrichment.Testing.Finding;

[Flags]
public enum NameTraits
{
    None = 0,
    Diacritics = 1,
    Particle = 2,
    Hyphen = 4,
    Apostrophe = 8,
    DoubleSurname = 16,
    FullNameOnly = 32,
}

/// <summary>A person whose address the finder must guess; <see cref="TrueLocalPart"/> is for the evaluator only.</summary>
public sealed record EvaluationTarget(string? FirstName, string? LastName, string? FullName, string TrueLocalPart, NameTraits Traits, bool Namesake);

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
/// Generates companies the way mail admins build directories, independently of the finder's own code (it has its
/// own transliteration and spelling rules). Assumptions, stated so the figures can be judged:
/// <list type="bullet">
/// <item>Dominant format drawn from a distribution near, but not equal to, the vendor-blog order the finder's priors
///   encode (first.last 40 %, flast 18 %, firstlast 9 %, first 7 %, f.last 5 % ...).</item>
/// <item>20 % of companies mix two formats (an old one for 15–40 % of staff, e.g. flast before first.last).</item>
/// <item>Staff mostly share the company's language (75 %); the rest come from anywhere.</item>
/// <item>Per company spelling conventions: umlauts/å/ø expanded (ue, aa, oe) at 45 % of German/Nordic companies and 10 %
///   elsewhere; double surnames joined 55 %, hyphen kept 25 % (if hyphenated), first part only 20 %; particles joined
///   75 %, dropped 25 %; apostrophes dropped except at 5 % of companies that keep them (o'brien).</item>
/// <item>15 % of people have a middle name (never in the address); 2 % of English/Romance names use a nickname
///   in the address (unguessable); duplicates get the next number (john.smith2).</item>
/// <item>0–5 named known addresses per company, sometimes a role address and an address without a name;
///   15 % of targets come with only a full name ("Dr. Jane Q. Public", "Public, Jane", "John Smith Jr.").</item>
/// </list>
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

    private sealed record Person(string First, string? Middle, string Last, NameLists.Language Language, bool Nickname);

    private sealed record Conventions(bool Expand, int Compound /*0 joined, 1 hyphen, 2 first part*/, bool DropParticles, bool KeepApostrophe);

    private static EvaluationCompany GenerateCompany(Random random, string domain)
    {
        var language = NameLists.Languages[random.Next(NameLists.Languages.Length)];
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

        var compoundRoll = random.NextDouble();
        var conventions = new Conventions(
            Expand: random.NextDouble() < (language.ExpandsUmlauts ? 0.45 : 0.10),
            Compound: compoundRoll < 0.55 ? 0 : compoundRoll < 0.80 ? 1 : 2,
            DropParticles: random.NextDouble() < 0.25,
            KeepApostrophe: random.NextDouble() < 0.05);

        // Staff in hiring order; addresses handed out first come, first served.
        var staffCount = random.Next(8, 41);
        var staff = new List<Person>(staffCount);
        for (var i = 0; i < staffCount; i++)
        {
            var lang = random.NextDouble() < 0.75 ? language : NameLists.Languages[random.Next(NameLists.Languages.Length)];
            var first = lang.First[random.Next(lang.First.Length)];
            staff.Add(new Person(
                first,
                random.NextDouble() < 0.15 ? NameLists.MiddleNames[random.Next(NameLists.MiddleNames.Length)] : null,
                lang.Last[random.Next(lang.Last.Length)],
                lang,
                NameLists.Nicknames.ContainsKey(first) && random.NextDouble() < 0.02));
        }

        // One company in ten has a namesake pair (two John Smiths).
        if (random.NextDouble() < 0.10 && staff.Count > 2)
        {
            var original = staff[random.Next(staff.Count / 2)];
            staff.Insert(staff.Count / 2 + random.Next(staff.Count / 2), original with { Middle = null, Nickname = false });
        }

        var taken = new HashSet<string>(StringComparer.Ordinal);
        var addresses = new List<string>(staff.Count);
        foreach (var person in staff)
        {
            var format = secondary is { } old && random.NextDouble() < secondaryShare ? old : dominant;
            var local = Spell(format, person, conventions);
            var unique = local;
            for (var n = 2; !taken.Add(unique); n++)
            {
                unique = local + n;
            }

            addresses.Add(unique);
        }

        var order = Enumerable.Range(0, staff.Count).OrderBy(_ => random.Next()).ToList();
        var knownCount = random.Next(0, 6);
        var known = new List<KnownAddress>();
        foreach (var index in order.Take(knownCount))
        {
            known.Add(new KnownAddress(addresses[index], staff[index].First, staff[index].Last));
        }

        if (random.NextDouble() < 0.30)
        {
            known.Add(new KnownAddress(Roles[random.Next(Roles.Length)], null, null));
        }

        var nameless = order.Skip(knownCount).Take(random.NextDouble() < 0.20 ? 1 : 0).ToList();
        known.AddRange(nameless.Select(index => new KnownAddress(addresses[index], null, null)));

        var targets = new List<EvaluationTarget>();
        foreach (var index in order.Skip(knownCount + nameless.Count).Take(3))
        {
            var person = staff[index];
            var traits = Traits(person);
            var namesake = staff.Count(p => p.First == person.First && p.Last == person.Last) > 1;
            if (random.NextDouble() < 0.15)
            {
                targets.Add(new EvaluationTarget(null, null, FullName(random, person), addresses[index], traits | NameTraits.FullNameOnly, namesake));
            }
            else
            {
                targets.Add(new EvaluationTarget(person.First, person.Last, null, addresses[index], traits, namesake));
            }
        }

        return new EvaluationCompany(domain, dominant, secondary, known, targets);
    }

    private static string FullName(Random random, Person person)
    {
        var given = person.Middle is null ? person.First : $"{person.First} {person.Middle}";
        return random.Next(5) switch
        {
            0 => $"{person.Last}, {given}",
            1 => $"Dr. {given} {person.Last}",
            2 => $"{given} {person.Last}{(random.Next(2) == 0 ? " Jr." : ", PhD")}",
            _ => $"{given} {person.Last}",
        };
    }

    private static NameTraits Traits(Person person)
    {
        var traits = NameTraits.None;
        var whole = person.First + person.Last;
        if (whole.Any(c => c > 127 && c != '\u2019'))
        {
            traits |= NameTraits.Diacritics;
        }

        if (whole.Contains('\''))
        {
            traits |= NameTraits.Apostrophe;
        }

        if (whole.Contains('-'))
        {
            traits |= IsParticle(person.Last.Split('-')[0]) ? NameTraits.Particle : NameTraits.Hyphen;
        }

        if (person.Last.Contains(' '))
        {
            traits |= IsParticle(person.Last.Split(' ')[0]) ? NameTraits.Particle : NameTraits.DoubleSurname;
        }

        return traits;
    }

    private static bool IsParticle(string word) => NameLists.Particles.Contains(word.ToLowerInvariant());

    // ---- The admin's spelling rules (deliberately not the finder's NameNormalizer) ----

    private static string Spell(AddressFormat format, Person person, Conventions c)
    {
        var first = person.Nickname ? NameLists.Nicknames[person.First] : Compound(person.First, c, isLast: false);
        var last = Compound(person.Last, c, isLast: true);
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

    private static string Compound(string name, Conventions c, bool isLast)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries).ToList();
        if (isLast)
        {
            // Particles: "van der Berg" → vanderberg, or berg where the admin drops them; "al-Hassan" likewise.
            var particleWords = words.TakeWhile((w, i) => i < words.Count - 1 && IsParticle(w)).Count();
            var dash = words[^1].IndexOf('-');
            if (particleWords == 0 && words.Count == 1 && dash > 0 && IsParticle(words[0][..dash]))
            {
                return c.DropParticles ? Ascii(words[0][(dash + 1)..], c) : Ascii(words[0].Replace("-", ""), c);
            }

            if (particleWords > 0)
            {
                var core = words.Skip(particleWords).ToList();
                return Ascii(string.Concat(c.DropParticles ? core : words), c);
            }
        }

        // Double names: "García López", "García-López", "Jean-Pierre".
        var parts = words.SelectMany(w => w.Split('-')).ToList();
        if (parts.Count == 1)
        {
            return Ascii(parts[0], c);
        }

        var hyphenated = name.Contains('-');
        return c.Compound switch
        {
            1 when hyphenated => Ascii(string.Join('-', parts), c),
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

    private static T Pick<T>(Random random, (T Item, double Weight)[] table)
    {
        var roll = random.NextDouble() * table.Sum(t => t.Weight);
        foreach (var (item, weight) in table)
        {
            roll -= weight;
            if (roll <= 0)
            {
                return item;
            }
        }

        return table[^1].Item;
    }
}

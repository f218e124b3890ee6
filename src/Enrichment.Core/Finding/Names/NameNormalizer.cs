using System.Collections.Frozen;
using System.Text;

namespace Enrichment.Finding.Names;

/// <summary>
/// Turns a person's name as a CRM holds it into the ASCII tokens a mail administrator would type:
/// titles and suffixes dropped, middle names reduced to initials, apostrophes dropped, hyphenated and
/// particle surnames offered joined first, diacritics folded (and, where a second convention exists,
/// also expanded: ü → u, then ue).
/// </summary>
public static class NameNormalizer
{
    // Compared after folding to ASCII lowercase and dropping dots ("Dr." → "dr", "Ph.D." → "phd").
    // Deliberately absent although they are titles somewhere: "don"/"dona" (also given names), "pan"/"pani"
    // (also a surname), "v" and "do" and "pe" (initials and a Vietnamese surname), "ma"/"ba" (surnames).
    private static readonly FrozenSet<string> Honorifics = FrozenSet.Create(StringComparer.Ordinal,
        "mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "rev", "fr", "herr", "frau",
        "mme", "mlle", "mag", "ing", "dipl", "dott", "dottssa", "sig", "sra", "srta", "hon", "capt", "col", "lt",
        "sgt", "mgr", "doc", "univ");

    private static readonly FrozenSet<string> Suffixes = FrozenSet.Create(StringComparer.Ordinal,
        "jr", "sr", "ii", "iii", "iv", "phd", "md", "mba", "cpa", "esq", "dds", "dmd", "rn", "cfa", "pmp", "msc",
        "bsc", "mphil", "dphil", "llm", "jd", "frcs", "obe", "mbe", "cbe", "kbe", "facs", "cissp", "ceng", "mp",
        "qc", "kc", "mia", "msw", "lcsw", "edd", "dvm");

    // Words that join a family name ("van der Berg", "de la Cruz", "dos Santos", "bin Salman", Irish "Ó Súilleabháin").
    private static readonly FrozenSet<string> Particles = FrozenSet.Create(StringComparer.Ordinal,
        "van", "von", "der", "den", "de", "del", "della", "dei", "degli", "la", "le", "da", "das", "dos", "di", "du",
        "des", "ter", "ten", "te", "zu", "zum", "zur", "af", "av", "bin", "binti", "ibn", "al", "el", "st", "ste", "o", "ni", "nic", "ui", "mac", "lo", "dela");

    /// <summary>
    /// Reduces a name to ASCII variants. Separate first/last fields win; <paramref name="fullName"/> is used
    /// when they are empty or not Latin ("Public, Jane", "Dr. Jane Q. Public, PhD", "Иван Петров (Ivan Petrov)").
    /// Returns null when no Latin given name can be found.
    /// </summary>
    public static PersonName? Normalize(string? firstName, string? lastName, string? fullName = null)
    {
        if (!string.IsNullOrWhiteSpace(firstName) || !string.IsNullOrWhiteSpace(lastName))
        {
            var fromParts = FromParts(firstName ?? "", lastName ?? "");
            if (fromParts is not null)
            {
                return fromParts;
            }
        }

        if (string.IsNullOrWhiteSpace(fullName))
        {
            return null;
        }

        return FromFull(fullName) ?? FromParenthesised(fullName);
    }

    /// <summary>
    /// All ASCII lowercase spellings of one name token, best first: simple folding (ü → u), then the expanded
    /// convention where it differs (ü → ue, å → aa, ø → oe; Japanese ō → ou, ū → uu, and ō → oh as Hepburn passports). Apostrophes, dots and digits are dropped, hyphens
    /// kept. Cyrillic is romanised as passports write it; empty when the token holds a letter of another script.
    /// </summary>
    public static IReadOnlyList<string> Transliterate(string token)
    {
        ArgumentNullException.ThrowIfNull(token);
        if (token.Any(Cyrillic.IsCyrillic))
        {
            // Russian and Ukrainian names: the passport's Latin spelling is what the directory holds.
            token = Cyrillic.Romanize(token) ?? "";
        }
        else if (JapaneseLongVowels.Restore(token) is { } withMacrons)
        {
            // "Sato" held without its macron is still Satō: offer satou and satoh too.
            token = withMacrons;
        }
        var folded = new StringBuilder(token.Length + 4);
        var expanded = new StringBuilder(token.Length + 4);
        StringBuilder? passport = null;  // Japanese long vowels have a second written form: ō → ou, or oh (Hepburn passports)
        foreach (var c in token)
        {
            if (c is >= 'a' and <= 'z')
            {
                folded.Append(c);
                expanded.Append(c);
                passport?.Append(c);
            }
            else if (c is >= 'A' and <= 'Z')
            {
                folded.Append((char)(c + 32));
                expanded.Append((char)(c + 32));
                passport?.Append((char)(c + 32));
            }
            else if (c == '-')
            {
                folded.Append(c);
                expanded.Append(c);
                passport?.Append(c);
            }
            else if (Latin.TryFold(c, out var fold, out var expand))
            {
                if (c is 'ō' or 'Ō' && passport is null)
                {
                    passport = new StringBuilder(expanded.ToString());
                }

                passport?.Append(c is 'ō' or 'Ō' ? "oh" : c is 'ū' or 'Ū' ? "u" : expand);
                folded.Append(fold);
                expanded.Append(expand);
            }
            else if (char.IsLetter(c))
            {
                return [];  // Cyrillic, CJK, Arabic, ...: no Latin form here.
            }

            // Anything else (apostrophes, dots, digits, spaces, combining marks) is dropped.
        }

        var a = Tidy(folded);
        var b = Tidy(expanded);
        if (a.Length == 0)
        {
            return [];
        }

        var c2 = passport is null ? b : Tidy(passport);
        return string.Equals(a, b, StringComparison.Ordinal) ? [a]
            : string.Equals(b, c2, StringComparison.Ordinal) ? [a, b]
            : [a, b, c2];
    }

    private static string Tidy(StringBuilder sb)
    {
        // Collapse runs of hyphens and trim them from the ends ("-al-" → "al").
        var s = sb.ToString();
        while (s.Contains("--", StringComparison.Ordinal))
        {
            s = s.Replace("--", "-", StringComparison.Ordinal);
        }

        s = s.Trim('-');
        return s.Any(char.IsAsciiLetterLower) ? s : "";
    }

    private static PersonName? FromParts(string first, string last)
    {
        var firstTokens = Tokens(StripNicknames(first).Replace(',', ' '));
        var lastTokens = Tokens(StripNicknames(last).Replace(',', ' '));
        StripLeading(firstTokens, Honorifics);
        StripTrailing(lastTokens, Suffixes);
        StripTrailing(firstTokens, Suffixes);

        if (lastTokens.Count == 0 && firstTokens.Count >= 2)
        {
            return FromTokens(firstTokens);  // Whole name typed into the first-name field.
        }

        if (firstTokens.Count == 0)
        {
            return null;
        }

        // A single name typed into both fields ("Budi|Budi", as CRMs that require a last name make people do); but Li Li
        // and other Chinese names whose given name is the family name's syllable are two names.
        if (lastTokens.Count > 0 && firstTokens.Select(Fold).SequenceEqual(lastTokens.Select(Fold), StringComparer.Ordinal)
            && !NameCulture.IsEastAsianFamilyName(Fold(lastTokens[0])))
        {
            lastTokens.Clear();
        }

        // "S.|Ramesh": a lone initial as the given name is, in South Indian usage, the father's or village's initial
        // written first; the word is the given name. Read it so, with the literal reading as the alternative.
        if (firstTokens.Count == 1 && IsInitial(firstTokens[0]) && lastTokens.Count == 1 && !IsInitial(lastTokens[0]))
        {
            var swapped = Build([lastTokens[0]], [], [firstTokens[0]]);
            var literal = Build([firstTokens[0]], [], lastTokens);
            return swapped is null ? literal : swapped with { Alternative = literal };
        }

        var familyFolded = lastTokens.Count == 1 ? Fold(lastTokens[0]) : "";

        // "Văn An|Nguyễn": Vietnamese CRMs often put the middle name (Văn, Thị) in the first-name field; addresses never use it.
        if (firstTokens.Count >= 2 && NameCulture.VietnameseMiddle.Contains(Fold(firstTokens[0])) && NameCulture.IsVietnameseFamilyName(familyFolded))
        {
            firstTokens.RemoveAt(0);
        }

        // "Ivy Wing-yan|Lau", "Tony Tai Man|Chan": a Hong Kong English name before the Chinese given name, which has at
        // most two syllables; the address uses the English name.
        if (firstTokens.Count >= 2 && NameCulture.IsChineseFamilyName(familyFolded) && HasEnglishNameFirst(firstTokens))
        {
            firstTokens.RemoveRange(1, firstTokens.Count - 1);
        }

        // "John A." keeps A as a middle initial; other words belong to a compound given name ("Ana María", "Mary Ann").
        var given = firstTokens.Where((t, i) => i == 0 || !IsInitial(t)).ToList();
        var middle = firstTokens.Skip(1).Where(IsInitial).ToList();
        return Build(given, middle, lastTokens);
    }

    /// <summary>Given-name words holding more than a Chinese given name's two syllables ("Ivy Wing-yan", "Tony Tai Man"):
    /// the first word is an English name.</summary>
    private static bool HasEnglishNameFirst(List<string> givenTokens) =>
        givenTokens.Count >= 2
        && !givenTokens[0].Contains('-', StringComparison.Ordinal)
        && givenTokens.Skip(1).Sum(t => t.Split('-', StringSplitOptions.RemoveEmptyEntries).Length) == 2
        && !IsInitial(givenTokens[0]);

    private static PersonName? FromFull(string full)
    {
        var segments = StripNicknames(full)
            .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(Tokens)
            .Where(tokens => tokens.Count > 0 && !tokens.All(t => IsIn(t, Suffixes) || IsIn(t, Honorifics)))
            .ToList();

        if (segments.Count == 0)
        {
            return null;
        }

        if (segments.Count >= 2)
        {
            // "Public, Jane Q." — family name first, then given names.
            var lastTokens = segments[0];
            var givenTokens = segments[1];
            StripLeading(givenTokens, Honorifics);
            StripTrailing(lastTokens, Suffixes);
            if (givenTokens.Count == 0)
            {
                return null;
            }

            // "Cheung Chi-keung, Michael": a Hong Kong name in its own order, then the English name the address uses.
            if (lastTokens.Count >= 2 && givenTokens.Count == 1 && NameCulture.IsChineseFamilyName(Fold(lastTokens[0])))
            {
                return Build(givenTokens, [], [lastTokens[0]]);
            }

            if (lastTokens.Count == 1 && givenTokens.Count == 1 && IsInitial(givenTokens[0]) && !IsInitial(lastTokens[0]))
            {
                return FromParts(givenTokens[0], lastTokens[0]);
            }

            var given = givenTokens.Where((t, i) => i == 0 || !IsInitial(t)).ToList();
            var culture = Culture(given, lastTokens);
            return culture == NameCultureHint.None
                ? Build([givenTokens[0]], givenTokens.Skip(1), lastTokens)
                : Build(given, givenTokens.Skip(1).Where(IsInitial), lastTokens);
        }

        return FromTokens(segments[0]);
    }

    private static PersonName? FromParenthesised(string full)
    {
        var open = full.IndexOf('(', StringComparison.Ordinal);
        var close = open < 0 ? -1 : full.IndexOf(')', open + 1);
        return close > open + 1 ? FromFull(full[(open + 1)..close]) : null;
    }

    private static PersonName? FromTokens(List<string> tokens)
    {
        StripLeading(tokens, Honorifics);
        StripTrailing(tokens, Suffixes);
        if (tokens.Count == 0)
        {
            return null;
        }

        if (tokens.Count == 1)
        {
            return Build([tokens[0]], [], []);
        }

        // "S. Ramesh": an initial, then the given name (see FromParts).
        if (tokens.Count == 2 && IsInitial(tokens[0]) && !IsInitial(tokens[1]))
        {
            return FromParts(tokens[0], tokens[1]);
        }

        // "Tony Chan Tai-man", "Karen Lam Wai Kit": a Hong Kong English name, the family name, the Chinese given name.
        if (tokens.Count >= 3 && NameCulture.IsChineseFamilyName(Fold(tokens[1])) && !NameCulture.IsSurnameFirstFamilyName(Fold(tokens[0]))
            && !IsInitial(tokens[0]) && tokens.Skip(2).Sum(t => t.Split('-', StringSplitOptions.RemoveEmptyEntries).Length) == 2)
        {
            return Build([tokens[0]], [], [tokens[1]]);
        }

        // "Chan Tai Man Tony": family name, Chinese given name, then the English name.
        if (tokens.Count >= 3 && NameCulture.IsChineseFamilyName(Fold(tokens[0]))
            && tokens.Skip(1).SkipLast(1).Sum(t => t.Split('-', StringSplitOptions.RemoveEmptyEntries).Length) == 2
            && !tokens[^1].Contains('-', StringComparison.Ordinal))
        {
            return Build([tokens[^1]], [], [tokens[0]]);
        }

        // Family name first (Nguyễn Văn An, Kovács János, Wang Xiaoming, Tanaka Hiroshi): the first word is a common
        // family name of a culture that writes it first and the last word is not one, or a less common one
        // ("Wang Zhi Wei", "Xu Fang"; but "Min Jun Kim" is in given-name-first order).
        // Where both ends are such names ("Tsai Chih Wei", "Li Wei", "Hwang Young Ho") the order is a guess, so the other
        // reading is kept as the alternative.
        var firstRank = NameCulture.SurnameFirstRank(Fold(tokens[0]));
        var lastRank = NameCulture.SurnameFirstRank(Fold(tokens[^1]));
        if (firstRank is not null && (lastRank is null || firstRank < lastRank))
        {
            // A Vietnamese middle name (Văn, Thị) after the first word settles the order.
            var familyFirst = FamilyFirst(tokens);
            var settled = tokens.Count >= 3 && NameCulture.VietnameseMiddle.Contains(Fold(tokens[1]));
            return lastRank is not null && !settled && familyFirst is not null && GivenFirst(tokens) is { } other
                ? familyFirst with { Alternative = other }
                : familyFirst;
        }

        var reading = GivenFirst(tokens);
        return firstRank is not null && reading is not null && FamilyFirst(tokens) is { } alternative
            ? reading with { Alternative = alternative }
            : reading;
    }

    /// <summary>"Nguyễn Văn An", "Tanaka Hiroshi": the first word is the family name; Vietnamese middle names are dropped.</summary>
    private static PersonName? FamilyFirst(List<string> tokens)
    {
        var given = tokens.Skip(1).Where(t => !NameCulture.VietnameseMiddle.Contains(Fold(t))).ToList();
        return Build(given.Count > 0 ? given : tokens.Skip(1).ToList(), [], [tokens[0]]);
    }

    /// <summary>"Ana María Reynoso Echevarría", "Mary Ann Smith": given names, then the family name (and its particles).</summary>
    private static PersonName? GivenFirst(List<string> tokens)
    {
        // The family name is the last word, or the last two where both are Spanish or Portuguese family names
        // ("Ana María Reynoso Echevarría", "João Lucas dos Santos Martins"), plus any particles before it.
        var start = tokens.Count - 1;
        if (tokens.Count >= 3 && NameCulture.IsIberianFamilyName(Fold(tokens[^2])) && NameCulture.IsIberianFamilyName(Fold(tokens[^1])))
        {
            start--;
        }

        while (start - 1 >= 1 && IsIn(tokens[start - 1], Particles))
        {
            start--;
        }

        var family = tokens.Skip(start).ToList();
        var before = tokens.Take(start).ToList();
        var compound = before.Where((t, i) => i == 0 || !IsInitial(t)).ToList();

        // Words between given and family name are middle names in English ("Mary Ann Smith" → m. a.), but part of
        // the given name where the culture uses compound given names ("José Luis Martínez", "Min Jun Kim").
        return Culture(compound, family) == NameCultureHint.None
            ? Build([before[0]], before.Skip(1), family)
            : Build(compound, before.Skip(1).Where(IsInitial), family);
    }

    private static NameCultureHint Culture(IEnumerable<string> givenTokens, IEnumerable<string> familyTokens)
    {
        var given = givenTokens.SelectMany(t => t.Split('-', StringSplitOptions.RemoveEmptyEntries)).Select(Fold).Where(t => t.Length > 0).ToList();
        var family = familyTokens.SelectMany(t => t.Split('-', StringSplitOptions.RemoveEmptyEntries))
            .Where(t => !IsIn(t, Particles)).Select(Fold).Where(t => t.Length > 0).ToList();
        var portuguese = givenTokens.Concat(familyTokens).Any(t => t.AsSpan().IndexOfAny("ãõÃÕ") >= 0);
        return NameCulture.Detect(given, family, portuguese);
    }

    private static PersonName? Build(List<string> givenTokens, IEnumerable<string> middleTokens, List<string> lastTokens)
    {
        var culture = Culture(givenTokens, lastTokens);
        var givenParts = givenTokens.SelectMany(t => t.Split('-', StringSplitOptions.RemoveEmptyEntries)).ToList();
        var (firstVariants, firstKinds) = GivenVariants(givenParts, givenTokens.Any(t => t.Contains('-', StringComparison.Ordinal)), culture);
        if (firstVariants.Count == 0)
        {
            return null;
        }

        var middle = new List<string>();
        foreach (var token in middleTokens)
        {
            var variants = Transliterate(token);
            if (variants.Count > 0)
            {
                middle.Add(variants[0][..1]);
            }
        }

        var (lastVariants, lastKinds) = lastTokens.Count == 0 ? ([], []) : LastVariants(lastTokens, culture);
        if (lastTokens.Count > 0 && lastVariants.Count == 0)
        {
            return null;  // A family name we cannot spell in ASCII: better no name than a wrong one.
        }

        return new PersonName(firstVariants, middle, lastVariants) { FirstKinds = firstKinds, LastKinds = lastKinds, Culture = culture };
    }

    /// <summary>
    /// Spellings of a given name, best first. A single name, then its nicknames. A compound one in the order its
    /// culture's admins most often write it: East Asian syllables are never cut (mynhi, minjun); hyphenated ones
    /// joined first (jeanpierre, jean-pierre, jean); Brazilian/Portuguese double names joined first (joaolucas);
    /// other space-separated ones cut to the first word first (ana, anamaria, am).
    /// </summary>
    private static (List<string> Variants, List<SpellingKind> Kinds) GivenVariants(List<string> parts, bool hyphenated, NameCultureHint culture)
    {
        if (parts.Count == 0)
        {
            return ([], []);
        }

        var joined = (string.Concat(parts), SpellingShape.CompoundJoined);
        var dashed = (string.Join('-', parts), SpellingShape.CompoundHyphenated);
        var first = (parts[0], SpellingShape.CompoundFirstPart);
        var initials = (string.Concat(parts.Select(p => Fold(p) is { Length: > 0 } f ? f[..1] : "")), SpellingShape.CompoundInitials);
        List<(string, SpellingShape)> forms = parts.Count == 1
            ? [(parts[0], SpellingShape.Simple)]
            : culture == NameCultureHint.EastAsian ? (hyphenated ? [joined, dashed] : [joined])
            : hyphenated ? [joined, dashed, first]
            : culture == NameCultureHint.Lusophone ? [joined, first, initials]
            : [first, joined, initials];

        var (variants, kinds) = Spellings(forms);
        if (parts.Count == 1 && variants.Count > 0)
        {
            foreach (var nickname in Nicknames.For(variants[0]))
            {
                if (!variants.Contains(nickname, StringComparer.Ordinal))
                {
                    variants.Add(nickname);
                    kinds.Add(new SpellingKind(SpellingShape.Nickname, Expanded: false, HasExpansion: false));
                }
            }
        }

        return (variants, kinds);
    }

    private static (List<string>, List<SpellingKind>) LastVariants(List<string> tokens, NameCultureHint culture)
    {
        // Split off leading particles ("van der", "de la", and the hyphenated Arabic "al-"/"el-").
        var particles = new List<string>();
        var rest = new List<string>();
        var words = new List<string>();  // the family names as written, hyphens kept ("García-López", "Pérez")
        var hyphenated = false;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            if (rest.Count == 0 && i < tokens.Count - 1 && IsIn(token, Particles))
            {
                particles.Add(token);
                continue;
            }

            words.Add(token);

            var dash = token.IndexOf('-', StringComparison.Ordinal);
            if (rest.Count == 0 && dash > 0 && dash < token.Length - 1 && IsIn(token[..dash], Particles))
            {
                particles.Add(token[..dash]);
                rest.Add(token[(dash + 1)..]);
                hyphenated = true;  // al-Hassan: the hyphen belongs to the particle.
                continue;
            }

            hyphenated |= token.Contains('-', StringComparison.Ordinal);
            rest.AddRange(token.Split('-', StringSplitOptions.RemoveEmptyEntries));
        }

        if (rest.Count == 0)
        {
            return ([], []);
        }

        var p = string.Concat(particles);
        if (words.Count == 2 && culture is NameCultureHint.Hispanic or NameCultureHint.Lusophone)
        {
            // Two family names: Spanish admins keep the first (paternal) one, Portuguese and Brazilian the last.
            // Each may itself be hyphenated ("García-López Pérez"): it is kept whole, joined.
            var (a, b) = (words[0].Replace("-", "", StringComparison.Ordinal), words[1].Replace("-", "", StringComparison.Ordinal));
            // Shapes name the parent, not the position, so a domain seen keeping "Reynoso" of "Reynoso Echevarría"
            // is expected to keep "Martins" of "dos Santos Martins".
            var hispanic = culture == NameCultureHint.Hispanic;
            var firstPart = (p + a, hispanic ? SpellingShape.DoublePaternal : SpellingShape.DoubleMaternal);
            var lastPart = (b, hispanic ? SpellingShape.DoubleMaternal : SpellingShape.DoublePaternal);
            var joined = (p + a + b, particles.Count > 0 ? SpellingShape.ParticleJoined : SpellingShape.CompoundJoined);
            var dropped = (a + b, SpellingShape.ParticleDropped);
            List<(string, SpellingShape)> forms = hispanic
                ? [firstPart, joined, dropped, lastPart]
                : [lastPart, joined, dropped, firstPart];
            return Spellings(forms.Where(f => f.Item2 != SpellingShape.ParticleDropped || particles.Count > 0).ToList());
        }

        return CompoundVariants(particles, rest, hyphenated);
    }

    /// <summary>
    /// Spellings of a compound family name, best first: everything joined ("vanderberg", "garcialopez"), the
    /// hyphenated form when the name had a hyphen ("garcia-lopez"), then the shorter forms admins also
    /// use: the core without particles ("berg") or the first part of a double name ("garcia").
    /// </summary>
    private static (List<string> Variants, List<SpellingKind> Kinds) CompoundVariants(List<string> particles, List<string> parts, bool hyphenated)
    {
        var particle = particles.Count > 0;
        var forms = new List<(string Form, SpellingShape Shape)>
        {
            (string.Concat(particles.Concat(parts)), particle ? SpellingShape.ParticleJoined : parts.Count > 1 ? SpellingShape.CompoundJoined : SpellingShape.Simple),
        };
        if (hyphenated)
        {
            forms.Add(particle && parts.Count == 1
                ? (string.Join('-', particles.Append(parts[0])), SpellingShape.ParticleHyphenated)       // al-hassan
                : (string.Concat(particles) + string.Join('-', parts), SpellingShape.CompoundHyphenated)); // garcia-lopez
        }

        if (particle)
        {
            forms.Add((string.Concat(parts), SpellingShape.ParticleDropped));
        }

        if (parts.Count > 1)
        {
            forms.Add((parts[0], SpellingShape.CompoundFirstPart));
        }

        return Spellings(forms);
    }

    /// <summary>Each form transliterated (folded, then expanded where that differs), duplicates dropped.</summary>
    private static (List<string> Variants, List<SpellingKind> Kinds) Spellings(List<(string Form, SpellingShape Shape)> forms)
    {
        var variants = new List<string>();
        var kinds = new List<SpellingKind>();
        foreach (var (form, shape) in forms)
        {
            var spellings = Transliterate(form);
            for (var i = 0; i < spellings.Count; i++)
            {
                if (!variants.Contains(spellings[i], StringComparer.Ordinal))
                {
                    variants.Add(spellings[i]);
                    kinds.Add(new SpellingKind(shape, Expanded: i >= 1, HasExpansion: spellings.Count > 1));
                }
            }
        }

        return (variants, kinds);
    }

    /// <summary>A one-letter word ("A.", "Q"): a middle initial, not part of a given name.</summary>
    private static bool IsInitial(string token) => token.Count(char.IsLetter) == 1;

    /// <summary>The simple ASCII folding of a word, hyphens dropped ("Nguyễn" → "nguyen"); "" when not Latin.</summary>
    private static string Fold(string token)
    {
        var variants = Transliterate(token);
        return variants.Count == 0 ? "" : variants[0].Replace("-", "", StringComparison.Ordinal);
    }

    private static string StripNicknames(string s)
    {
        // 'Robert "Bob" Smith' and "Robert (Bob) Smith": the nickname is not what the directory holds.
        var sb = new StringBuilder(s.Length);
        var depth = 0;
        var quoted = false;
        foreach (var c in s)
        {
            switch (c)
            {
                case '(':
                    depth++;
                    break;
                case ')':
                    depth = Math.Max(0, depth - 1);
                    break;
                case '"' or '\u201C' or '\u201D':
                    quoted = !quoted;
                    break;
                default:
                    if (depth == 0 && !quoted)
                    {
                        sb.Append(c);
                    }

                    break;
            }
        }

        return sb.ToString();
    }

    private static List<string> Tokens(string s) =>
        s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries).Where(t => t.Any(char.IsLetter)).ToList();

    private static void StripLeading(List<string> tokens, FrozenSet<string> words)
    {
        while (tokens.Count > 1 && IsIn(tokens[0], words))
        {
            tokens.RemoveAt(0);
        }
    }

    private static void StripTrailing(List<string> tokens, FrozenSet<string> words)
    {
        while (tokens.Count > 1 && IsIn(tokens[^1], words))
        {
            tokens.RemoveAt(tokens.Count - 1);
        }
    }

    private static bool IsIn(string token, FrozenSet<string> words)
    {
        var variants = Transliterate(token);
        return variants.Count > 0 && words.Contains(variants[0].Replace("-", "", StringComparison.Ordinal));
    }
}

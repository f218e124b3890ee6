namespace Enrichment.Verification.Flags;

/// <summary>
/// Suggests the common mail domain a mistyped one was meant to be. Either the second-level label is mistyped with the
/// suffix exact (gmial.com → gmail.com), or the suffix is mistyped with the label exact (gmail.con → gmail.com); never
/// both, never when the typed domain is itself a known domain, and never when two targets are equally close.
/// </summary>
internal sealed class TypoSuggester
{
    /// <summary>Shorter second-level labels (aol, msn, me, live, mail) have too many real neighbours to correct by distance.</summary>
    private const int MinFuzzyLabelLength = 5;

    /// <summary>Labels up to this length tolerate one edit, longer ones two.</summary>
    private const int ShortLabelLength = 8;

    // Delegated two-letter country-code top-level domains (IANA root zone). A typed domain ending in one of these is a
    // real, different domain (yahoo.fr is not a typo of yahoo.de), except for the few that are classic typos of .com/.net.
    private static readonly HashSet<string> CountryCodes = new(
        ("ac ad ae af ag ai al am ao aq ar as at au aw ax az ba bb bd be bf bg bh bi bj bm bn bo bq br bs bt bw by bz "
        + "ca cc cd cf cg ch ci ck cl cm cn co cr cu cv cw cx cy cz de dj dk dm do dz ec ee eg er es et eu fi fj fk fm fo "
        + "fr ga gb gd ge gf gg gh gi gl gm gn gp gq gr gs gt gu gw gy hk hm hn hr ht hu id ie il im in io iq ir is it je "
        + "jm jo jp ke kg kh ki km kn kp kr kw ky kz la lb lc li lk lr ls lt lu lv ly ma mc md me mf mg mh mk ml mm mn mo "
        + "mp mq mr ms mt mu mv mw mx my mz na nc ne nf ng ni nl no np nr nu nz om pa pe pf pg ph pk pl pm pn pr ps pt pw "
        + "py qa re ro rs ru rw sa sb sc sd se sg sh si sk sl sm sn so sr ss st su sv sx sy sz tc td tf tg th tj tk tl tm "
        + "tn to tr tt tv tw tz ua ug uk us uy uz va vc ve vg vi vn vu wf ws ye yt za zm zw").Split(' '),
        StringComparer.Ordinal);

    // Country codes one keystroke from a generic TLD that people hit by mistake: gmail.co, gmail.cm, gmail.om, gmx.ne.
    private static readonly Dictionary<string, string> CountryCodeTypos = new(StringComparer.Ordinal)
    {
        ["co"] = "com",
        ["cm"] = "com",
        ["om"] = "com",
        ["ne"] = "net",
    };

    private readonly (string Domain, string Label, string Suffix)[] _targets;
    private readonly HashSet<string> _known;

    /// <param name="commonDomains">Domains to correct towards.</param>
    /// <param name="otherKnownDomains">Real domains that are never corrected (besides the common ones), e.g. mail.com, email.com.</param>
    public TypoSuggester(IEnumerable<string> commonDomains, IEnumerable<string> otherKnownDomains)
    {
        _targets = commonDomains
            .Distinct(StringComparer.Ordinal)
            .Where(d => d.Contains('.', StringComparison.Ordinal))
            .Select(d =>
            {
                int dot = d.IndexOf('.', StringComparison.Ordinal);
                return (d, d[..dot], d[(dot + 1)..]);
            })
            .ToArray();
        _known = new HashSet<string>(_targets.Select(t => t.Domain), StringComparer.Ordinal);
        _known.UnionWith(otherKnownDomains);
    }

    /// <summary>All domains that are never corrected: the common ones and the other known ones.</summary>
    public IReadOnlySet<string> KnownDomains => _known;

    public string? Suggest(string asciiDomain)
    {
        string domain = asciiDomain.Trim().TrimEnd('.').ToLowerInvariant();
        if (domain.Length == 0 || _known.Contains(domain))
        {
            return null;
        }

        string? best = null;
        int bestDistance = int.MaxValue;
        bool tie = false;
        foreach (var (target, label, suffix) in _targets)
        {
            int distance = Distance(domain, label, suffix);
            if (distance < bestDistance)
            {
                best = target;
                bestDistance = distance;
                tie = false;
            }
            else if (distance == bestDistance && distance != int.MaxValue)
            {
                tie = true;
            }
        }

        return best is not null && !tie ? best : null;
    }

    /// <summary>How far <paramref name="domain"/> is from the target, or int.MaxValue if it is not a plausible typo of it.</summary>
    private static int Distance(string domain, string label, string suffix)
    {
        // Second-level label mistyped, suffix exact: hotmial.com, googlemial.com, hotmial.co.uk.
        if (domain.Length > suffix.Length + 1
            && domain.EndsWith(suffix, StringComparison.Ordinal)
            && domain[^(suffix.Length + 1)] == '.')
        {
            string typed = domain[..^(suffix.Length + 1)];
            if (label.Length >= MinFuzzyLabelLength && typed.Length >= MinFuzzyLabelLength - 1
                && !typed.Contains('.', StringComparison.Ordinal))
            {
                int limit = label.Length <= ShortLabelLength ? 1 : 2;
                int distance = OptimalStringAlignment(typed, label, limit);
                return distance <= limit ? distance : int.MaxValue;
            }

            return int.MaxValue;
        }

        // Suffix mistyped, label exact: gmail.con, gmail.cmo, gmail.comm, gmail.cm, hotmail.couk, hotmail.co.ul.
        if (domain.Length > label.Length + 1
            && domain.StartsWith(label, StringComparison.Ordinal)
            && domain[label.Length] == '.')
        {
            string typed = domain[(label.Length + 1)..];
            if (OptimalStringAlignment(typed, suffix, 1) != 1 || IsRealDifferentCountry(typed, suffix))
            {
                return int.MaxValue;
            }

            return 1;
        }

        return int.MaxValue;
    }

    /// <summary>True when the typed suffix ends in a real ccTLD other than the target's, which makes it a different domain.</summary>
    private static bool IsRealDifferentCountry(string typed, string target)
    {
        string typedTop = typed[(typed.LastIndexOf('.') + 1)..];
        string targetTop = target[(target.LastIndexOf('.') + 1)..];
        if (typedTop == targetTop || !CountryCodes.Contains(typedTop))
        {
            return false;
        }

        return !(CountryCodeTypos.TryGetValue(typedTop, out string? meant) && meant == targetTop);
    }

    /// <summary>
    /// Damerau-Levenshtein distance in its optimal-string-alignment form (adjacent transpositions count as one edit),
    /// returning limit + 1 as soon as the distance must exceed <paramref name="limit"/>.
    /// </summary>
    internal static int OptimalStringAlignment(string a, string b, int limit)
    {
        if (Math.Abs(a.Length - b.Length) > limit)
        {
            return limit + 1;
        }

        var previous2 = new int[b.Length + 1];
        var previous = new int[b.Length + 1];
        var current = new int[b.Length + 1];
        for (int j = 0; j <= b.Length; j++)
        {
            previous[j] = j;
        }

        for (int i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            int rowMin = current[0];
            for (int j = 1; j <= b.Length; j++)
            {
                int cost = a[i - 1] == b[j - 1] ? 0 : 1;
                int value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, previous2[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > limit)
            {
                return limit + 1;
            }

            (previous2, previous, current) = (previous, current, previous2);
        }

        return Math.Min(previous[b.Length], limit + 1);
    }
}

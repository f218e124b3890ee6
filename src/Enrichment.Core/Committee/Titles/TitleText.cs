using System.Text;
using Enrichment.Finding.Names;

namespace Enrichment.Committee.Titles;

/// <summary>
/// A title reduced to lowercase ASCII tokens: accents folded (ä → a, ł → l, ß → ss), profile noise dropped
/// ("| LinkedIn", " at Acme", " @ Acme"), joined abbreviations kept whole (FP&amp;A → fpa, R&amp;D → rnd).
/// Everything that is not a letter or digit (emoji, punctuation, hyphens) separates tokens.
/// </summary>
internal static class TitleText
{
    // Where a profile headline stops naming the job and starts naming the employer. Spanish "en" and Portuguese
    // "em" are left alone: "Especialista en Atención al Cliente" uses them inside the title.
    private static readonly string[] EmployerMarkers = [" at ", " @ ", "@", " chez ", " bei ", " presso ", " bij ", " pa ", " w firmie ", " hos "];

    private static readonly (string From, string To)[] Joined =
    [
        ("fp&a", "fpa"), ("fp & a", "fpa"), ("r&d", "rnd"), ("r & d", "rnd"), ("p&l", "pnl"), ("m&a", "mna"),
        ("l&d", "lnd"), ("c&b", "cnb"), ("p&o", "pno"), ("s&op", "sop"), ("ux/ui", "ux ui"), ("ui/ux", "ui ux"),
        ("e-commerce", "ecommerce"), ("co-founder", "cofounder"), ("co-fondateur", "cofondateur"),
        ("co-fondatrice", "cofondatrice"), ("co-owner", "coowner"), ("c-level", "clevel"), ("sr.", "sr "),
    ];

    // Every Joined entry holds one of these; most titles hold none and skip the replacements.
    private static readonly System.Buffers.SearchValues<char> JoinMarks = System.Buffers.SearchValues.Create("&/-.");

    /// <summary>The token standing for a list separator; no vocabulary phrase contains it.</summary>
    public const string Boundary = ",";

    private static readonly System.Buffers.SearchValues<char> Boundaries = System.Buffers.SearchValues.Create("&/+,;()");

    public static string[] Tokens(string? title)
    {
        if (string.IsNullOrWhiteSpace(title))
        {
            return [];
        }

        if (ScriptGlossary.Applies(title))
        {
            title = ScriptGlossary.Translate(title);
        }

        var folded = Current(Fold(title));
        if (folded.Length == 0)
        {
            return [];
        }

        foreach (var marker in EmployerMarkers)
        {
            if (folded.Length < marker.Length + 2)
            {
                continue;
            }

            var at = folded.IndexOf(marker, StringComparison.Ordinal);
            if (at > 0)
            {
                folded = folded[..at];
            }
        }

        if (folded.AsSpan().IndexOfAny(JoinMarks) >= 0)
        {
            foreach (var (from, to) in Joined)
            {
                if (folded.Contains(from, StringComparison.Ordinal))
                {
                    folded = folded.Replace(from, to, StringComparison.Ordinal);
                }
            }
        }

        var tokens = new List<string>(8);
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var letter = i < folded.Length && char.IsAsciiLetterOrDigit(folded[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                var token = folded[start..i];
                if (token is not ("linkedin" or "xing"))
                {
                    tokens.Add(token);
                }

                start = -1;
            }

            // "Head of IT & Security" names two functions: no phrase may run across the '&' ("it security").
            if (!letter && i < folded.Length && Boundaries.Contains(folded[i]) && tokens.Count > 0 && tokens[^1] != Boundary)
            {
                tokens.Add(Boundary);
            }
        }

        return [.. tokens];
    }

    /// <summary>
    /// The part of a folded headline that names the job held now: the first '|' segment that is not a past job
    /// ("Ex-Amazon | Product Manager"), cut where a past job starts ("IT Director (ex-IBM)"). A headline that names only
    /// past jobs ("Former CFO", "Ehemaliger Geschäftsführer") is empty: it says nothing about what the person does now,
    /// unless it goes on to say ("Previously CTO at Foo, now advisor").
    /// </summary>
    internal static string Current(string folded)
    {
        string? chosen = null;
        // Most titles have one segment and no past job: no split, no allocation.
        foreach (var segment in folded.Contains('|', StringComparison.Ordinal) ? folded.Split('|') : [folded])
        {
            if (segment.AsSpan().IndexOfAnyInRange('a', 'z') < 0 && segment.AsSpan().IndexOfAnyInRange('0', '9') < 0)
            {
                continue;
            }

            if (FirstWordAt(segment, FormerLookup, out _) != 0)
            {
                chosen = segment;
                break;
            }

            chosen ??= segment;
        }

        if (chosen is null)
        {
            return "";
        }

        var past = FirstWordAt(chosen, FormerLookup, out _);
        if (past == 0)
        {
            var now = FirstWordAt(chosen, NowLookup, out var length);
            return now > 0 ? chosen[(now + length)..] : "";
        }

        return past > 0 ? chosen[..past] : chosen;
    }

    // Words that start a past job. "ex" comes from "ex-CFO" and "(ex-IBM)"; Romance and Polish write it the same way.
    private static readonly HashSet<string> FormerWords = new(StringComparer.Ordinal)
    {
        "ex", "former", "formerly", "previously", "prev", "ehemaliger", "ehemalige", "ehemals", "vormals", "ancien", "ancienne",
        "anciennement", "voormalig", "voormalige", "byly", "byla", "tidigare",
    };

    private static readonly HashSet<string> NowWords = new(StringComparer.Ordinal) { "now", "currently", "aktuell", "jetzt", "actuellement", "nu", "teraz" };

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> FormerLookup = FormerWords.GetAlternateLookup<ReadOnlySpan<char>>();

    private static readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> NowLookup = NowWords.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>Where the first whole word of the set starts in the text, or -1; 0 also when only separators come before it.</summary>
    private static int FirstWordAt(string text, HashSet<string>.AlternateLookup<ReadOnlySpan<char>> words, out int length)
    {
        var start = -1;
        var seenWord = false;
        for (var i = 0; i <= text.Length; i++)
        {
            var letter = i < text.Length && char.IsAsciiLetterOrDigit(text[i]);
            if (letter && start < 0)
            {
                start = i;
            }
            else if (!letter && start >= 0)
            {
                if (words.Contains(text.AsSpan(start, i - start)))
                {
                    length = i - start;
                    return seenWord ? start : 0;
                }

                seenWord = true;
                start = -1;
            }
        }

        length = 0;
        return -1;
    }

    /// <summary>Lowercase ASCII with accents folded; anything else becomes a space.</summary>
    public static string Fold(string text)
    {
        var builder = new StringBuilder(text.Length + 8);
        builder.Append(' ');
        foreach (var raw in text)
        {
            var c = char.ToLowerInvariant(raw);
            if (c < 128)
            {
                builder.Append(c);
            }
            else if (Latin.TryFold(c, out var fold, out _))
            {
                builder.Append(fold);
            }
            else
            {
                builder.Append(' ');
            }
        }

        builder.Append(' ');
        return builder.ToString();
    }

    /// <summary>A vocabulary entry written with its real letters, in both spellings directories use (ä → a and ae).</summary>
    public static IEnumerable<string> Spellings(string entry)
    {
        var simple = new StringBuilder(entry.Length);
        var expanded = new StringBuilder(entry.Length + 4);
        foreach (var raw in entry)
        {
            var c = char.ToLowerInvariant(raw);
            if (c < 128)
            {
                simple.Append(c);
                expanded.Append(c);
            }
            else if (Latin.TryFold(c, out var fold, out var expand))
            {
                simple.Append(fold);
                expanded.Append(expand);
            }
        }

        yield return simple.ToString();
        if (!expanded.Equals(simple))
        {
            yield return expanded.ToString();
        }
    }
}

using System.Collections.Frozen;

namespace Enrichment.Committee.Titles;

/// <summary>
/// Keyword phrases over title tokens, compiled once. A phrase is space-separated token patterns: <c>word</c> matches
/// the token exactly, <c>stem*</c> a token starting with the stem, <c>*stem</c> one ending with it, <c>*stem*</c> one
/// containing it — which is how compound words (Einkaufsleiter, Inköpschef, Accountmanager) are read. Matching
/// returns every hit except those inside a longer or more specific hit ("vice president" hides "president",
/// "teamleiter" hides "*leiter").
/// </summary>
internal sealed class PhraseTable<T>
{
    private const int KeyLength = 3;

    private readonly FrozenDictionary<string, Phrase[]> _exact;
    private readonly FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _prefix;
    private readonly FrozenDictionary<string, Phrase[]>.AlternateLookup<ReadOnlySpan<char>> _suffix;
    private readonly Phrase[] _contains;

    private readonly Func<T, T, bool>? _mayCover;

    /// <param name="mayCover">Whether a hit's value may hide another's (outer, inner); null: always.</param>
    public PhraseTable(IEnumerable<(string Phrases, T Value)> entries, Func<T, T, bool>? mayCover = null)
    {
        _mayCover = mayCover;
        var exact = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        var prefix = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        var suffix = new Dictionary<string, List<Phrase>>(StringComparer.Ordinal);
        var contains = new List<Phrase>();
        foreach (var (phrases, value) in entries)
        {
            foreach (var written in phrases.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                foreach (var spelling in TitleText.Spellings(written))
                {
                    var phrase = Phrase.Parse(spelling, value);
                    var first = phrase.Parts[0];
                    var (index, key) = first.Kind switch
                    {
                        PartKind.Exact => (exact, first.Text),
                        PartKind.Prefix when first.Text.Length >= KeyLength => (prefix, first.Text[..KeyLength]),
                        PartKind.Suffix when first.Text.Length >= KeyLength => (suffix, first.Text[^KeyLength..]),
                        _ => ((Dictionary<string, List<Phrase>>?)null, ""),
                    };
                    if (index is null)
                    {
                        contains.Add(phrase);
                    }
                    else
                    {
                        if (!index.TryGetValue(key, out var list))
                        {
                            index[key] = list = [];
                        }

                        list.Add(phrase);
                    }
                }
            }
        }

        _exact = Freeze(exact);
        // Looked up by a span of the token: no substring is allocated per token.
        _prefix = Freeze(prefix).GetAlternateLookup<ReadOnlySpan<char>>();
        _suffix = Freeze(suffix).GetAlternateLookup<ReadOnlySpan<char>>();
        _contains = [.. contains];
    }

    private static FrozenDictionary<string, Phrase[]> Freeze(Dictionary<string, List<Phrase>> index) =>
        index.ToFrozenDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Every hit in the tokens, minus the hits covered by a longer or more specific one; in token order.</summary>
    public List<Hit> Find(string[] tokens)
    {
        var hits = new List<Hit>();
        for (var i = 0; i < tokens.Length; i++)
        {
            var token = tokens[i];
            if (_exact.TryGetValue(token, out var exact))
            {
                Try(exact, tokens, i, hits);
            }

            if (token.Length >= KeyLength)
            {
                if (_prefix.TryGetValue(token.AsSpan(0, KeyLength), out var prefix))
                {
                    Try(prefix, tokens, i, hits);
                }

                if (_suffix.TryGetValue(token.AsSpan(token.Length - KeyLength), out var suffix))
                {
                    Try(suffix, tokens, i, hits);
                }
            }

            if (_contains.Length > 0)
            {
                Try(_contains, tokens, i, hits);
            }
        }

        if (hits.Count > 1)
        {
            RemoveCovered(hits, _mayCover);
        }

        return hits;
    }

    private static void RemoveCovered(List<Hit> hits, Func<T, T, bool>? mayCover)
    {
        Span<bool> covered = stackalloc bool[hits.Count];
        for (var i = 0; i < hits.Count; i++)
        {
            for (var j = 0; j < hits.Count && !covered[i]; j++)
            {
                covered[i] = hits[j].Covers(hits[i]) && (mayCover is null || mayCover(hits[j].Value, hits[i].Value));
            }
        }

        var kept = 0;
        for (var i = 0; i < hits.Count; i++)
        {
            if (!covered[i])
            {
                hits[kept++] = hits[i];
            }
        }

        hits.RemoveRange(kept, hits.Count - kept);
    }

    private static void Try(Phrase[] phrases, string[] tokens, int start, List<Hit> hits)
    {
        foreach (var phrase in phrases)
        {
            if (phrase.MatchesAt(tokens, start))
            {
                hits.Add(new Hit(start, phrase.Parts.Length, phrase.Specificity, phrase.Value));
            }
        }
    }

    public readonly record struct Hit(int Start, int Length, int Specificity, T Value)
    {
        public int End => Start + Length;

        public bool Covers(Hit other) =>
            Start <= other.Start && End >= other.End
            && (Length > other.Length || Specificity > other.Specificity);
    }

    private enum PartKind
    {
        Exact,
        Prefix,
        Suffix,
        Contains,
    }

    private readonly record struct Part(PartKind Kind, string Text)
    {
        public bool Matches(string token) => Kind switch
        {
            PartKind.Exact => token == Text,
            PartKind.Prefix => token.StartsWith(Text, StringComparison.Ordinal),
            PartKind.Suffix => token.EndsWith(Text, StringComparison.Ordinal),
            _ => token.Contains(Text, StringComparison.Ordinal),
        };
    }

    private sealed record Phrase(Part[] Parts, int Specificity, T Value)
    {
        public static Phrase Parse(string text, T value)
        {
            var parts = text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(ParsePart).ToArray();
            if (parts.Length == 0)
            {
                throw new ArgumentException($"empty phrase in title vocabulary: '{text}'", nameof(text));
            }

            // Literal letters count; an exact token counts a little more than the same letters as a stem.
            var specificity = parts.Sum(p => (p.Text.Length * 2) + (p.Kind == PartKind.Exact ? 1 : 0));
            return new Phrase(parts, specificity, value);
        }

        private static Part ParsePart(string word) => (word.StartsWith('*'), word.EndsWith('*') && word.Length > 1) switch
        {
            (true, true) => new Part(PartKind.Contains, word.Trim('*')),
            (true, false) => new Part(PartKind.Suffix, word.TrimStart('*')),
            (false, true) => new Part(PartKind.Prefix, word.TrimEnd('*')),
            _ => new Part(PartKind.Exact, word),
        };

        public bool MatchesAt(string[] tokens, int start)
        {
            if (start + Parts.Length > tokens.Length)
            {
                return false;
            }

            for (var k = 0; k < Parts.Length; k++)
            {
                if (!Parts[k].Matches(tokens[start + k]))
                {
                    return false;
                }
            }

            return true;
        }
    }
}

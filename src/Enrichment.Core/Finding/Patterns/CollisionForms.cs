using System.Globalization;

namespace Enrichment.Finding.Patterns;

/// <summary>
/// The forms a collision scheme gives a format's local part (john.smith → john.smith2, john.a.smith; jsmith →
/// josmith), and the way back: which format and scheme a known address that no plain format spells was made with.
/// </summary>
internal static class CollisionForms
{
    /// <summary>The form the scheme gives when <paramref name="local"/> (spelled from first and last by the format)
    /// is taken; null when the scheme does not apply (no middle initial, a format without the first initial).</summary>
    public static string? Apply(CollisionScheme scheme, AddressFormat format, string local, string first, string last, string? middleInitial, IReadOnlySet<string> taken)
    {
        switch (scheme)
        {
            case CollisionScheme.NumberFromTwo:
                return local + NextFree(local, 2, taken);
            case CollisionScheme.NumberFromOne:
                return local + NextFree(local, 1, taken);
            case CollisionScheme.MiddleInitial:
                return middleInitial is null ? null : WithMiddle(format, first, middleInitial, last);
            default:
                for (var k = 2; k < first.Length; k++)
                {
                    var more = WithLetters(format, first[..k], last);
                    if (more is null)
                    {
                        return null;
                    }

                    if (!taken.Contains(more))
                    {
                        return more;
                    }
                }

                return null;
        }
    }

    /// <summary>The format and scheme that spell <paramref name="local"/> as a collision form of the name, if any
    /// (the number schemes are recognised by <see cref="PatternLearner.SplitCollisionNumber"/> instead).</summary>
    public static (AddressFormat Format, CollisionScheme Scheme)? Recognise(string local, string first, string last)
    {
        if (first.Length == 0 || last.Length == 0)
        {
            return null;
        }

        foreach (var format in new[] { AddressFormat.FLast, AddressFormat.FDotLast, AddressFormat.LastF, AddressFormat.LastDotF })
        {
            for (var k = 2; k < first.Length; k++)
            {
                if (string.Equals(WithLetters(format, first[..k], last), local, StringComparison.Ordinal))
                {
                    return (format, CollisionScheme.MoreLetters);
                }
            }
        }

        foreach (var format in new[] { AddressFormat.FirstDotLast, AddressFormat.FLast, AddressFormat.FirstLast, AddressFormat.FDotLast, AddressFormat.FirstUnderscoreLast, AddressFormat.FirstDashLast })
        {
            for (var m = 'a'; m <= 'z'; m++)
            {
                if (string.Equals(WithMiddle(format, first, m.ToString(), last), local, StringComparison.Ordinal))
                {
                    return (format, CollisionScheme.MiddleInitial);
                }
            }
        }

        return null;
    }

    private static string? WithMiddle(AddressFormat format, string first, string m, string last) => format switch
    {
        AddressFormat.FirstDotLast => $"{first}.{m}.{last}",
        AddressFormat.FirstLast => first + m + last,
        AddressFormat.FLast => first[..1] + m + last,
        AddressFormat.FDotLast => $"{first[..1]}.{m}.{last}",
        AddressFormat.FirstUnderscoreLast => $"{first}_{m}_{last}",
        AddressFormat.FirstDashLast => $"{first}-{m}-{last}",
        _ => null,
    };

    private static string? WithLetters(AddressFormat format, string letters, string last) => format switch
    {
        AddressFormat.FLast => letters + last,
        AddressFormat.FDotLast => $"{letters}.{last}",
        AddressFormat.LastF => last + letters,
        AddressFormat.LastDotF => $"{last}.{letters}",
        _ => null,
    };

    private static string NextFree(string local, int from, IReadOnlySet<string> taken)
    {
        var n = from;
        while (taken.Contains(local + n.ToString(CultureInfo.InvariantCulture)))
        {
            n++;
        }

        return n.ToString(CultureInfo.InvariantCulture);
    }
}

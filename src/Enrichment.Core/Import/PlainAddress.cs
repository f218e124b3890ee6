using System.Buffers;
using System.Runtime.CompilerServices;
using Enrichment.Verification.Syntax;

namespace Enrichment.Import;

/// <summary>
/// The import's fast path for the address cell: almost every cell of a CRM export is a plain ASCII dot-atom address
/// (<c>Jane.Doe@Acme.com</c>), and for those the full <see cref="EmailSyntax.Parse"/> (mailto:, angle brackets, quoted
/// local parts, IDNA, typo suggestions the import does not use) costs more than the rest of the row. This accepts only
/// what the full parser certainly accepts with the same result, and says "ask the full parser" for everything else —
/// it never rejects.
/// </summary>
internal static class PlainAddress
{
    // RFC 5322 section 3.2.3 atext (ASCII part) plus '.', whose placement is checked separately.
    private static readonly SearchValues<char> LocalCharacters =
        SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789!#$%&'*+-/=?^_`{|}~.");

    /// <summary>
    /// True with the normalised address (the full parser's <see cref="EmailAddress.Normalized"/>) and the index of its
    /// '@' when <paramref name="input"/> is a plain address; false when the full parser must decide.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryNormalize(string input, out string normalized, out int at)
    {
        normalized = "";
        at = input.IndexOf('@');
        if (at <= 0 || input.Length > EmailSyntax.MaxAddressOctets)
        {
            return false;
        }

        var local = input.AsSpan(0, at);
        var domain = input.AsSpan(at + 1);
        if (local.Length > EmailSyntax.MaxLocalPartOctets
            || local.ContainsAnyExcept(LocalCharacters)
            || local[0] == '.' || local[^1] == '.' || local.Contains("..", StringComparison.Ordinal)
            || !IsPlainDomain(domain))
        {
            return false;
        }

        // Most exports already write addresses in lower case: the cell's own string is the normalised one.
        normalized = input.AsSpan().ContainsAnyInRange('A', 'Z')
            ? string.Create(input.Length, input, static (span, source) => System.Text.Ascii.ToLower(source, span, out _))
            : input;
        return true;
    }

    /// <summary>
    /// LDH labels of 1–63, at least one dot, a top-level label not all digits, at most 253 characters, no "xn--" (the
    /// full parser checks that punycode decodes). One pass over the characters: it runs on every row.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool IsPlainDomain(ReadOnlySpan<char> domain)
    {
        if (domain.Length is 0 or > DomainName.MaxLength)
        {
            return false;
        }

        var labelStart = 0;
        var labelAllDigits = true;
        var dots = 0;
        for (var i = 0; i <= domain.Length; i++)
        {
            if (i < domain.Length && domain[i] != '.')
            {
                var c = domain[i];
                if (char.IsAsciiDigit(c))
                {
                    continue;
                }

                labelAllDigits = false;
                if (char.IsAsciiLetter(c))
                {
                    // "xn--": the first letter of an IDNA label.
                    if ((c | 0x20) == 'x' && i + 3 < domain.Length && (domain[i + 1] | 0x20) == 'n' && domain[i + 2] == '-' && domain[i + 3] == '-')
                    {
                        return false;
                    }

                    continue;
                }

                if (c != '-')
                {
                    return false;
                }

                continue;
            }

            var length = i - labelStart;
            if (length is 0 or > DomainName.MaxLabelLength || domain[labelStart] == '-' || domain[i - 1] == '-')
            {
                return false;
            }

            if (i < domain.Length)
            {
                dots++;
                labelStart = i + 1;
                labelAllDigits = true;
            }
        }

        // labelAllDigits now describes the top-level label.
        return dots > 0 && !labelAllDigits;
    }
}

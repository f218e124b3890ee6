using System.Buffers;
using Enrichment.Verification.Syntax;

namespace Enrichment.Import;

/// <summary>
/// The address in an email cell that the address parser does not take whole, as people and CRMs fill them: a
/// trailing dot or separator (<c>jane@acme.com.</c>, <c>jane@acme.com;</c>), several addresses in one cell
/// (<c>jane@acme.com; j.doe@acme.com</c>, <c>a@x.com, b@x.com</c>, <c>a@x.com / b@x.com</c>) or a name before a bare
/// address (<c>Jane Doe jane@acme.com</c>). The first address that parses wins; the cell itself is kept as typed.
/// A formula (<c>=HYPERLINK("mailto:…")</c>) stays a formula: no address is taken out of it.
/// </summary>
internal static class EmailCell
{
    private static readonly char[] SeparatorChars = [';', ',', ' ', '/', '|', '\t', '\r', '\n'];
    private static readonly SearchValues<char> Separators = SearchValues.Create(SeparatorChars);
    // Around an address: brackets and quotes either side; a trailing dot or separator after it. Never a leading dot:
    // ".jane@x.test" is a broken address, not another way to write jane@x.test.
    // Invisible characters copied in from web pages and Word (zero-width space, BOM, no-break space) count as wrapping too.
    private static readonly char[] Leading = ['<', '"', '\'', '(', '[', '{', '“', '‘', '«', '\u200B', '\uFEFF', '\u00A0', ' '];
    private static readonly char[] Trailing = ['>', '"', '\'', ')', ']', '}', '”', '’', '»', '.', ',', ';', ':', '\u200B', '\uFEFF', '\u00A0', ' '];

    private static readonly SearchValues<char> Invisible = SearchValues.Create("\u00AD\u200B\u200C\u200D\u2060\uFEFF");
    private static readonly char[] SmartQuotes = ['“', '”', '‘', '’', '«', '»', '„'];

    /// <summary>
    /// The cell without invisible characters (zero-width space, soft hyphen, BOM: copied in from web pages and Word)
    /// and without typographic quotes around it; the cell itself when it has neither. The address parser would take
    /// "jane@acme.test&#x200B;" for an internationalised domain, and “jane” for a local part.
    /// </summary>
    public static string Tidy(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        var text = cell.AsSpan().IndexOfAny(Invisible) < 0 ? cell : string.Concat(cell.Split([.. "\u00AD\u200B\u200C\u200D\u2060\uFEFF"]));
        return text.Trim().Trim(SmartQuotes).Trim();
    }

    /// <summary>The first address in <paramref name="cell"/>, or null when none parses.</summary>
    public static EmailAddress? FirstAddress(string cell)
    {
        ArgumentNullException.ThrowIfNull(cell);
        if (cell.Length == 0 || cell[0] is '=' or '+' or '@' || cell.Length > 4 * EmailSyntax.MaxAddressOctets)
        {
            return null;
        }

        var trimmed = Unwrap(cell.Trim());
        if (trimmed.Length != cell.Length && EmailSyntax.Parse(trimmed).Address is { } whole)
        {
            return whole;
        }

        if (cell.AsSpan().IndexOfAny(Separators) < 0)
        {
            return null;
        }

        foreach (var token in cell.Split(SeparatorChars, StringSplitOptions.RemoveEmptyEntries))
        {
            if (token.Contains('@', StringComparison.Ordinal) && EmailSyntax.Parse(Unwrap(token)).Address is { } address)
            {
                return address;
            }
        }

        return null;
    }

    private static string Unwrap(string text) => text.TrimStart(Leading).TrimEnd(Trailing);
}

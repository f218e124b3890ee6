using System.Globalization;

namespace Enrichment.Finding;

/// <summary>Turns what people type in a "domain" or "website" column into a mail domain.</summary>
public static class CompanyDomain
{
    private static readonly IdnMapping Idn = new();

    /// <summary>
    /// "https://www.Acme.com/about" → "acme.com"; "Bücher.de" → "xn--bcher-kva.de". Null when nothing
    /// usable is left (no dot, illegal characters).
    /// </summary>
    public static string? Normalize(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var text = value.Trim();
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            text = text[(scheme + 3)..];
        }

        var at = text.LastIndexOf('@');
        if (at >= 0)
        {
            text = text[(at + 1)..];
        }

        var end = text.IndexOfAny(['/', '?', '#', ':']);
        if (end >= 0)
        {
            text = text[..end];
        }

        text = text.Trim().TrimEnd('.').ToLowerInvariant();
        if (text.StartsWith("www.", StringComparison.Ordinal))
        {
            text = text[4..];
        }

        try
        {
            text = Idn.GetAscii(text);
        }
        catch (ArgumentException)
        {
            return null;
        }

        return text.Contains('.', StringComparison.Ordinal) && text.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '.') ? text : null;
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;

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

        // Spans until the end: list imports call this on every row, so no intermediate strings.
        var span = value.AsSpan().Trim();
        var scheme = span.IndexOf("://", StringComparison.Ordinal);
        if (scheme >= 0)
        {
            span = span[(scheme + 3)..];
        }

        var at = span.LastIndexOf('@');
        if (at >= 0)
        {
            span = span[(at + 1)..];
        }

        var end = span.IndexOfAny(PathStart);
        if (end >= 0)
        {
            span = span[..end];
        }

        span = span.Trim().TrimEnd('.');
        if (span.StartsWith("www.", StringComparison.OrdinalIgnoreCase))
        {
            span = span[4..];
        }

        var text = span.ContainsAnyInRange('A', 'Z') || !Ascii.IsValid(span) ? span.ToString().ToLowerInvariant() : span.ToString();
        if (!Ascii.IsValid(text))
        {
            try
            {
                text = Idn.GetAscii(text);
            }
            catch (ArgumentException)
            {
                return null;
            }
        }
        else if (!LabelsFit(text))
        {
            // What IdnMapping would refuse in ASCII input, checked without it: list imports call this on every row.
            return null;
        }

        return text.Contains('.', StringComparison.Ordinal) && !text.AsSpan().ContainsAnyExcept(HostCharacters) ? text : null;
    }

    private static readonly SearchValues<char> PathStart = SearchValues.Create("/?#:");
    private static readonly SearchValues<char> HostCharacters = SearchValues.Create("abcdefghijklmnopqrstuvwxyz0123456789-.");

    /// <summary>No empty label, none over 63 characters (RFC 1035).</summary>
    private static bool LabelsFit(string text)
    {
        foreach (var range in text.AsSpan().Split('.'))
        {
            var length = range.End.Value - range.Start.Value;
            if (length is 0 or > 63)
            {
                return false;
            }
        }

        return true;
    }
}

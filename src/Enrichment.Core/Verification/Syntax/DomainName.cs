using System.Globalization;

namespace Enrichment.Verification.Syntax;

/// <summary>Checks of an ASCII domain name as a mail domain; shared by the parser and the list loader.</summary>
internal static class DomainName
{
    /// <summary>RFC 1035 section 2.3.4: 255 octets on the wire, which is 253 characters in dotted text.</summary>
    public const int MaxLength = 253;

    /// <summary>RFC 1035 section 2.3.4: a label is at most 63 octets.</summary>
    public const int MaxLabelLength = 63;

    /// <summary>Placeholder in <see cref="Problem.Detail"/> where " at position N" goes when the caller knows N.</summary>
    public const string At = "{at}";

    /// <summary>A problem with a domain: a code from <see cref="SyntaxErrors"/>, text, and the index it refers to (or -1).</summary>
    public readonly record struct Problem(string Code, string Detail, int Index)
    {
        /// <summary>The detail with the position filled in: <paramref name="position"/> is 1-based, or null when unknown.</summary>
        public string Format(int? position) =>
            Detail.Replace(At, position is { } p ? Invariant($" at position {p}") : "", StringComparison.Ordinal);
    }

    /// <summary>
    /// Validates a lowercase ASCII domain: LDH labels of 1–63 characters (RFC 1035 section 2.3.1 preferred name syntax,
    /// as RFC 5321 section 4.1.2 requires), at least one dot, a top-level label that is not all digits, at most 253 characters.
    /// </summary>
    public static Problem? Validate(string domain)
    {
        if (domain.Length == 0)
        {
            return new Problem(SyntaxErrors.EmptyDomain, "the domain is empty", -1);
        }

        int labelStart = 0;
        for (int i = 0; i <= domain.Length; i++)
        {
            if (i < domain.Length && domain[i] != '.')
            {
                char c = domain[i];
                if (!IsLdh(c))
                {
                    return new Problem(
                        SyntaxErrors.InvalidDomain,
                        $"character {Describe(c)}{At} is not allowed in a domain name (letters, digits, '-' and '.' only)",
                        i);
                }

                continue;
            }

            int length = i - labelStart;
            if (length == 0)
            {
                string where = i == 0 ? "starts with a dot"
                    : i == domain.Length ? "ends with a dot"
                    : "has two dots in a row";
                // Point at the offending dot: the first of a pair, the leading or the trailing one.
                return new Problem(SyntaxErrors.InvalidDomain, $"the domain {where}{At}", Math.Max(i - 1, 0));
            }

            string label = domain[labelStart..i];
            if (length > MaxLabelLength)
            {
                return new Problem(
                    SyntaxErrors.InvalidDomain,
                    Invariant($"the domain label '{Shorten(label)}' is {length} characters long; RFC 1035 allows at most {MaxLabelLength}"),
                    labelStart);
            }

            if (label[0] == '-' || label[^1] == '-')
            {
                int at = label[0] == '-' ? labelStart : i - 1;
                return new Problem(
                    SyntaxErrors.InvalidDomain,
                    $"the domain label '{label}' starts or ends with a hyphen{At}",
                    at);
            }

            labelStart = i + 1;
        }

        int lastDot = domain.LastIndexOf('.');
        if (lastDot < 0)
        {
            return new Problem(
                SyntaxErrors.InvalidDomain,
                $"the domain '{domain}' has no dot; a bare top-level or local name cannot receive Internet mail",
                -1);
        }

        string tld = domain[(lastDot + 1)..];
        if (tld.All(char.IsAsciiDigit))
        {
            string why = IsDottedQuad(domain)
                ? "looks like an IP address; addresses at IP literals are not verified"
                : $"has an all-numeric top-level label '{tld}', which no top-level domain is";
            return new Problem(SyntaxErrors.InvalidDomain, $"the domain '{domain}' {why}", -1);
        }

        if (domain.Length > MaxLength)
        {
            return new Problem(
                SyntaxErrors.DomainTooLong,
                Invariant($"the domain is {domain.Length} characters long; RFC 1035 allows at most {MaxLength}"),
                -1);
        }

        return null;
    }

    public static bool IsLdh(char c) => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '-';

    /// <summary>A character for an error message: printable ones quoted, others as U+XXXX.</summary>
    public static string Describe(char c) => c switch
    {
        ' ' => "' ' (space)",
        '\'' => "\"'\"",
        _ when char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) => Invariant($"U+{(int)c:X4}"),
        _ => $"'{c}'",
    };

    public static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);

    private static string Shorten(string label) => label.Length <= 20 ? label : label[..17] + "...";

    private static bool IsDottedQuad(string domain)
    {
        string[] parts = domain.Split('.');
        return parts.Length == 4 && parts.All(p => p.Length is > 0 and <= 3 && p.All(char.IsAsciiDigit));
    }
}

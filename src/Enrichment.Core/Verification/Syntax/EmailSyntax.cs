using System.Globalization;
using System.Text;
using Enrichment.Verification.Flags;

namespace Enrichment.Verification.Syntax;

/// <summary>
/// Parses and normalises what a person typed as an email address into an SMTP-usable mailbox (RFC 5321 section 4.1.2
/// Mailbox, with RFC 6531 UTF-8 local parts and IDNA domains). Pure: no I/O apart from reading the typo list once.
/// </summary>
public static class EmailSyntax
{
    /// <summary>RFC 5321 section 4.5.3.1.1: a local part is at most 64 octets.</summary>
    public const int MaxLocalPartOctets = 64;

    /// <summary>
    /// RFC 5321 section 4.5.3.1.3 limits a path to 256 octets including the angle brackets, so the address itself
    /// is at most 254 (RFC 3696 erratum 1690).
    /// </summary>
    public const int MaxAddressOctets = 254;

    private const string MailtoScheme = "mailto:";

    // RFC 5322 section 3.2.3 atext, besides letters and digits.
    private const string AtextSymbols = "!#$%&'*+-/=?^_`{|}~";

    private static readonly IdnMapping Idn = new() { AllowUnassigned = false, UseStd3AsciiRules = false };

    /// <summary>Parses <paramref name="input"/>; never throws.</summary>
    public static SyntaxResult Parse(string? input)
    {
        string original = input ?? "";
        if (string.IsNullOrWhiteSpace(original))
        {
            return Fail(original, SyntaxErrors.Empty, "the address is empty");
        }

        // Track where the address text starts inside the original input so details can name positions in what was typed.
        int offset = original.Length - original.AsSpan().TrimStart().Length;
        string text = original.Trim();

        if (text.StartsWith(MailtoScheme, StringComparison.OrdinalIgnoreCase))
        {
            // RFC 6068: mailto:addr?subject=...; hfields are not part of the address.
            text = text[MailtoScheme.Length..];
            offset += MailtoScheme.Length;
            int query = text.IndexOf('?', StringComparison.Ordinal);
            if (query >= 0)
            {
                text = text[..query];
            }

            if (text.Contains('%', StringComparison.Ordinal))
            {
                // Percent-encoding shifts characters, so positions after decoding are approximate.
                text = Uri.UnescapeDataString(text);
            }

            int lead = text.Length - text.AsSpan().TrimStart().Length;
            offset += lead;
            text = text.Trim();
        }

        if (FindAngleOpen(text) is int open)
        {
            if (!text.EndsWith('>'))
            {
                return Fail(original, SyntaxErrors.InvalidAngleAddress,
                    Invariant($"'<' at position {offset + open + 1} is not closed by a '>' at the end of the input"));
            }

            // A display name is discarded, but one carrying CR/LF or other controls is not something a person typed.
            int control = text.AsSpan(0, open).IndexOfAnyInRange('\0', '\u001f');
            if (control >= 0)
            {
                return Fail(original, SyntaxErrors.InvalidAngleAddress,
                    Invariant($"control character {DomainName.Describe(text[control])} at position {offset + control + 1} in the display name"));
            }

            string inner = text[(open + 1)..^1];
            int lead = inner.Length - inner.AsSpan().TrimStart().Length;
            offset += open + 1 + lead;
            text = inner.Trim();
            if (text.Contains('<', StringComparison.Ordinal) || text.Contains('>', StringComparison.Ordinal))
            {
                return Fail(original, SyntaxErrors.InvalidAngleAddress, "the address in angle brackets contains another '<' or '>'");
            }
        }
        else if (text.EndsWith('>'))
        {
            return Fail(original, SyntaxErrors.InvalidAngleAddress,
                Invariant($"'>' at position {offset + text.Length} has no matching '<'"));
        }

        if (text.Length == 0)
        {
            return Fail(original, SyntaxErrors.Empty, "the angle brackets contain no address");
        }

        return ParseAddress(original, text, offset);
    }

    private static SyntaxResult ParseAddress(string original, string text, int offset)
    {
        // Split local part and domain at the '@' that is not inside a quoted local part.
        int at;
        bool quoted = text[0] == '"';
        if (quoted)
        {
            int close = FindClosingQuote(text);
            if (close < 0)
            {
                return Fail(original, SyntaxErrors.InvalidLocalPart, "the quoted local part has no closing '\"'");
            }

            if (close + 1 >= text.Length || text[close + 1] != '@')
            {
                if (text.IndexOf('@', close + 1) < 0)
                {
                    return Fail(original, SyntaxErrors.MissingAt, "the address has no '@' after the quoted local part");
                }

                return Fail(original, SyntaxErrors.InvalidLocalPart,
                    Invariant($"character {DomainName.Describe(text[close + 1])} at position {offset + close + 2} follows the closing quote; expected '@'"));
            }

            at = close + 1;
            int another = text.IndexOf('@', at + 1);
            if (another >= 0)
            {
                return Fail(original, SyntaxErrors.MultipleAt,
                    Invariant($"a second '@' at position {offset + another + 1}; an address has exactly one '@' outside quotes"));
            }
        }
        else
        {
            at = text.IndexOf('@', StringComparison.Ordinal);
            if (at < 0)
            {
                return Fail(original, SyntaxErrors.MissingAt, "the address has no '@'", SuggestForMissingAt(text));
            }

            int another = text.IndexOf('@', at + 1);
            if (another >= 0)
            {
                return Fail(original, SyntaxErrors.MultipleAt,
                    Invariant($"a second '@' at position {offset + another + 1}; an address has exactly one '@' outside quotes"));
            }
        }

        string local = text[..at];
        string domainText = text[(at + 1)..];
        int domainOffset = offset + at + 1;

        if (local.Length == 0 || local == "\"\"")
        {
            return Fail(original, SyntaxErrors.EmptyLocalPart, "the part before '@' is empty");
        }

        string? localError = quoted ? CheckQuotedLocalPart(local, offset) : CheckDotAtom(local, offset);
        if (localError is not null)
        {
            return Fail(original, SyntaxErrors.InvalidLocalPart, localError);
        }

        string normalizedLocal = quoted ? local : NormalizeDotAtom(local);
        int localOctets = Encoding.UTF8.GetByteCount(normalizedLocal);
        if (localOctets > MaxLocalPartOctets)
        {
            return Fail(original, SyntaxErrors.LocalPartTooLong,
                Invariant($"the local part is {localOctets} octets long; RFC 5321 allows at most {MaxLocalPartOctets}"));
        }

        var domain = ParseDomain(domainText, domainOffset);
        if (domain.Error is { } problem)
        {
            return Fail(original, problem.Code, problem.Detail, SuggestForBadDomain(normalizedLocal, domainText, problem.Code));
        }

        int addressOctets = localOctets + 1 + domain.Ascii!.Length;
        if (addressOctets > MaxAddressOctets)
        {
            return Fail(original, SyntaxErrors.AddressTooLong,
                Invariant($"the address is {addressOctets} octets long; RFC 5321 allows at most {MaxAddressOctets}"));
        }

        var address = new EmailAddress(normalizedLocal, domain.Ascii, domain.Unicode!, quoted);
        string? suggestion = DomainTypos.Suggest(address.Domain) is { } better ? $"{address.LocalPart}@{better}" : null;
        return new SyntaxResult(original, address, null, null, suggestion);
    }

    private readonly record struct ParsedDomain(string? Ascii, string? Unicode, (string Code, string Detail)? Error);

    private static ParsedDomain ParseDomain(string text, int offset)
    {
        if (text.Length == 0)
        {
            return Bad(SyntaxErrors.EmptyDomain, "the part after '@' is empty");
        }

        if (text[0] == '[')
        {
            return Bad(SyntaxErrors.DomainLiteral,
                $"'{text}' is a domain literal (an IP address in brackets, RFC 5321 section 4.1.3); only domain names are verified");
        }

        string lower = (Ascii.IsValid(text) ? text : MapWidthVariants(text)).ToLowerInvariant();
        bool ascii = Ascii.IsValid(lower);
        string asciiDomain = lower;
        if (!ascii)
        {
            // Fail on characters that are never part of a name before IDNA sees them, for a precise position.
            for (int i = 0; i < lower.Length; i++)
            {
                char c = lower[i];
                if (char.IsWhiteSpace(c) || char.IsControl(c) || (c < 0x80 && !DomainName.IsLdh(c) && c != '.'))
                {
                    return Bad(SyntaxErrors.InvalidDomain,
                        Invariant($"character {DomainName.Describe(c)} at position {offset + i + 1} is not allowed in a domain name"));
                }
            }

            try
            {
                asciiDomain = Idn.GetAscii(lower);
            }
            catch (ArgumentException ex)
            {
                return Bad(SyntaxErrors.InvalidIdn, $"'{text}' is not a valid internationalised domain name: {ex.Message}");
            }
        }

        if (DomainName.Validate(asciiDomain) is { } problem)
        {
            int? position = ascii && problem.Index >= 0 ? offset + problem.Index + 1 : null;
            return Bad(problem.Code, problem.Format(position));
        }

        string unicode = asciiDomain;
        if (asciiDomain.Contains("xn--", StringComparison.Ordinal))
        {
            try
            {
                // Also rejects ASCII input with broken punycode labels such as "xn--zz.com".
                unicode = Idn.GetUnicode(asciiDomain);
            }
            catch (ArgumentException ex)
            {
                return Bad(SyntaxErrors.InvalidIdn, $"'{asciiDomain}' has a label that is not valid punycode: {ex.Message}");
            }
        }

        return new ParsedDomain(asciiDomain, unicode, null);

        static ParsedDomain Bad(string code, string detail) => new(null, null, (code, detail));
    }

    /// <summary>RFC 5322 section 3.4.1 dot-atom, with RFC 6531 UTF-8 allowed; null when valid, else the reason.</summary>
    internal static string? CheckDotAtom(string local, int offset)
    {
        for (int i = 0; i < local.Length; i++)
        {
            char c = local[i];
            if (c == '.')
            {
                if (i == 0)
                {
                    return Invariant($"the local part starts with a dot (position {offset + 1})");
                }

                if (i == local.Length - 1)
                {
                    return Invariant($"the local part ends with a dot (position {offset + i + 1})");
                }

                if (local[i + 1] == '.')
                {
                    return Invariant($"the local part has two dots in a row at position {offset + i + 1}");
                }

                continue;
            }

            if (char.IsHighSurrogate(c) && i + 1 < local.Length && char.IsLowSurrogate(local[i + 1]))
            {
                i++;
                continue;
            }

            if (!IsAtext(c))
            {
                string hint = c is '"' or ' ' or ',' or '(' or ')' or '\\' or ':' or ';' or '<' or '>' or '[' or ']'
                    ? " (it is allowed only inside a quoted local part)"
                    : "";
                return Invariant($"character {DomainName.Describe(c)} at position {offset + i + 1} is not allowed in the local part{hint}");
            }
        }

        return null;
    }

    /// <summary>RFC 5321 section 4.1.2 Quoted-string (qtextSMTP / quoted-pairSMTP), with RFC 6531 UTF-8 allowed.</summary>
    private static string? CheckQuotedLocalPart(string local, int offset)
    {
        for (int i = 1; i < local.Length - 1; i++)
        {
            char c = local[i];
            if (c == '\\')
            {
                char next = local[i + 1];
                if (next is < ' ' or > '~' || i + 1 == local.Length - 1)
                {
                    return Invariant($"the backslash at position {offset + i + 1} must escape a printable ASCII character");
                }

                i++;
                continue;
            }

            if (char.IsHighSurrogate(c) && char.IsLowSurrogate(local[i + 1]))
            {
                i++;
                continue;
            }

            bool allowed = c is >= ' ' and <= '~' ? c != '"' : !char.IsControl(c) && !char.IsSurrogate(c) && !char.IsWhiteSpace(c);
            if (!allowed)
            {
                return Invariant($"character {DomainName.Describe(c)} at position {offset + i + 1} is not allowed in a quoted local part");
            }
        }

        return null;
    }

    private static bool IsAtext(char c) =>
        char.IsAsciiLetterOrDigit(c)
        || AtextSymbols.Contains(c, StringComparison.Ordinal)
        || (c >= 0x80 && !char.IsControl(c) && !char.IsWhiteSpace(c) && !char.IsSurrogate(c));

    // The project runs with InvariantGlobalization, where IdnMapping does no UTS #46 mapping and string.Normalize is not
    // available, so the one mapping people hit in practice, East Asian input methods typing fullwidth forms, is done here.
    private static string MapWidthVariants(string text) => string.Create(text.Length, text, static (span, source) =>
    {
        for (int i = 0; i < source.Length; i++)
        {
            char c = source[i];
            span[i] = c switch
            {
                // UTS #46 maps the ideographic, fullwidth and halfwidth full stops to '.'.
                '\u3002' or '\uFF0E' or '\uFF61' => '.',
                // FULLWIDTH EXCLAMATION MARK .. FULLWIDTH TILDE are compatibility forms of ASCII '!' .. '~'.
                >= '\uFF01' and <= '\uFF5E' => (char)(c - 0xFEE0),
                _ => c,
            };
        }
    });

    private static string NormalizeDotAtom(string local) => local.ToLowerInvariant();

    /// <summary>The index of the '&lt;' that opens an angle-addr, ignoring any inside a quoted display name.</summary>
    private static int? FindAngleOpen(string text)
    {
        bool inQuote = false;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (inQuote)
            {
                if (c == '\\')
                {
                    i++;
                }
                else if (c == '"')
                {
                    inQuote = false;
                }
            }
            else if (c == '"')
            {
                inQuote = true;
            }
            else if (c == '<')
            {
                return i;
            }
        }

        return null;
    }

    private static int FindClosingQuote(string text)
    {
        for (int i = 1; i < text.Length; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '"')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>"janegmail.com" → "jane@gmail.com" when the text ends in a well-known domain.</summary>
    private static string? SuggestForMissingAt(string text)
    {
        string lower = text.ToLowerInvariant();
        string? best = null;
        foreach (string domain in DomainTypos.KnownDomains)
        {
            if (lower.Length > domain.Length && lower.EndsWith(domain, StringComparison.Ordinal)
                && (best is null || domain.Length > best.Length))
            {
                best = domain;
            }
        }

        return best is null ? null : ValidOrNull($"{text[..^best.Length]}@{best}");
    }

    /// <summary>
    /// "jane@gmail,com" → "jane@gmail.com"; "jane@gmail" → "jane@gmail.com"; "jane@example.com." or "jane@example.com;"
    /// (pasted from a sentence or a list) → "jane@example.com".
    /// </summary>
    private static string? SuggestForBadDomain(string local, string domainText, string code)
    {
        if (code != SyntaxErrors.InvalidDomain)
        {
            return null;
        }

        string lower = domainText.ToLowerInvariant();
        string repaired = lower.TrimEnd('.', ',', ';', ':').Replace(',', '.');
        if (repaired != lower && repaired.Length > 0)
        {
            return ValidOrNull($"{local}@{repaired}");
        }

        if (!lower.Contains('.', StringComparison.Ordinal) && DomainTypos.KnownDomains.Contains(lower + ".com"))
        {
            return $"{local}@{lower}.com";
        }

        return null;
    }

    /// <summary>The repaired address if it parses (with its own typo fix applied), else null.</summary>
    private static string? ValidOrNull(string candidate)
    {
        var result = Parse(candidate);
        return result.Address is null ? null : result.Suggestion ?? result.Address.Normalized;
    }

    private static SyntaxResult Fail(string input, string code, string detail, string? suggestion = null) =>
        new(input, null, code, detail, suggestion);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}

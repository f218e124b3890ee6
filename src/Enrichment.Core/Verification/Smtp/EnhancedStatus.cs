using System.Globalization;

namespace Enrichment.Verification.Smtp;

/// <summary>
/// An enhanced mail system status code, <c>class.subject.detail</c> (RFC 3463 §2), carried at the start of reply text
/// when the server advertises ENHANCEDSTATUSCODES (RFC 2034 §3). Example: <c>5.1.1</c> "bad destination mailbox address".
/// </summary>
public readonly record struct EnhancedStatus(int Class, int Subject, int Detail)
{
    /// <summary>
    /// Parses an enhanced status code at the very start of <paramref name="text"/>.
    /// RFC 3463 §2: class is 2, 4 or 5; subject and detail are 1 to 3 digits. The code must be followed by a space or the
    /// end of the text, so "10.0.0.1 hello" or "5.1.1.1" are not status codes.
    /// </summary>
    /// <param name="consumed">Characters taken: the code plus one following space, if any.</param>
    public static bool TryParse(ReadOnlySpan<char> text, out EnhancedStatus status, out int consumed)
    {
        status = default;
        consumed = 0;
        if (text.Length < 5 || text[0] is not ('2' or '4' or '5') || text[1] != '.')
        {
            return false;
        }

        var position = 2;
        if (!TryReadNumber(text, ref position, out var subject) || position >= text.Length || text[position] != '.')
        {
            return false;
        }

        position++;
        if (!TryReadNumber(text, ref position, out var detail))
        {
            return false;
        }

        if (position < text.Length)
        {
            if (text[position] != ' ')
            {
                return false;
            }

            position++;
        }

        status = new EnhancedStatus(text[0] - '0', subject, detail);
        consumed = position;
        return true;
    }

    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Class}.{Subject}.{Detail}");

    private static bool TryReadNumber(ReadOnlySpan<char> text, ref int position, out int value)
    {
        value = 0;
        var start = position;
        while (position < text.Length && char.IsAsciiDigit(text[position]))
        {
            if (position - start == 3)
            {
                return false;
            }

            value = (value * 10) + (text[position] - '0');
            position++;
        }

        return position > start;
    }
}

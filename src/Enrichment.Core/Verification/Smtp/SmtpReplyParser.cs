using System.Globalization;

namespace Enrichment.Verification.Smtp;

/// <summary>
/// Builds an <see cref="SmtpReply"/> from reply lines as they arrive (RFC 5321 §4.2):
/// <c>Reply-code "-" text</c> for every line but the last, <c>Reply-code [SP text]</c> for the last,
/// and every line carries the same code.
/// </summary>
internal sealed class SmtpReplyParser
{
    private readonly int maxLines;
    private readonly List<string> texts = [];
    private int code;
    private EnhancedStatus? enhanced;

    public SmtpReplyParser(int maxLines)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLines, 1);
        this.maxLines = maxLines;
    }

    public bool IsComplete { get; private set; }

    /// <summary>Parses a whole reply; the last line must be the only final line.</summary>
    public static SmtpReply Parse(IEnumerable<string> lines, int maxLines = 100)
    {
        ArgumentNullException.ThrowIfNull(lines);
        var parser = new SmtpReplyParser(maxLines);
        foreach (var line in lines)
        {
            if (parser.IsComplete)
            {
                throw new SmtpProtocolException("Reply continues after its final line.");
            }

            parser.Add(line);
        }

        return parser.IsComplete ? parser.ToReply() : throw new SmtpProtocolException("Reply has no final line.");
    }

    /// <summary>Splits one reply line into code, continuation flag and text; false when it is not a reply line.</summary>
    public static bool TryParseLine(string line, out int code, out bool isLast, out string text)
    {
        ArgumentNullException.ThrowIfNull(line);
        code = 0;
        isLast = false;
        text = string.Empty;

        // RFC 5321 §4.2: first digit 2..5 (1yz is unused in SMTP), second 0..5, third any digit.
        if (line.Length < 3
            || line[0] is < '2' or > '5'
            || line[1] is < '0' or > '5'
            || !char.IsAsciiDigit(line[2]))
        {
            return false;
        }

        if (line.Length > 3 && line[3] is not (' ' or '-'))
        {
            return false;
        }

        code = int.Parse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture);
        isLast = line.Length == 3 || line[3] == ' ';
        text = line.Length > 4 ? line[4..] : string.Empty;
        return true;
    }

    /// <summary>Adds the next line; returns true when it was the final line of the reply.</summary>
    public bool Add(string line)
    {
        if (IsComplete)
        {
            throw new InvalidOperationException("The reply is already complete.");
        }

        if (texts.Count >= maxLines)
        {
            throw new SmtpProtocolException($"Reply has more than {maxLines} lines.");
        }

        if (!TryParseLine(line, out var lineCode, out var isLast, out var text))
        {
            throw new SmtpProtocolException($"Not an SMTP reply line: \"{Truncate(line)}\".");
        }

        if (texts.Count == 0)
        {
            code = lineCode;
            if (EnhancedStatus.TryParse(text, out var status, out var consumed))
            {
                enhanced = status;
                text = text[consumed..];
            }
        }
        else if (lineCode != code)
        {
            throw new SmtpProtocolException($"Multi-line reply changes its code from {code} to {lineCode}.");
        }
        else if (enhanced is { } first
            && EnhancedStatus.TryParse(text, out var repeated, out var repeatedLength)
            && repeated == first)
        {
            // Servers such as Gmail repeat the enhanced code on every line; keep it once.
            text = text[repeatedLength..];
        }

        texts.Add(text);
        IsComplete = isLast;
        return isLast;
    }

    public SmtpReply ToReply() =>
        IsComplete
            ? new SmtpReply(code, enhanced, string.Join('\n', texts))
            : throw new InvalidOperationException("The reply is not complete.");

    private static string Truncate(string line) => line.Length <= 64 ? line : line[..64] + "...";
}

namespace Enrichment.Verification.Smtp;

/// <summary>
/// One server reply (RFC 5321 §4.2): a three-digit code, the enhanced status code of the first line when present
/// (RFC 3463), and the text of all lines joined with "\n" (enhanced codes removed).
/// </summary>
public sealed record SmtpReply(int Code, EnhancedStatus? Enhanced, string Text)
{
    /// <summary>2yz: positive completion (RFC 5321 §4.2.1).</summary>
    public bool IsPositive => Code is >= 200 and < 300;

    /// <summary>4yz: transient negative completion; the same command may succeed later.</summary>
    public bool IsTransient => Code is >= 400 and < 500;

    /// <summary>5yz: permanent negative completion.</summary>
    public bool IsPermanent => Code is >= 500 and < 600;

    /// <summary>
    /// A reply from its code and its text as MailKit gives it (lines joined with "\n", no code prefix): the enhanced
    /// status of the first line is taken out (and its repeats on later lines, as Gmail sends them), and the text is
    /// capped at <paramref name="maxText"/> characters so a hostile server cannot make us keep megabytes.
    /// </summary>
    public static SmtpReply From(int code, string text, int maxText = 2048)
    {
        ArgumentNullException.ThrowIfNull(text);
        var lines = text.Split('\n');
        EnhancedStatus? enhanced = null;
        for (var i = 0; i < lines.Length; i++)
        {
            if (EnhancedStatus.TryParse(lines[i], out var status, out var consumed) && (i == 0 || status == enhanced))
            {
                enhanced = status;
                lines[i] = lines[i][consumed..];
            }
            else if (i == 0)
            {
                break;
            }
        }

        var joined = string.Join('\n', lines);
        return new SmtpReply(code, enhanced, joined.Length <= maxText ? joined : joined[..maxText] + "…");
    }

    public override string ToString()
    {
        var code = Code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (Enhanced, Text.Length) switch
        {
            (null, 0) => code,
            (null, _) => $"{code} {Text}",
            ({ } status, 0) => $"{code} {status}",
            ({ } status, _) => $"{code} {status} {Text}",
        };
    }
}

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

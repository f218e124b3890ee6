namespace Enrichment.Verification.Smtp;

/// <summary>
/// The replies to one transaction's opening group (RFC 2920 §3.1: RSET, MAIL FROM and RCPTs may go in one write):
/// <see cref="Reset"/> when a RSET led the group, <see cref="Mail"/> (null when the session ended before MAIL FROM
/// was answered) and one reply per recipient in order — none when RSET or MAIL FROM was refused (the server then
/// answers the RCPTs "503 need MAIL", which says nothing about them), fewer when the session ended part way.
/// </summary>
public sealed record TransactionReplies(SmtpReply? Reset, SmtpReply? Mail, IReadOnlyList<SmtpReply> Recipients)
{
    /// <summary>RSET (if sent) and MAIL FROM were both accepted: the recipient replies are answers about recipients.</summary>
    public bool Started => Reset is null or { IsPositive: true } && Mail is { IsPositive: true };
}

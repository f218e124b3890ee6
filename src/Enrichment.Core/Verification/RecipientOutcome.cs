using Enrichment.Verification.Smtp;

namespace Enrichment.Verification;

/// <summary>What an SMTP reply to RCPT TO says about the recipient.</summary>
public enum RecipientOutcome
{
    /// <summary>250/251: the server accepts the recipient (which means little on a catch-all domain).</summary>
    Accepted,
    /// <summary>550/551/553 with x.1.x, or an unambiguous "user unknown" text: the mailbox does not exist.</summary>
    MailboxNotFound,
    /// <summary>x.2.2 (452/552): the mailbox exists but is over quota.</summary>
    FullInbox,
    /// <summary>x.2.1: the mailbox exists but is disabled.</summary>
    Disabled,
    /// <summary>x.7.x or a permanent rejection of *us*: says nothing about the address.</summary>
    PolicyBlock,
    /// <summary>452 x.5.3 / "too many recipients": the transaction is full, not the address.</summary>
    TooManyRecipients,
    /// <summary>Any other 4xx (greylisting, 421 closing, temporary failures): ask again later.</summary>
    TryLater,
    /// <summary>A 5xx we cannot attribute to the mailbox or to a policy.</summary>
    Rejected,
}

/// <summary>Pure mapping from an RCPT reply to a <see cref="RecipientOutcome"/> (RFC 5321 §4.2, RFC 3463).</summary>
public static class RecipientClassifier
{
    // Texts of servers that answer 550 without an enhanced code (older Exchange, qmail, some appliances).
    private static readonly string[] NotFoundTexts =
    [
        "user unknown", "unknown user", "no such user", "no such mailbox", "mailbox unavailable", "does not exist",
        "doesn't exist", "mailbox not found", "user not found", "recipient not found", "invalid recipient",
        "unknown recipient", "no mailbox", "not a valid mailbox", "unrouteable address",
    ];

    private static readonly string[] TooManyTexts = ["too many recipients", "too many rcpt"];

    public static RecipientOutcome Classify(SmtpReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.IsPositive)
        {
            return RecipientOutcome.Accepted;
        }

        var enhanced = reply.Enhanced;
        var text = reply.Text;
        if (enhanced is { Subject: 5, Detail: 3 } || ContainsAny(text, TooManyTexts))
        {
            return RecipientOutcome.TooManyRecipients;
        }

        // x.2.2 is "mailbox full" whether the server says 452 or 552 (RFC 3463 §3.3).
        if (enhanced is { Subject: 2, Detail: 2 })
        {
            return RecipientOutcome.FullInbox;
        }

        if (reply.IsTransient)
        {
            return RecipientOutcome.TryLater;
        }

        if (!reply.IsPermanent)
        {
            return RecipientOutcome.Rejected;
        }

        if (enhanced is { } e)
        {
            switch (e.Subject, e.Detail)
            {
                case (7, _):
                    return RecipientOutcome.PolicyBlock;
                case (2, 1):
                    return RecipientOutcome.Disabled;
                // x.1.7 / x.1.8: *our* sender address is bad (Postfix: "Sender address rejected: Domain not found").
                case (1, 7 or 8):
                    return RecipientOutcome.PolicyBlock;
                // x.1.1 bad mailbox, x.1.2 bad destination system, x.1.3 bad syntax, x.1.6 moved, x.1.10 null MX.
                case (1, 1 or 2 or 3 or 6 or 10) when reply.Code is 550 or 551 or 553:
                    return RecipientOutcome.MailboxNotFound;
                // Microsoft 365 directory-based edge blocking answers an unknown recipient with 5.4.1 "Recipient
                // address rejected: Access denied" — about the mailbox, not about us.
                case (4, 1) when reply.Text.Contains("recipient address rejected", StringComparison.OrdinalIgnoreCase):
                    return RecipientOutcome.MailboxNotFound;
            }
        }

        if (reply.Code is 550 or 551 or 553 && ContainsAny(text, NotFoundTexts) && !LooksLikePolicy(text))
        {
            return RecipientOutcome.MailboxNotFound;
        }

        return LooksLikePolicy(text) ? RecipientOutcome.PolicyBlock : RecipientOutcome.Rejected;
    }

    // Blocklist and reputation rejections often come without x.7.x; they are about us, not the mailbox.
    private static bool LooksLikePolicy(string text) =>
        ContainsAny(text, ["spamhaus", "blocklist", "blacklist", "block list", "black list", "reputation", "policy", "denied", "not permitted", "relay", "rbl", "dnsbl", "banned"]);

    private static bool ContainsAny(string text, string[] needles)
    {
        foreach (var needle in needles)
        {
            if (text.Contains(needle, StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }
}

using Enrichment.Verification.Smtp;

namespace Enrichment.Verification;

/// <summary>
/// Pure mapping from an RCPT reply to a <see cref="RecipientOutcome"/> (RFC 5321 §4.2, RFC 3463). The enhanced code
/// decides when there is one; the text decides only for replies without one, and a reply that reads as a verdict on
/// *us* (sender, client, policy) is never taken for a missing mailbox: a false "undeliverable" loses a real contact.
/// </summary>
public static class RecipientClassifier
{
    // "User unknown" in the wordings of the servers people send to, for replies without an enhanced code.
    private static readonly string[] NotFoundTexts =
    [
        // Postfix, Sendmail, Proofpoint, Barracuda, Exim: "User unknown (in local recipient table)", "No such user here"
        "user unknown", "unknown user", "no such user", "no such mailbox", "no such recipient", "no such account",
        // Exchange / Microsoft 365: "RESOLVER.ADR.RecipNotFound", "RESOLVER.ADR.RecipientNotFound", "Recipient not found"
        "recipnotfound", "recipientnotfound", "recipient not found", "mailbox not found", "user not found", "address not found",
        // Gmail: "The email account that you tried to reach does not exist"; Yahoo: "This user doesn't have a yahoo.com account"
        "does not exist", "doesn't exist", "doesn't have a", "does not have a",
        // qmail: "sorry, no mailbox here by that name"; Exim: "Unrouteable address"; Mimecast: "Invalid Recipient"
        "no mailbox here", "unrouteable address", "invalid recipient", "unknown recipient", "recipient unknown",
        "invalid mailbox", "not a valid mailbox", "unknown or illegal alias", "address unknown", "unknown address",
        "unknown local part", "bad destination mailbox", "no mailbox",
    ];

    // A disabled or closed mailbox (Gmail "is disabled", Yahoo "This mailbox is disabled", Zimbra "account is inactive").
    private static readonly string[] DisabledTexts =
    [
        "mailbox disabled", "mailbox is disabled", "account disabled", "account is disabled", "has been disabled",
        "account is inactive", "mailbox is inactive", "account inactive", "mailbox inactive", "has been deactivated",
        "has been suspended", "account suspended", "mailbox suspended",
    ];

    // A full mailbox ("552 Mailbox full", Gmail "is over quota", RFC 5321's "exceeded storage allocation"). Not
    // "insufficient system storage" (452): that is the server's disk, ask again later.
    private static readonly string[] FullTexts =
    [
        "mailbox full", "mailbox is full", "over quota", "quota exceeded", "exceeded quota", "exceeds quota", "over its quota",
        "exceeded storage allocation", "mailbox size limit", "full mailbox",
    ];

    // Replies about *us*: blocklists, reputation, relaying, our sender failing verification (Exim's callout says
    // "Unrouteable address" about the sender), required TLS or authentication, rate limits.
    private static readonly string[] PolicyTexts =
    [
        "sender verify failed", "verification failed for", "sender address rejected", "sender rejected", "client host",
        "spamhaus", "spamcop", "barracudacentral", "blocklist", "blacklist", "block list", "black list", "listed at", "listed on",
        "reputation", "policy", "denied", "not permitted", "prohibited", "relay", "rbl", "dnsbl", "banned", "blocked",
        "not authorized", "not allowed", "authentication required", "authrequired", "starttls", "tls required",
        "must issue", "spam", "rate limit", "too many connections", "try again later", "reverse dns", "ptr record", "helo",
    ];

    private static readonly string[] TooManyTexts = ["too many recipients", "too many rcpt"];

    public static RecipientOutcome Classify(SmtpReply reply)
    {
        ArgumentNullException.ThrowIfNull(reply);
        if (reply.IsPositive)
        {
            return RecipientOutcome.Accepted;
        }

        var text = reply.Text;
        var enhanced = reply.Enhanced ?? TrailingStatus(text);
        if (enhanced is { Subject: 5, Detail: 3 } || ContainsAny(text, TooManyTexts))
        {
            return RecipientOutcome.TooManyRecipients;
        }

        // x.2.2 is "mailbox full" whether the server says 452 or 552 (RFC 3463 §3.3).
        if (enhanced is { Subject: 2, Detail: 2 } || (enhanced is null or { Subject: 2, Detail: 0 } && reply.Code is 452 or 552 && ContainsAny(text, FullTexts)))
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
                case (1, 1 or 2 or 3 or 6 or 10) when !ContainsAny(text, PolicyTexts) || ContainsAny(text, NotFoundTexts):
                    return RecipientOutcome.MailboxNotFound;
                // Microsoft 365 directory-based edge blocking answers an unknown recipient with 5.4.1 "Recipient
                // address rejected: Access denied" — about the mailbox, not about us.
                case (4, 1) when text.Contains("recipient address rejected", StringComparison.OrdinalIgnoreCase):
                    return RecipientOutcome.MailboxNotFound;
                // x.3.x (mail system), x.4.x (routing), x.5.x (protocol), x.6.x (content): not about the mailbox.
                case (3 or 4 or 5 or 6, _):
                    return LooksLikePolicy(text) ? RecipientOutcome.PolicyBlock : RecipientOutcome.Rejected;
            }
        }

        // Text alone (no enhanced code, or one that decides nothing such as x.0.0 / x.1.0 / x.2.0): policy first.
        if (LooksLikePolicy(text))
        {
            return RecipientOutcome.PolicyBlock;
        }

        if (reply.Code is 550 or 551 or 553 or 554 && ContainsAny(text, NotFoundTexts))
        {
            return RecipientOutcome.MailboxNotFound;
        }

        if (ContainsAny(text, DisabledTexts))
        {
            return RecipientOutcome.Disabled;
        }

        return ContainsAny(text, FullTexts) ? RecipientOutcome.FullInbox : RecipientOutcome.Rejected;
    }

    private static bool LooksLikePolicy(string text) => ContainsAny(text, PolicyTexts);

    /// <summary>qmail and some appliances put the enhanced code at the end: "no mailbox here by that name. (#5.1.1)".</summary>
    private static EnhancedStatus? TrailingStatus(string text)
    {
        var at = text.LastIndexOf("(#", StringComparison.Ordinal);
        if (at < 0)
        {
            return null;
        }

        var end = text.IndexOf(')', at);
        return end > at + 2 && EnhancedStatus.TryParse(text.AsSpan(at + 2, end - at - 2), out var status, out var consumed) && consumed == end - at - 2
            ? status
            : null;
    }

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

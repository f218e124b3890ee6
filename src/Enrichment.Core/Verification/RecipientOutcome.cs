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

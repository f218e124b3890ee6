using Enrichment.Verification;
using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Verification;

public class RecipientClassifierTests
{
    [Theory]
    [InlineData(250, null, "OK", RecipientOutcome.Accepted)]
    [InlineData(251, null, "User not local; will forward", RecipientOutcome.Accepted)]
    [InlineData(550, "5.1.1", "User unknown", RecipientOutcome.MailboxNotFound)]
    [InlineData(551, "5.1.6", "Moved", RecipientOutcome.MailboxNotFound)]
    [InlineData(553, "5.1.3", "Bad syntax", RecipientOutcome.MailboxNotFound)]
    [InlineData(550, null, "No such user", RecipientOutcome.MailboxNotFound)]
    [InlineData(452, "4.2.2", "Mailbox full", RecipientOutcome.FullInbox)]
    [InlineData(552, "5.2.2", "Over quota", RecipientOutcome.FullInbox)]
    [InlineData(550, "5.2.1", "Account disabled", RecipientOutcome.Disabled)]
    [InlineData(550, "5.7.1", "Blocked", RecipientOutcome.PolicyBlock)]
    [InlineData(554, "5.7.1", "User unknown but actually a policy", RecipientOutcome.PolicyBlock)]
    [InlineData(550, null, "Blocked by Spamhaus", RecipientOutcome.PolicyBlock)]
    [InlineData(550, null, "Service unavailable; user unknown; client blocked using blocklist", RecipientOutcome.PolicyBlock)]
    [InlineData(452, "4.5.3", "Too many recipients", RecipientOutcome.TooManyRecipients)]
    [InlineData(452, null, "Too many recipients", RecipientOutcome.TooManyRecipients)]
    [InlineData(552, "5.5.3", "Too many recipients", RecipientOutcome.TooManyRecipients)]
    [InlineData(451, "4.7.1", "Greylisted", RecipientOutcome.TryLater)]
    [InlineData(450, "4.2.0", "Try again", RecipientOutcome.TryLater)]
    [InlineData(421, "4.7.0", "Closing", RecipientOutcome.TryLater)]
    [InlineData(550, null, "Rejected", RecipientOutcome.Rejected)]
    [InlineData(550, "5.1.8", "<verify@host>: Sender address rejected: Domain not found", RecipientOutcome.PolicyBlock)]
    [InlineData(553, "5.1.7", "Bad sender address syntax", RecipientOutcome.PolicyBlock)]
    [InlineData(550, "5.1.10", "Recipient address has null MX", RecipientOutcome.MailboxNotFound)]
    [InlineData(550, "5.4.1", "Recipient address rejected: Access denied. AS(201806281)", RecipientOutcome.MailboxNotFound)]
    [InlineData(550, "5.4.1", "Relay access denied", RecipientOutcome.PolicyBlock)]
    // Enhanced codes by RFC 3463 subject
    [InlineData(550, "5.1.10", "RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", RecipientOutcome.MailboxNotFound)]
    [InlineData(554, "5.1.1", "Recipient address rejected", RecipientOutcome.MailboxNotFound)]
    [InlineData(550, "5.1.2", "Host unknown", RecipientOutcome.MailboxNotFound)]
    [InlineData(450, "4.1.1", "Recipient address rejected: unverified address: Host not found", RecipientOutcome.TryLater)]
    [InlineData(450, "4.2.1", "Mailbox busy, try again later", RecipientOutcome.TryLater)]
    [InlineData(452, "4.3.1", "Insufficient system storage", RecipientOutcome.TryLater)]
    [InlineData(554, "5.3.0", "Mail system error", RecipientOutcome.Rejected)]
    [InlineData(550, "5.4.4", "Unable to route", RecipientOutcome.Rejected)]
    [InlineData(503, "5.5.1", "Error: need MAIL command", RecipientOutcome.Rejected)]
    [InlineData(550, "5.6.0", "Content rejected", RecipientOutcome.Rejected)]
    [InlineData(550, "5.7.606", "Access denied, banned sending IP [192.0.2.1]", RecipientOutcome.PolicyBlock)]
    [InlineData(550, "5.7.1", "RESOLVER.RST.AuthRequired; authentication required", RecipientOutcome.PolicyBlock)]
    [InlineData(530, "5.7.0", "Must issue a STARTTLS command first", RecipientOutcome.PolicyBlock)]
    [InlineData(550, "5.1.1", "Recipient address rejected: User unknown in relay recipient table", RecipientOutcome.MailboxNotFound)]
    [InlineData(550, "5.1.1", "Client host blocked using bl.spamcop.net", RecipientOutcome.PolicyBlock)]
    [InlineData(550, "5.1.0", "Address rejected", RecipientOutcome.Rejected)]
    [InlineData(550, "5.2.0", "This mailbox is disabled", RecipientOutcome.Disabled)]
    // Servers' own wordings without an enhanced code
    [InlineData(550, null, "sorry, no mailbox here by that name. (#5.1.1)", RecipientOutcome.MailboxNotFound)]           // qmail
    [InlineData(553, null, "sorry, that domain isn't in my list of allowed rcpthosts. (#5.7.1)", RecipientOutcome.PolicyBlock)] // qmail
    [InlineData(550, null, "Unrouteable address", RecipientOutcome.MailboxNotFound)]                                        // Exim
    [InlineData(550, null, "No Such User Here", RecipientOutcome.MailboxNotFound)]                                          // Exim / cPanel
    [InlineData(550, null, "Verification failed for <verify@probe.test>\nUnrouteable address\nSender verify failed", RecipientOutcome.PolicyBlock)] // Exim callout on our sender
    [InlineData(550, null, "<ghost@acme.test>... User unknown", RecipientOutcome.MailboxNotFound)]                          // Sendmail
    [InlineData(550, null, "Requested action not taken: mailbox unavailable", RecipientOutcome.Rejected)]                   // RFC 5321's catch-all text: may be policy
    [InlineData(550, null, "RESOLVER.ADR.RecipNotFound; not found", RecipientOutcome.MailboxNotFound)]                      // Exchange
    [InlineData(554, null, "delivery error: dd This user doesn't have a yahoo.com account (ghost@yahoo.com) [0]", RecipientOutcome.MailboxNotFound)] // Yahoo
    [InlineData(554, null, "delivery error: dd Sorry your message to x@yahoo.com cannot be delivered. This mailbox is disabled (554.30)", RecipientOutcome.Disabled)] // Yahoo
    [InlineData(550, null, "The email account that you tried to reach does not exist.", RecipientOutcome.MailboxNotFound)] // Gmail without its code
    [InlineData(550, null, "Invalid Recipient - https://community.mimecast.com/docs/DOC-1369#550", RecipientOutcome.MailboxNotFound)] // Mimecast
    [InlineData(550, null, "Administrative prohibition - envelope blocked", RecipientOutcome.PolicyBlock)]                  // Mimecast
    [InlineData(550, null, "Rejected by header based Anti-Spoofing policy", RecipientOutcome.PolicyBlock)]                  // Mimecast
    [InlineData(550, null, "User Unknown", RecipientOutcome.MailboxNotFound)]                                               // Proofpoint
    [InlineData(554, null, "Blocked - see https://ipcheck.proofpoint.com/?ip=192.0.2.1", RecipientOutcome.PolicyBlock)]    // Proofpoint
    [InlineData(550, null, "Recipient address rejected: account is inactive", RecipientOutcome.Disabled)]                   // Zimbra
    [InlineData(552, null, "Mailbox full", RecipientOutcome.FullInbox)]
    [InlineData(552, null, "Requested mail action aborted: exceeded storage allocation", RecipientOutcome.FullInbox)]
    [InlineData(452, null, "The email account that you tried to reach is over quota", RecipientOutcome.FullInbox)]
    [InlineData(452, null, "Insufficient system storage", RecipientOutcome.TryLater)]
    [InlineData(550, null, "Your server doesn't have a PTR record", RecipientOutcome.PolicyBlock)]
    public void Classify_MapsReplyToOutcome(int code, string? enhanced, string text, RecipientOutcome expected)
    {
        EnhancedStatus? status = null;
        if (enhanced is not null)
        {
            Assert.True(EnhancedStatus.TryParse(enhanced, out var parsed, out _));
            status = parsed;
        }

        Assert.Equal(expected, RecipientClassifier.Classify(new SmtpReply(code, status, text)));
    }
}

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

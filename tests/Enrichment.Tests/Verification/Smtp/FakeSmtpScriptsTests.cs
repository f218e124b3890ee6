using Enrichment.Testing;

namespace Enrichment.Tests.Verification.Smtp;

public class FakeSmtpScriptsTests
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 12, 0, 0, TimeSpan.Zero);

    [Theory]
    [InlineData("alice@example.test", "250 2.1.5")]
    [InlineData("ALICE@EXAMPLE.TEST", "250 2.1.5")]
    [InlineData("bob@example.test", "550 5.1.1")]
    public void Mailboxes_AcceptsListedAddressesOnly(string recipient, string expectedStart)
    {
        var script = FakeSmtpScripts.Mailboxes("alice@example.test");

        Assert.StartsWith(expectedStart, script(new RcptContext(recipient, 1, 1, Start)), StringComparison.Ordinal);
    }

    [Fact]
    public void Greylist_DefersUntilWindowHasPassedSinceFirstAttempt_ThenDelegates()
    {
        var clock = new ManualClock(Start);
        var script = FakeSmtpScripts.Greylist(TimeSpan.FromMinutes(5), clock, FakeSmtpScripts.Mailboxes("a@example.test"));

        var first = script(new RcptContext("a@example.test", 1, 1, clock.GetUtcNow()));
        clock.Now += TimeSpan.FromMinutes(4);
        var early = script(new RcptContext("a@example.test", 2, 2, clock.GetUtcNow()));
        var otherFirst = script(new RcptContext("b@example.test", 2, 1, clock.GetUtcNow()));
        clock.Now += TimeSpan.FromMinutes(1);
        var afterWindow = script(new RcptContext("a@example.test", 3, 3, clock.GetUtcNow()));
        var otherStillEarly = script(new RcptContext("b@example.test", 3, 2, clock.GetUtcNow()));

        Assert.StartsWith("451 4.7.1", first, StringComparison.Ordinal);
        Assert.StartsWith("451 4.7.1", early, StringComparison.Ordinal);
        Assert.StartsWith("451 4.7.1", otherFirst, StringComparison.Ordinal);
        Assert.StartsWith("250 2.1.5", afterWindow, StringComparison.Ordinal);
        Assert.StartsWith("451 4.7.1", otherStillEarly, StringComparison.Ordinal);
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}

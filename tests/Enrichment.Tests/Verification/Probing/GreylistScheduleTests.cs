using Enrichment.Verification;
using Enrichment.Verification.Probing;
using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Verification.Probing;

public class GreylistScheduleTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private static readonly SmtpReply Greylisted = new(450, new EnhancedStatus(4, 2, 0), "Recipient address rejected: Greylisted");

    [Theory]
    [InlineData(0, 30)]
    [InlineData(1, 300)]
    [InlineData(2, 600)]
    public void NextAttempt_FollowsTheThoroughSchedule(int attempt, int seconds) =>
        Assert.Equal(Now.AddSeconds(seconds), GreylistSchedule.NextAttempt(VerificationPolicy.Thorough, attempt, [Greylisted], Now));

    [Fact]
    public void NextAttempt_GivesUp_WhenTheScheduleRunsOut()
    {
        Assert.Null(GreylistSchedule.NextAttempt(VerificationPolicy.Thorough, 3, [Greylisted], Now));
        Assert.Null(GreylistSchedule.NextAttempt(VerificationPolicy.Quick, 0, [Greylisted], Now));
    }

    [Fact]
    public void NextAttempt_TakesTheServersHint_OverTheSchedule()
    {
        var hinted = new SmtpReply(451, new EnhancedStatus(4, 7, 1), "Greylisted, please try again in 90 seconds");

        Assert.Equal(Now.AddSeconds(90), GreylistSchedule.NextAttempt(VerificationPolicy.Thorough, 0, [Greylisted, hinted, null], Now));
        Assert.Equal(Now.AddSeconds(90), GreylistSchedule.NextAttempt(VerificationPolicy.Thorough, 2, [hinted], Now));
    }

    [Fact]
    public void NextAttempt_CapsTheHint()
    {
        var greedy = new SmtpReply(450, null, "try again in 100000 seconds");

        Assert.Equal(Now.AddMinutes(30), GreylistSchedule.NextAttempt(VerificationPolicy.Thorough, 0, [greedy], Now));
    }

    [Theory]
    [InlineData("Greylisted, please try again in 300 seconds", 300)]
    [InlineData("Try again in 5 minutes", 300)]
    [InlineData("4.7.1 retry in 60s", 60)]
    [InlineData("Please wait 45 secs before retrying", 45)]
    [InlineData("Try again later", null)]
    [InlineData("Service unavailable 4.7.0, try again later", null)]
    [InlineData("Greylisted, see http://postgrey.schweikert.ch/help/example.com.html", null)]
    public void Hint_ReadsTheWaitAServerAsksFor(string text, int? seconds) =>
        Assert.Equal(seconds is null ? null : TimeSpan.FromSeconds(seconds.Value), GreylistSchedule.Hint(text));
}

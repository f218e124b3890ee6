using Enrichment.Cli.Verification;
using Enrichment.Verification;
using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Cli;

/// <summary>The end-of-run line about port 25: said only when no MX answered, and it names the way out.</summary>
public class SmtpReachTests
{
    [Theory]
    // (answered, unreachable, proxy, expected fragment or null)
    [InlineData(0, 3, false, "outbound port 25 is probably blocked here")]
    [InlineData(0, 3, false, "--proxy socks5://[user:pass@]host:port")]
    [InlineData(0, 3, true, "through the proxy socks5://proxy.test:1080")]
    [InlineData(0, 3, true, "allows outbound connections to port 25")]
    [InlineData(1, 3, false, null)]
    [InlineData(0, 0, false, null)]
    public void Diagnosis_NamesTheProxyOption_OnlyWhenNoMxHostAnswered(int answered, int unreachable, bool viaProxy, string? expected)
    {
        var reach = new VerifyCommand.SmtpReach();
        for (var i = 0; i < answered; i++)
        {
            reach.Add(Result(smtpCode: 250, Reasons.MailboxNotFound));
        }

        for (var i = 0; i < unreachable; i++)
        {
            reach.Add(Result(smtpCode: null, Reasons.NoConnect));
        }

        var line = reach.Diagnosis(25, viaProxy ? SmtpProxy.Parse("socks5://proxy.test:1080") : null);

        if (expected is null)
        {
            Assert.Null(line);
        }
        else
        {
            Assert.NotNull(line);
            Assert.Contains(expected, line, StringComparison.Ordinal);
            Assert.Equal(viaProxy, !line.Contains("--proxy", StringComparison.Ordinal));
        }
    }

    private static VerificationResult Result(int? smtpCode, string reason) =>
        new(1, "a@acme.test", "a@acme.test", VerificationStatus.Unknown, 50, [reason], "mx.acme.test", null, smtpCode, null, null, null, DateTimeOffset.UnixEpoch, null, null);
}

using System.Collections.Concurrent;
using System.Diagnostics.Metrics;
using System.Net;
using Enrichment.Testing;
using Enrichment.Verification;
using Enrichment.Verification.Flags;
using Enrichment.Verification.MailHosts;
using Enrichment.Verification.Probing;
using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Verification.Engine;

/// <summary>The jobs' unit of work: one call, one attempt, the 4xx recipients handed back with their time; the manual clock.</summary>
public sealed class DomainVerifierTests : IAsyncDisposable
{
    private readonly ManualTimeProvider _clock = new();
    private readonly FakeDnsServer _dns = FakeDnsServer.Start();
    private FakeSmtpServer? _smtp;

    private DomainVerifier Start(FakeSmtpOptions options, ICatchAllStore? store = null, params string[] domains)
    {
        foreach (var domain in domains)
        {
            _dns.AddMailDomain(domain, IPAddress.Loopback);
        }

        _smtp = FakeSmtpServer.Start(options, _clock);
        return new DomainVerifier(
            new DnsClientMailHostResolver(new MailHostResolverOptions { Nameservers = [_dns.EndPoint], QueryTimeout = TimeSpan.FromSeconds(1), Retries = 1 }),
            new MailKitSessionFactory(new SmtpSessionOptions { Port = _smtp.Port, HeloName = "verifier.enrichment.test", MailFrom = "probe@verifier.enrichment.test" }, _clock),
            DomainLists.LoadDefault(),
            store ?? new MemoryCatchAllStore(),
            new MemorySessionLimiter(8, 2),
            new VerificationOptions(),
            _clock);
    }

    private static DomainWork Work(string domain, params string[] addresses) =>
        new(domain, [.. addresses.Select((a, i) => new VerificationRequest(i, a))]);

    [Fact(Timeout = 20_000)]
    public async Task VerifyAsync_HandsBackGreylistedRecipients_WithTheFirstRetryTime_WithoutWaiting()
    {
        var verifier = Start(
            new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Greylist(TimeSpan.FromSeconds(20), _clock, FakeSmtpScripts.Mailboxes("alice@grey.test")) },
            domains: "grey.test");

        var first = await verifier.VerifyAsync(Work("grey.test", "alice@grey.test", "ghost@grey.test", "not an address"), VerificationPolicy.Thorough, CancellationToken.None);

        Assert.Equal(["not an address"], first.Results.Select(r => r.Input));
        Assert.NotNull(first.Retry);
        Assert.Equal(_clock.GetUtcNow().AddSeconds(30), first.Retry.NotBefore);
        Assert.Equal(1, first.Retry.Attempt);
        Assert.Equal(["alice@grey.test", "ghost@grey.test"], first.Retry.Requests.Select(r => r.Input));
        Assert.All(first.Retry.Provisional, r => Assert.Equal([Reasons.Greylisted], r.Reasons));

        _clock.Advance(TimeSpan.FromSeconds(30));
        var second = await verifier.VerifyAsync(new DomainWork("grey.test", first.Retry.Requests, first.Retry.Attempt), VerificationPolicy.Thorough, CancellationToken.None);

        Assert.Null(second.Retry);
        Assert.Equal([VerificationStatus.Deliverable, VerificationStatus.Undeliverable], second.Results.Select(r => r.Status));
        Assert.False(second.Results[0].CatchAll); // the same random recipient passed the greylist too
    }

    [Fact(Timeout = 20_000)]
    public async Task VerifyAsync_GivesTheGreylistedVerdict_WhenThePolicyIsQuick()
    {
        var verifier = Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Greylist(TimeSpan.FromMinutes(5), _clock) }, domains: "quick.test");

        var outcome = await verifier.VerifyAsync(Work("quick.test", "a@quick.test"), VerificationPolicy.Quick, CancellationToken.None);

        Assert.Null(outcome.Retry);
        Assert.Equal(VerificationStatus.Unknown, outcome.Results[0].Status);
        Assert.Equal([Reasons.Greylisted], outcome.Results[0].Reasons);
    }

    [Fact(Timeout = 20_000)]
    public async Task VerifyAsync_WaitsAsLongAsTheServerAsks_WhenTheReplySaysHowLong()
    {
        var verifier = Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Fixed("450 4.7.1 Greylisted, please try again in 75 seconds") }, domains: "hint.test");

        var outcome = await verifier.VerifyAsync(Work("hint.test", "a@hint.test"), VerificationPolicy.Thorough, CancellationToken.None);

        Assert.Equal(_clock.GetUtcNow().AddSeconds(75), outcome.Retry?.NotBefore);
    }

    [Fact(Timeout = 20_000)]
    public async Task VerifyAsync_IsRiskyNotDeliverable_WhenTheCatchAllProbeWasUndecided()
    {
        // The random recipient is refused by policy, the real one accepted: the domain could not be tested.
        var verifier = Start(
            new FakeSmtpOptions { RcptReply = c => c.Recipient.StartsWith("alice@", StringComparison.Ordinal) ? FakeSmtpScripts.Accepted : "550 5.7.1 Recipient rejected by policy" },
            domains: "opaque.test");

        var outcome = await verifier.VerifyAsync(Work("opaque.test", "alice@opaque.test"), VerificationPolicy.Thorough, CancellationToken.None);

        Assert.Equal(VerificationStatus.Risky, outcome.Results[0].Status);
        Assert.Equal([Reasons.CatchAllUntested], outcome.Results[0].Reasons);
        Assert.Null(outcome.Results[0].CatchAll);
    }

    [Fact(Timeout = 20_000)]
    public async Task VerifyAsync_UsesTheStoredCatchAllVerdict_AndKeepsTheProbeRecipientAcrossCalls()
    {
        var store = new MemoryCatchAllStore();
        var verifier = Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.CatchAll() }, store, "all.test");

        await verifier.VerifyAsync(Work("all.test", "a@all.test"), VerificationPolicy.Thorough, CancellationToken.None);
        var rcptsAfterFirst = _smtp!.RcptCount;
        var second = await verifier.VerifyAsync(Work("all.test", "b@all.test"), VerificationPolicy.Thorough, CancellationToken.None);

        Assert.Equal(2, rcptsAfterFirst); // the random recipient and a@, in one group
        Assert.Equal(2, _smtp.RcptCount); // the stored verdict: no session at all
        Assert.Equal([Reasons.CatchAll], second.Results[0].Reasons);
        Assert.True((await store.GetAsync("all.test", CancellationToken.None))?.CatchAll);
    }

    [Fact(Timeout = 20_000)]
    public async Task VerifyAsync_Refuses_AnAddressOfAnotherDomain()
    {
        var verifier = Start(new FakeSmtpOptions(), domains: "one.test");

        var exception = await Assert.ThrowsAsync<ArgumentException>(() => verifier.VerifyAsync(Work("one.test", "a@one.test", "b@two.test"), VerificationPolicy.Quick, CancellationToken.None));

        Assert.Contains("b@two.test", exception.Message, StringComparison.Ordinal);
    }

    [Fact(Timeout = 20_000)]
    public async Task VerifyAsync_StopsAtTheFirstAcceptedGuess_WhenRequestsAreAlternatives()
    {
        var verifier = Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes("j.smith@alt.test") }, domains: "alt.test");
        var work = new DomainWork("alt.test", [new(7, "john.smith@alt.test"), new(7, "j.smith@alt.test"), new(7, "john@alt.test")], Alternatives: true);

        var outcome = await verifier.VerifyAsync(work, VerificationPolicy.Quick, CancellationToken.None);

        Assert.Equal(["john.smith@alt.test", "j.smith@alt.test"], outcome.Results.Select(r => r.Input));
        Assert.Equal(VerificationStatus.Deliverable, outcome.Results[1].Status);
        Assert.DoesNotContain("RCPT TO:<john@alt.test>", _smtp!.ReceivedCommands);
    }

    [Fact(Timeout = 20_000)]
    public async Task VerifyAsync_CountsSessionsRcptsAndVerdicts_OnTheEnrichmentMeter()
    {
        var seen = new ConcurrentBag<(string Instrument, long Value, string? Status)>();
        using var listener = new MeterListener
        {
            InstrumentPublished = (instrument, l) =>
            {
                if (instrument.Meter.Name == VerificationMetrics.MeterName)
                {
                    l.EnableMeasurementEvents(instrument);
                }
            },
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            string? status = null;
            foreach (var tag in tags)
            {
                status = tag.Key == "status" ? tag.Value as string : status;
            }

            seen.Add((instrument.Name, value, status));
        });
        listener.Start();
        var verifier = Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes("alice@metered.test") }, domains: "metered.test");

        await verifier.VerifyAsync(Work("metered.test", "alice@metered.test", "ghost@metered.test"), VerificationPolicy.Quick, CancellationToken.None);

        Assert.Contains(seen, m => m.Instrument == "enrichment.smtp.sessions" && m.Value == 1);
        Assert.Contains(seen, m => m.Instrument == "enrichment.smtp.rcpts" && m.Value >= 2);
        Assert.Contains(seen, m => m.Instrument == "enrichment.verdicts" && m.Status == "deliverable");
        Assert.Contains(seen, m => m.Instrument == "enrichment.verdicts" && m.Status == "undeliverable");
    }

    public async ValueTask DisposeAsync()
    {
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }

        await _dns.DisposeAsync();
    }
}

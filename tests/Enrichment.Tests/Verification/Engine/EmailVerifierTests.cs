using System.Net;
using Enrichment.Testing;
using Enrichment.Verification;

namespace Enrichment.Tests.Verification.Engine;

public class EmailVerifierTests
{
    private static VerificationResult Single(IReadOnlyList<VerificationResult> results, string input) =>
        results.Single(r => r.Input == input);

    [Fact(Timeout = 20_000)]
    public async Task Verify_SharesOneSessionAndOneCatchAllProbe_WhenAddressesShareADomain()
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes("alice@acme.test", "bob@acme.test") }, domains: "acme.test");

        var results = await h.Verifier.VerifyAsync(["alice@acme.test", "bob@acme.test", "nobody@acme.test", "Carol <ghost@ACME.test>"]);

        Assert.Equal(VerificationStatus.Deliverable, Single(results, "alice@acme.test").Status);
        Assert.Equal(VerificationStatus.Deliverable, Single(results, "bob@acme.test").Status);
        var nobody = Single(results, "nobody@acme.test");
        Assert.Equal(VerificationStatus.Undeliverable, nobody.Status);
        Assert.Contains(Reasons.MailboxNotFound, nobody.Reasons);
        Assert.Equal(550, nobody.SmtpCode);
        Assert.Equal("5.1.1", nobody.EnhancedCode);
        Assert.Equal("ghost@acme.test", Single(results, "Carol <ghost@ACME.test>").Normalized);
        Assert.All(results, r => Assert.Equal("mx.acme.test", r.MxHost));
        Assert.All(results, r => Assert.False(r.CatchAll));
        Assert.Equal(1, h.Smtp.ConnectionCount);
        Assert.Equal(5, h.Smtp.RcptCount); // one random recipient + four
        Assert.Equal(0, h.Smtp.DataCommandCount);
        Assert.DoesNotContain(h.Smtp.ReceivedCommands, c => c.StartsWith("DATA", StringComparison.OrdinalIgnoreCase));
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_ReportsRiskyCatchAllAndProbesOnce_WhenServerAcceptsEveryone()
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.CatchAll() }, domains: "m365.test");

        var first = await h.Verifier.VerifyAsync(["a@m365.test", "b@m365.test", "c@m365.test"]);
        var second = await h.Verifier.VerifyAsync(["d@m365.test"]);

        Assert.All(first.Concat(second), r =>
        {
            Assert.Equal(VerificationStatus.Risky, r.Status);
            Assert.Contains(Reasons.CatchAll, r.Reasons);
            Assert.True(r.CatchAll);
        });
        Assert.Equal(4, h.Smtp.RcptCount);        // the random recipient leads the first group (one round trip), once
        Assert.Equal(1, h.Smtp.ConnectionCount);  // the cached verdict needs no second session
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_AcceptsAfterRetry_WhenServerGreylists()
    {
        var options = new VerificationOptions { RetrySchedule = [TimeSpan.FromSeconds(1.5)] };
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Greylist(TimeSpan.FromSeconds(1), TimeProvider.System, FakeSmtpScripts.Mailboxes("alice@grey.test")) },
            options,
            domains: "grey.test");

        var results = await h.Verifier.VerifyAsync(["alice@grey.test", "nobody@grey.test"]);

        Assert.Equal(VerificationStatus.Deliverable, Single(results, "alice@grey.test").Status);
        Assert.Equal(VerificationStatus.Undeliverable, Single(results, "nobody@grey.test").Status);
        Assert.Equal(2, h.Smtp.ConnectionCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_ReportsUnknownGreylisted_WhenRetriesRunOut()
    {
        var options = new VerificationOptions { RetrySchedule = [TimeSpan.FromMilliseconds(200)] };
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Fixed("451 4.7.1 Greylisted, try again later") },
            options,
            domains: "grey.test");

        var result = (await h.Verifier.VerifyAsync(["alice@grey.test"]))[0];

        Assert.Equal(VerificationStatus.Unknown, result.Status);
        Assert.Contains(Reasons.Greylisted, result.Reasons);
        Assert.Equal(451, result.SmtpCode);
        Assert.Equal(2, h.Smtp.ConnectionCount); // first try + one retry
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_SplitsTransactions_WhenServerCapsRecipients()
    {
        var addresses = Enumerable.Range(0, 10).Select(i => $"user{i}@cap.test").ToList();
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions { MaxRecipientsPerTransaction = 3, RcptReply = FakeSmtpScripts.Mailboxes([.. addresses.Where((_, i) => i % 2 == 0)]) },
            domains: "cap.test");

        var results = await h.Verifier.VerifyAsync(addresses);

        for (var i = 0; i < addresses.Count; i++)
        {
            Assert.Equal(i % 2 == 0 ? VerificationStatus.Deliverable : VerificationStatus.Undeliverable, results[i].Status);
        }

        Assert.Equal(1, h.Smtp.ConnectionCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_SurvivesServerThatHangsUpAfterConsecutiveRejects()
    {
        var addresses = Enumerable.Range(0, 8).Select(i => $"ghost{i}@strict.test").ToList();
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions { MaxConsecutiveRejects = 3, RcptReply = FakeSmtpScripts.Mailboxes() },
            domains: "strict.test");

        var results = await h.Verifier.VerifyAsync(addresses);

        Assert.All(results, r =>
        {
            Assert.Equal(VerificationStatus.Undeliverable, r.Status);
            Assert.Contains(Reasons.MailboxNotFound, r.Reasons);
        });
        Assert.True(h.Smtp.ConnectionCount > 1);
    }

    [Theory(Timeout = 20_000)]
    [InlineData("452 4.2.2 Mailbox full", VerificationStatus.Risky, Reasons.FullInbox)]
    [InlineData("552 5.2.2 Quota exceeded", VerificationStatus.Risky, Reasons.FullInbox)]
    [InlineData("550 5.2.1 Mailbox disabled", VerificationStatus.Undeliverable, Reasons.Disabled)]
    [InlineData("550 5.7.1 Client host blocked using zen.spamhaus.org", VerificationStatus.Unknown, Reasons.PolicyBlock)]
    [InlineData("554 5.7.1 Relay access denied", VerificationStatus.Unknown, Reasons.PolicyBlock)]
    [InlineData("553 5.1.3 Bad recipient address syntax", VerificationStatus.Undeliverable, Reasons.MailboxNotFound)]
    [InlineData("550 No such user here", VerificationStatus.Undeliverable, Reasons.MailboxNotFound)]
    [InlineData("550 Rejected", VerificationStatus.Unknown, Reasons.Rejected)]
    [InlineData("550-5.1.1 The email account that you tried to reach does not exist. Please try\r\n550-5.1.1 double-checking the recipient's email address for typos or\r\n550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser", VerificationStatus.Undeliverable, Reasons.MailboxNotFound)]
    [InlineData("550-Verification failed for <target@replies.test>\r\n550-Unrouteable address\r\n550 Sender verify failed", VerificationStatus.Unknown, Reasons.PolicyBlock)]
    [InlineData("450 4.2.1 Mailbox busy, try again later", VerificationStatus.Unknown, Reasons.Greylisted)]
    [InlineData("552 Mailbox full", VerificationStatus.Risky, Reasons.FullInbox)]
    [InlineData("550 5.7.1 Recipient address rejected: user unknown in policy", VerificationStatus.Unknown, Reasons.PolicyBlock)]
    [InlineData("550 5.7.606 Access denied, banned sending IP [192.0.2.1]", VerificationStatus.Unknown, Reasons.PolicyBlock)]
    [InlineData("503 5.5.1 Error: need MAIL command", VerificationStatus.Unknown, Reasons.Rejected)]
    public async Task Verify_ClassifiesRecipientReply(string reply, VerificationStatus status, string reason)
    {
        // The random catch-all recipient is rejected as unknown; the real one gets the reply under test.
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions { RcptReply = c => c.Recipient.StartsWith("target@", StringComparison.Ordinal) ? reply : "550 5.1.1 unknown" },
            domains: "replies.test");

        var result = (await h.Verifier.VerifyAsync(["target@replies.test"]))[0];

        Assert.Equal(status, result.Status);
        Assert.Contains(reason, result.Reasons);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_DecidesFromDns_WithoutOpeningSmtpSessions()
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions(), domains: "ok.test");
        h.Dns.SetNullMx("nullmx.test");
        h.Dns.SetServFail("broken.test");
        h.Dns.AddA("nomx-but-a.test", IPAddress.Loopback);

        var results = await h.Verifier.VerifyAsync(["a@nullmx.test", "a@missing.test", "a@broken.test"]);

        Assert.Equal([Reasons.NullMx], results[0].Reasons);
        Assert.Equal(VerificationStatus.Undeliverable, results[0].Status);
        Assert.Equal([Reasons.NoDomain], results[1].Reasons);
        Assert.Equal(VerificationStatus.Undeliverable, results[1].Status);
        Assert.Equal([Reasons.DnsFailure], results[2].Reasons);
        Assert.Equal(VerificationStatus.Unknown, results[2].Status);
        Assert.Equal(0, h.Smtp.ConnectionCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_UsesImplicitMx_WhenDomainHasOnlyAnAddress()
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes("a@implicit.test") });
        h.Dns.AddA("implicit.test", IPAddress.Loopback);

        var result = (await h.Verifier.VerifyAsync(["a@implicit.test"]))[0];

        Assert.Equal(VerificationStatus.Deliverable, result.Status);
        Assert.Equal("implicit.test", result.MxHost);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_TriesNextMxHost_WhenFirstRefusesConnections()
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes("a@backup.test") });
        h.Dns.AddMx("backup.test", 5, "dead.backup.test");
        h.Dns.AddA("dead.backup.test", IPAddress.Parse("127.0.0.2")); // nothing listens there on this port
        h.Dns.AddMx("backup.test", 20, "live.backup.test");
        h.Dns.AddA("live.backup.test", IPAddress.Loopback);

        var result = (await h.Verifier.VerifyAsync(["a@backup.test"]))[0];

        Assert.Equal(VerificationStatus.Deliverable, result.Status);
        Assert.Equal("live.backup.test", result.MxHost);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_ReportsNoConnect_WhenNoMxHostAnswers()
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions());
        h.Dns.AddMx("down.test", 10, "mx.down.test");
        h.Dns.AddA("mx.down.test", IPAddress.Parse("127.0.0.3"));

        var result = (await h.Verifier.VerifyAsync(["a@down.test"]))[0];

        Assert.Equal(VerificationStatus.Unknown, result.Status);
        Assert.Contains(Reasons.NoConnect, result.Reasons);
    }

    [Theory(Timeout = 30_000)]
    [InlineData(Misbehaviour.ResetMidReply)]
    [InlineData(Misbehaviour.EndlessReply)]
    [InlineData(Misbehaviour.HugeLine)]
    [InlineData(Misbehaviour.GarbageGreeting)]
    [InlineData(Misbehaviour.NoGreeting)]
    public async Task Verify_EndsUnknownInBoundedTime_WhenServerMisbehaves(Misbehaviour misbehaviour)
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions { Misbehaviour = misbehaviour }, domains: "weird.test");

        var results = await h.Verifier.VerifyAsync(["a@weird.test", "b@weird.test"]);

        Assert.All(results, r =>
        {
            Assert.Equal(VerificationStatus.Unknown, r.Status);
            Assert.True(r.Reasons.Intersect([Reasons.ProtocolError, Reasons.Timeout, Reasons.NoConnect]).Any(), string.Join(",", r.Reasons));
        });
        Assert.Equal(0, h.Smtp.DataCommandCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_FlagsRoleAndDisposable_AndKeepsSyntaxErrorsWithTheirCodes()
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes("info@acme.test", "temp@mailinator.com") }, domains: ["acme.test", "mailinator.com"]);

        var results = await h.Verifier.VerifyAsync(["info@acme.test", "temp@mailinator.com", "not an address"]);

        Assert.Equal(VerificationStatus.Risky, results[0].Status);
        Assert.Contains(Reasons.Role, results[0].Reasons);
        Assert.Equal(VerificationStatus.Risky, results[1].Status);
        Assert.Contains(Reasons.Disposable, results[1].Reasons);
        Assert.Equal(VerificationStatus.Undeliverable, results[2].Status);
        Assert.Equal(Reasons.Syntax, results[2].Reasons[0]);
        Assert.NotNull(results[2].Detail);
    }

    [Fact(Timeout = 20_000)]
    public async Task VerifyAlternatives_StopsAtFirstAcceptedCandidate()
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes("jsmith@corp.test") }, domains: "corp.test");

        var results = await h.Verifier.VerifyAlternativesAsync([["john.smith@corp.test", "jsmith@corp.test", "john@corp.test"]]);

        Assert.Equal(VerificationStatus.Undeliverable, results["john.smith@corp.test"].Status);
        Assert.Equal(VerificationStatus.Deliverable, results["jsmith@corp.test"].Status);
        Assert.False(results.ContainsKey("john@corp.test"));
        Assert.Equal(3, h.Smtp.RcptCount); // random + two candidates
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_KeepsSessionsPerMxHostUnderTheLimit_WhenManyDomainsShareOneProvider()
    {
        // Twelve tenant domains behind one provider's MX (the Microsoft 365 shape), slow replies so sessions overlap.
        var options = new VerificationOptions { RetrySchedule = [], MaxSessionsPerProvider = 2, MaxConcurrentSessions = 10 };
        await using var h = EngineHarness.Start(new FakeSmtpOptions { ReplyDelay = TimeSpan.FromMilliseconds(30), RcptReply = FakeSmtpScripts.Mailboxes() }, options);
        var domains = Enumerable.Range(0, 12).Select(i => $"tenant{i}.test").ToList();
        foreach (var domain in domains)
        {
            h.Dns.AddMx(domain, 10, "shared-provider-mx.test");
        }

        h.Dns.AddA("shared-provider-mx.test", IPAddress.Loopback);

        var results = await h.Verifier.VerifyAsync(domains.Select(d => "someone@" + d));

        Assert.All(results, r => Assert.Equal(VerificationStatus.Undeliverable, r.Status));
        Assert.Equal(12, h.Smtp.ConnectionCount);
        Assert.Equal(2, h.Smtp.PeakOpenConnections);
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_KeepsSessionsUnderTheOverallLimit_AcrossProviders()
    {
        var options = new VerificationOptions { RetrySchedule = [], MaxSessionsPerProvider = 4, MaxConcurrentSessions = 3 };
        var domains = Enumerable.Range(0, 12).Select(i => $"company{i}.test").ToArray();
        await using var h = EngineHarness.Start(new FakeSmtpOptions { ReplyDelay = TimeSpan.FromMilliseconds(30), RcptReply = FakeSmtpScripts.Mailboxes() }, options, domains: domains);

        var results = await h.Verifier.VerifyAsync(domains.Select(d => "someone@" + d));

        Assert.All(results, r => Assert.Equal(VerificationStatus.Undeliverable, r.Status));
        Assert.Equal(3, h.Smtp.PeakOpenConnections);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_RecordsTls_WhenServerOffersStartTls()
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions { OfferStartTls = true, RcptReply = FakeSmtpScripts.Mailboxes("alice@tls.test") }, domains: "tls.test");

        var result = (await h.Verifier.VerifyAsync(["alice@tls.test"]))[0];

        Assert.Equal(VerificationStatus.Deliverable, result.Status);
        Assert.True(result.Tls);
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_KeepsReconnecting_InARetryRound_WhileSessionsMakeProgress()
    {
        // Greylisted first, then a strict server that hangs up after two rejections: the retry round needs several sessions.
        var options = new VerificationOptions { RetrySchedule = [TimeSpan.FromMilliseconds(700)] };
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions
            {
                MaxConsecutiveRejects = 2,
                RcptReply = FakeSmtpScripts.Greylist(TimeSpan.FromMilliseconds(500), TimeProvider.System, FakeSmtpScripts.Mailboxes()),
            },
            options,
            domains: "strict-grey.test");
        var addresses = Enumerable.Range(0, 7).Select(i => $"ghost{i}@strict-grey.test").ToList();

        var results = await h.Verifier.VerifyAsync(addresses);

        Assert.All(results, r => Assert.Equal([Reasons.MailboxNotFound], r.Reasons));
        Assert.True(h.Smtp.ConnectionCount >= 4, $"{h.Smtp.ConnectionCount} connections");
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_ReconnectsInsteadOfBlamingARecipient_WhenTheSessionBudgetRunsLow()
    {
        // Each RCPT costs 150 ms on the manual clock (the server moves it before answering): deterministic, whatever the
        // machine's load. One RCPT at a time (no PIPELINING), so the budget is checked before each.
        var addresses = Enumerable.Range(0, 20).Select(i => $"u{i}@slow.test").ToArray();
        var clock = new ManualTimeProvider();
        var mailboxes = FakeSmtpScripts.Mailboxes(addresses);
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions
            {
                OfferPipelining = false,
                RcptReply = context =>
                {
                    clock.Advance(TimeSpan.FromMilliseconds(150));
                    return mailboxes(context);
                },
            },
            new VerificationOptions { RetrySchedule = [] },
            probe => probe with { SessionTimeout = TimeSpan.FromSeconds(1.2), CommandTimeout = TimeSpan.FromSeconds(0.5) },
            clock,
            domains: "slow.test");

        var results = await h.Verifier.VerifyAsync(addresses);

        Assert.All(results, r => Assert.Equal(VerificationStatus.Deliverable, r.Status));
        // 1.2 s per session, a new one once under 0.5 s is left: the probe and 4 recipients in the first, 5 in each next (4 + 5 + 5 + 5 + 1).
        Assert.Equal(5, h.Smtp.ConnectionCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_ProbesQuotedLocalPartsWithAngleBrackets_WithoutFailingTheRun()
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes("alice@acme.test") }, domains: "acme.test");

        var results = await h.Verifier.VerifyAsync(["\"a<b\"@acme.test", "alice@acme.test"]);

        Assert.Equal(VerificationStatus.Undeliverable, results[0].Status);
        Assert.Equal(VerificationStatus.Deliverable, results[1].Status);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_ReleasesTheHostSlot_WhenTheCallerCancelsDuringConnect()
    {
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions { Misbehaviour = Misbehaviour.NoGreeting },
            new VerificationOptions { RetrySchedule = [], MaxSessionsPerProvider = 1 },
            domains: "tarpit.test");
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => h.Verifier.VerifyAsync(["a@tarpit.test"], cancel.Token));
        var second = (await h.Verifier.VerifyAsync(["b@tarpit.test"]))[0];

        Assert.Contains(Reasons.Timeout, second.Reasons); // it got the slot and timed out on the banner, instead of hanging
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_RetriesRecipients_WhenServerRateLimitsWith421()
    {
        var options = new VerificationOptions { RetrySchedule = [TimeSpan.FromMilliseconds(200)] };
        await using var h = EngineHarness.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Fixed("421 4.7.0 Too many connections, try again later") }, options, domains: "rate.test");

        var result = (await h.Verifier.VerifyAsync(["a@rate.test"]))[0];

        Assert.Equal(VerificationStatus.Unknown, result.Status);
        Assert.Equal([Reasons.Greylisted], result.Reasons);
        Assert.Equal(421, result.SmtpCode);
        Assert.Equal(4, h.Smtp.ConnectionCount); // two sessions, then two more on the retry
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_CountsTheCatchAllProbeInTheFirstTransaction()
    {
        var addresses = Enumerable.Range(0, 6).Select(i => $"u{i}@cap.test").ToArray();
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions { MaxRecipientsPerTransaction = 3, RcptReply = FakeSmtpScripts.Mailboxes(addresses) },
            new VerificationOptions { RetrySchedule = [], MaxRecipientsPerTransaction = 3 },
            domains: "cap.test");

        var results = await h.Verifier.VerifyAsync(addresses);

        Assert.All(results, r => Assert.Equal(VerificationStatus.Deliverable, r.Status));
        Assert.Equal(7, h.Smtp.RcptCount); // never a recipient refused for the cap and asked again
    }

    [Fact(Timeout = 30_000)]
    public async Task Verify_FinishesOtherDomains_WhileGreylistedDomainsWaitForTheirRetry()
    {
        // One SMTP session at a time (so two domain slots); three greylisting domains come first in the input.
        var options = new VerificationOptions { RetrySchedule = [TimeSpan.FromSeconds(3)], MaxConcurrentSessions = 1 };
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions { RcptReply = c => c.Recipient.EndsWith("@open.test", StringComparison.Ordinal) ? "550 5.1.1 unknown" : "451 4.7.1 Greylisted" },
            options,
            domains: ["grey1.test", "grey2.test", "grey3.test", "open.test"]);
        var requests = new[] { "a@grey1.test", "a@grey2.test", "a@grey3.test", "a@open.test" }
            .Select((a, i) => new VerificationRequest(i, a)).ToAsyncEnumerable();

        var first = await h.Verifier.VerifyAsync(requests).FirstAsync();

        Assert.Equal("a@open.test", first.Input);
        Assert.Equal(VerificationStatus.Undeliverable, first.Status);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_AsksOneRecipientPerSession_InTheOneConnectionPerAddressMode()
    {
        // The benchmark's baseline: a session per address, the catch-all probe repeated in each.
        var options = new VerificationOptions { RetrySchedule = [], MaxRecipientsPerTransaction = 1, MaxTransactionsPerSession = 1, CatchAllCacheAge = TimeSpan.Zero };
        await using var h = EngineHarness.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes("a@naive.test") }, options, domains: "naive.test");

        var results = await h.Verifier.VerifyAsync(["a@naive.test", "b@naive.test", "c@naive.test"]);

        Assert.Equal([VerificationStatus.Deliverable, VerificationStatus.Undeliverable, VerificationStatus.Undeliverable], results.Select(r => r.Status));
        Assert.Equal(3, h.Smtp.ConnectionCount);
        Assert.Equal(6, h.Smtp.RcptCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_FallsBackToPlainText_WhenTheTlsHandshakeFails()
    {
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions { OfferStartTls = true, BreakTlsHandshake = true, RcptReply = FakeSmtpScripts.Mailboxes("alice@oldtls.test") },
            domains: "oldtls.test");

        var result = (await h.Verifier.VerifyAsync(["alice@oldtls.test"]))[0];

        Assert.Equal(VerificationStatus.Deliverable, result.Status);
        Assert.False(result.Tls);
        Assert.Equal(2, h.Smtp.ConnectionCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_ReportsDnsFailureOrMxUnresolvable_WhenTheMxHostsAddressCannotBeLookedUp()
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions());
        h.Dns.AddMx("lame.test", 10, "mx.lame.test");
        h.Dns.SetServFail("mx.lame.test");
        h.Dns.AddMx("empty.test", 10, "mx.empty.test");
        h.Dns.AddEmptyName("mx.empty.test");

        var results = await h.Verifier.VerifyAsync(["a@lame.test", "a@empty.test"]);

        Assert.Equal([Reasons.DnsFailure], results[0].Reasons);
        Assert.Equal(VerificationStatus.Unknown, results[0].Status);
        Assert.Equal([Reasons.MxUnresolvable], results[1].Reasons);
        Assert.Equal(VerificationStatus.Undeliverable, results[1].Status);
        Assert.Contains("no MX target has an address (mx.empty.test)", results[1].Detail, StringComparison.Ordinal);
        Assert.Equal(0, h.Smtp.ConnectionCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_PipelinesMailFromWithTheFirstRcpts_WhenTheServerOffersPipelining()
    {
        // MAIL FROM is answered only once a RCPT arrives: an engine that waited for it would time out.
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions { HoldMailReply = true, RcptReply = FakeSmtpScripts.Mailboxes("alice@pipe.test") },
            domains: "pipe.test");

        var results = await h.Verifier.VerifyAsync(["alice@pipe.test", "nobody@pipe.test"]);

        Assert.Equal(VerificationStatus.Deliverable, Single(results, "alice@pipe.test").Status);
        Assert.Equal(VerificationStatus.Undeliverable, Single(results, "nobody@pipe.test").Status);
        Assert.Equal(1, h.Smtp.ConnectionCount);
        Assert.Equal(0, h.Smtp.DataCommandCount);
    }

    [Theory(Timeout = 20_000)]
    [InlineData("550 5.7.1 Too many transactions without DATA")]
    [InlineData("421 4.7.0 Too many transactions without DATA, closing")]
    [InlineData("503 5.5.1 Error: nested MAIL command")]
    public async Task Verify_CarriesOnInANewSession_WhenTheServerRefusesMailFromAfterARset(string refusal)
    {
        // Two recipients per transaction force a second transaction (RSET, MAIL FROM) in the session.
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions { MailReplyAfterRset = refusal, MaxRecipientsPerTransaction = 2, RcptReply = FakeSmtpScripts.Mailboxes("a@rset.test", "b@rset.test", "c@rset.test") },
            new VerificationOptions { RetrySchedule = [], MaxRecipientsPerTransaction = 2 },
            domains: "rset.test");

        var results = await h.Verifier.VerifyAsync(["a@rset.test", "b@rset.test", "c@rset.test", "x@rset.test", "y@rset.test"]);

        foreach (var deliverable in new[] { "a@rset.test", "b@rset.test", "c@rset.test" })
        {
            Assert.Equal(VerificationStatus.Deliverable, Single(results, deliverable).Status);
        }

        Assert.Equal(VerificationStatus.Undeliverable, Single(results, "x@rset.test").Status);
        Assert.Equal(VerificationStatus.Undeliverable, Single(results, "y@rset.test").Status);
        Assert.True(h.Smtp.ConnectionCount > 1);
        Assert.Contains("RSET", h.Smtp.ReceivedCommands);
        Assert.Equal(0, h.Smtp.DataCommandCount);
    }

    [Fact(Timeout = 20_000)]
    public async Task Verify_IsUnknownNotUndeliverable_WhenTheServerRequiresTlsThatCannotBeNegotiated()
    {
        await using var h = EngineHarness.Start(
            new FakeSmtpOptions { OfferStartTls = true, BreakTlsHandshake = true, MailReply = "530 5.7.0 Must issue a STARTTLS command first" },
            domains: "tlsonly.test");

        var results = await h.Verifier.VerifyAsync(["alice@tlsonly.test", "bob@tlsonly.test"]);

        Assert.All(results, r =>
        {
            Assert.Equal(VerificationStatus.Unknown, r.Status);
            Assert.Contains(Reasons.PolicyBlock, r.Reasons);
            Assert.Equal(530, r.SmtpCode);
        });
        Assert.Equal(0, h.Smtp.DataCommandCount);
    }

    [Theory(Timeout = 20_000)]
    [InlineData("421 4.3.2 Service not available, closing transmission channel", Reasons.Greylisted)]
    [InlineData("554 5.7.1 Your IP is listed, no SMTP service here", Reasons.PolicyBlock)]
    public async Task Verify_IsUnknown_WhenTheServerRefusesAtTheGreeting(string greeting, string reason)
    {
        await using var h = EngineHarness.Start(new FakeSmtpOptions { Greeting = greeting }, domains: "refuse.test");

        var result = (await h.Verifier.VerifyAsync(["alice@refuse.test"]))[0];

        Assert.Equal(VerificationStatus.Unknown, result.Status);
        Assert.Contains(reason, result.Reasons);
        Assert.DoesNotContain(h.Smtp.ReceivedCommands, c => c.StartsWith("RCPT", StringComparison.Ordinal));
    }
}

using Enrichment.Verification.MailHosts;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Enrichment.Finding;
using Enrichment.Testing;
using Enrichment.Testing.Finding;
using Enrichment.Verification;
using Enrichment.Verification.Flags;
using Enrichment.Verification.Smtp;

namespace Enrichment.Benchmarks;

/// <summary>
/// Issue 3: SMTP RCPTs spent per found address. Synthetic companies (the evaluation set) are served by a fake
/// SMTP server whose mailboxes are exactly the companies' true addresses; the finder guesses and verifies.
/// Baseline in the same run: the same finder ranking by the global priors only (no learning from known addresses).
/// `--world` runs it on the world set (WorldSet.md) instead of the evaluation set.
/// </summary>
internal static class FindingRcpts
{
    public static async Task<int> RunAsync(string[] args)
    {
        var companies = SmtpThroughput.Arg(args, "--companies", 300);
        var seed = SmtpThroughput.Arg(args, "--seed", 20260101);
        var world = args.Contains("--world");
        var set = world ? Enrichment.Testing.Finding.World.WorldSet.Generate(companies, seed) : EvaluationSet.Generate(companies, seed);
        Console.WriteLine($"finding-rcpts: {companies} companies, seed {seed}, {set.Sum(c => c.Targets.Count)} people to find");

        var learned = await MeasureAsync("learned formats", set, learn: true);
        var priors = await MeasureAsync("priors only (baseline)", set, learn: false);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RCPTs per found address: learned {learned.RcptsPerFound:F2}, priors only {priors.RcptsPerFound:F2}; ratio {priors.RcptsPerFound / learned.RcptsPerFound:F2}x fewer with learning"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RCPTs on guesses per found address: learned {learned.CandidateRcptsPerFound:F2}, priors only {priors.CandidateRcptsPerFound:F2}; ratio {priors.CandidateRcptsPerFound / learned.CandidateRcptsPerFound:F2}x"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"found and correct: learned {learned.Correct:P1}, priors only {priors.Correct:P1}; wrong addresses returned as deliverable: {learned.Wrong} / {priors.Wrong}"));
        return 0;
    }

    private sealed record Measurement(double RcptsPerFound, double CandidateRcptsPerFound, double Correct, int Wrong);

    private static async Task<Measurement> MeasureAsync(string label, IReadOnlyList<EvaluationCompany> set, bool learn)
    {
        var mailboxes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var dns = FakeDnsServer.Start();
        foreach (var company in set)
        {
            dns.AddMailDomain(company.Domain, IPAddress.Loopback);
            foreach (var known in company.Known)
            {
                mailboxes.Add($"{known.LocalPart}@{company.Domain}");
            }

            foreach (var target in company.Targets)
            {
                mailboxes.Add($"{target.TrueLocalPart}@{company.Domain}");
            }
        }

        await using var smtp = FakeSmtpServer.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes([.. mailboxes]) });
        using var verifier = FakeServerVerifier.Create(dns.EndPoint, smtp.Port);
        var finder = new AddressFinder(verifier, search: null) { LearnFormats = learn };

        var clock = Stopwatch.StartNew();
        int people = 0, correct = 0, wrong = 0, found = 0, knownRows = 0;
        foreach (var company in set)
        {
            long id = 0;
            var rows = company.Known
                .Where(k => k.FirstName is not null)
                .Select(k => new FindRequest(id++, k.FirstName, k.LastName, null, null, $"{k.LocalPart}@{company.Domain}"))
                .ToList();
            var firstTarget = id;
            knownRows += rows.Count;
            rows.AddRange(company.Targets.Select(t => new FindRequest(id++, t.FirstName, t.LastName, t.FullName, null, null)));
            var result = await finder.FindAsync(company.Domain, rows);
            foreach (var r in result.Results.Where(r => r.Id >= firstTarget))
            {
                people++;
                var truth = $"{company.Targets[(int)(r.Id - firstTarget)].TrueLocalPart}@{company.Domain}";
                if (r.Status == "deliverable")
                {
                    found++;
                    if (string.Equals(r.Email, truth, StringComparison.OrdinalIgnoreCase))
                    {
                        correct++;
                    }
                    else
                    {
                        wrong++; // someone else's mailbox (a namesake): accepted, but not this person's
                    }
                }
            }
        }

        clock.Stop();
        // Every RCPT the server saw: one catch-all probe per domain, one per known address verified, the rest on guesses.
        var candidateRcpts = smtp.RcptCount - set.Count - knownRows;
        var m = new Measurement((double)smtp.RcptCount / Math.Max(1, found), (double)candidateRcpts / Math.Max(1, found), (double)correct / people, wrong);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-24} {smtp.RcptCount,6} RCPTs ({candidateRcpts} on guesses), {found,5} found ({correct} correct, {wrong} another person's mailbox) of {people}; {m.RcptsPerFound:F2} RCPTs per found address, {m.CandidateRcptsPerFound:F2} on guesses; {clock.Elapsed.TotalSeconds:F1} s"));
        return m;
    }
}

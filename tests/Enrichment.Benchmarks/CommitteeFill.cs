using System.Diagnostics;
using System.Globalization;
using System.Net;
using Enrichment.Committee.Fill;
using Enrichment.Committee.Templates;
using Enrichment.Finding;
using Enrichment.Testing;
using Enrichment.Testing.Finding;
using Enrichment.Verification;
using Enrichment.Verification.Flags;
using Enrichment.Verification.MailHosts;
using Enrichment.Verification.Smtp;

namespace Enrichment.Benchmarks;

/// <summary>
/// Issue 12: fill N accounts' committees (the evaluation set's synthetic companies, people given titles in turn)
/// against fake DNS + SMTP on loopback: plan with Core's fill planner, find and verify what the picks need with the
/// finder (one verification of each domain), plan again. Accounts per minute, RCPTs per verified member, completeness
/// before and after. Baseline in the same run: the same fill guessing without learning the domain's format.
/// Runs Core's parts in process (no PostgreSQL, no Hangfire, no provider): the cost measured is the fill's own.
/// </summary>
internal static class CommitteeFill
{
    internal static readonly string[] Titles =
    [
        "Chief Financial Officer", "Director of Marketing", "IT Manager", "Software Engineer", "Procurement Manager",
        "Marketing Specialist", "Head of IT Security", "Data Analyst", "Legal Counsel", "Marketing Manager",
        "VP Sales", "Senior Software Engineer", "Accountant", "Sales Representative", "Systems Administrator",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        var accounts = args.Contains("--quick") ? 50 : SmtpThroughput.Arg(args, "--accounts", 500);
        var seed = SmtpThroughput.Arg(args, "--seed", 20260101);
        var set = EvaluationSet.Generate(accounts, seed);
        var template = CommitteeTemplates.Load(Path.Combine(FindConfig(), CommitteeTemplates.FileName)).Default;
        Console.WriteLine($"committee-fill: {accounts} accounts, seed {seed}, template {template.Id}, {set.Sum(c => c.Known.Count + c.Targets.Count)} people at the domains");
        var learned = await MeasureAsync("learned formats", set, template, learn: true);
        var priors = await MeasureAsync("guessing without learning (baseline)", set, template, learn: false);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"RCPTs per verified member: learned {learned.RcptsPerVerified:F2}, baseline {priors.RcptsPerVerified:F2}; {priors.RcptsPerVerified / learned.RcptsPerVerified:F2}x fewer with learning"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"completeness before {learned.Before:P1} -> after: learned {learned.After:P1}, baseline {priors.After:P1}; accounts/min learned {learned.PerMinute:F0}, baseline {priors.PerMinute:F0}"));
        return 0;
    }

    internal sealed record Measurement(double RcptsPerVerified, double Before, double After, double PerMinute);

    internal static async Task<Measurement> MeasureAsync(string label, IReadOnlyList<EvaluationCompany> set, CommitteeTemplate template, bool learn)
    {
        var mailboxes = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        await using var dns = FakeDnsServer.Start();
        foreach (var company in set)
        {
            dns.AddMailDomain(company.Domain, IPAddress.Loopback);
            mailboxes.UnionWith(company.Known.Select(k => $"{k.LocalPart}@{company.Domain}"));
            mailboxes.UnionWith(company.Targets.Select(t => $"{t.TrueLocalPart}@{company.Domain}"));
        }

        await using var smtp = FakeSmtpServer.Start(new FakeSmtpOptions { RcptReply = FakeSmtpScripts.Mailboxes([.. mailboxes]) });
        using var verifier = FakeServerVerifier.Create(dns.EndPoint, smtp.Port);
        var finder = new AddressFinder(verifier, search: null) { LearnFormats = learn };

        var clock = Stopwatch.StartNew();
        double before = 0, after = 0;
        var verifiedMembers = 0;
        foreach (var company in set)
        {
            // Our contacts (known addresses, never verified yet) and names uploaded without addresses, titles in turn.
            var people = new List<(DomainPerson Person, string? First, string? Last, string? Full)>();
            var t = company.Domain.Length;
            foreach (var k in company.Known.Where(k => k.FirstName is not null))
                people.Add((new DomainPerson($"{k.FirstName} {k.LastName}".Trim(), Titles[t++ % Titles.Length], $"{k.LocalPart}@{company.Domain}"), k.FirstName, k.LastName, null));
            foreach (var target in company.Targets)
            {
                var name = target.FullName ?? $"{target.FirstName} {target.LastName}".Trim();
                people.Add((new DomainPerson(name, Titles[t++ % Titles.Length]), target.FirstName, target.LastName, target.FullName));
            }

            var plan = FillPlanner.Plan(template, people.Select(p => p.Person));
            before += plan.Before.Completeness;
            var byName = people.GroupBy(p => p.Person.Name).ToDictionary(g => g.Key, g => g.First());
            var work = plan.ToFind.Concat(plan.ToVerify).Select(p => byName[p.Person.Name]).ToList();
            var rows = work.Select((p, i) => new FindRequest(i, p.First, p.Last, p.Full, p.Person.Title, p.Person.Email)).ToList();
            // Known addresses not picked still teach the domain's format.
            rows.AddRange(people.Where(p => p.Person.Email is not null && !work.Contains(p)).Select((p, i) => new FindRequest(10_000 + i, p.First, p.Last, null, null, p.Person.Email)));
            var found = await finder.FindAsync(company.Domain, rows);
            var updated = people.Select(p => p.Person).ToList();
            foreach (var r in found.Results.Where(r => r.Id < 10_000))
            {
                var person = work[(int)r.Id].Person;
                var status = r.Status switch { "deliverable" => VerificationStatus.Deliverable, "risky" => VerificationStatus.Risky, "undeliverable" => VerificationStatus.Undeliverable, _ => VerificationStatus.Unknown };
                updated[updated.IndexOf(person)] = person with { Email = r.Email, Status = r.Email is null ? null : status, Reasons = r.Reasons };
            }

            var final = FillPlanner.Plan(template, updated);
            after += final.Before.Completeness;
            verifiedMembers += final.Roles.Sum(r => r.Reachable);
        }

        clock.Stop();
        var m = new Measurement((double)smtp.RcptCount / Math.Max(1, verifiedMembers), before / set.Count, after / set.Count, set.Count / clock.Elapsed.TotalMinutes);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{label,-38} {smtp.RcptCount,6} RCPTs, {verifiedMembers,5} verified members, {m.RcptsPerVerified:F2} RCPTs each; completeness {m.Before:P1} -> {m.After:P1}; {clock.Elapsed.TotalSeconds:F1} s, {m.PerMinute:F0} accounts/min"));
        return m;
    }

    internal static string FindConfig()
    {
        for (var d = new DirectoryInfo(AppContext.BaseDirectory); d is not null; d = d.Parent)
        {
            if (File.Exists(Path.Combine(d.FullName, "config", CommitteeTemplates.FileName)))
                return Path.Combine(d.FullName, "config");
        }

        throw new DirectoryNotFoundException($"no config/{CommitteeTemplates.FileName} above {AppContext.BaseDirectory}");
    }
}

using Enrichment.Committee.Fill;
using Enrichment.Committee.Templates;
using Enrichment.Committee.Titles;
using Enrichment.Finding;
using Enrichment.Service.Hosting;
using Enrichment.Service.Jobs;
using Enrichment.Storage.Accounts;
using Enrichment.Storage.Contacts;
using Enrichment.Verification;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Enrichment.Service.Accounts;

/// <summary>
/// Fills one account's buying committee: gathers the people known at its domain (our contacts, the provider domain
/// search with positions, people uploaded without addresses), lets Core's fill planner pick candidates per role,
/// finds and verifies addresses for the picks that need one — in one verification of the domain (DomainVerifier, the
/// same path the list jobs use) — and writes members, completeness and the missing-role notes back. Idempotent:
/// members are keyed by (account, person), so a re-run updates rather than adds; greylisted recipients reschedule the
/// job at the retry time.
/// </summary>
public sealed class FillCommitteeJob(
    AccountStore accounts,
    VerificationStore verifications,
    ContactStore contacts,
    CommitteeTemplateSource templates,
    AddressFinder finder,
    DomainVerifier verifier,
    VerificationPolicy policy,
    IBackgroundJobClient jobs,
    IOptions<ServiceOptions> options,
    TimeProvider time,
    ILogger<FillCommitteeJob> log)
{
    /// <summary>Greylisting retries before the fill settles with what it has.</summary>
    const int MaxAttempts = 4;

    /// <summary>The domain is an argument only for the job's name in the dashboard; the account id decides.</summary>
    [Queue(Queues.Smtp)]
    [JobDisplayName("Fill committee {1} — account {0}")]
    public async Task RunAsync(long accountId, string domain, CancellationToken ct)
    {
        var account = await accounts.GetAsync(accountId, ct);
        if (account is null)
            return; // deleted since it was queued
        domain = account.Domain;
        var attempt = await accounts.StartFillAsync(accountId, ct);
        var all = await templates.CurrentAsync(ct);
        var template = (account.Template is null ? null : all.Find(account.Template)) ?? all.Default;

        // 1. Everyone known at the domain.
        var people = new Dictionary<string, Person>(StringComparer.Ordinal);
        void Add(Person p)
        {
            if (!people.TryGetValue(p.Key, out var known) || Better(p, known))
                people[p.Key] = p with { Suppressed = p.Suppressed || (known?.Suppressed ?? false) };
            else if (p.Suppressed)
                people[p.Key] = known with { Suppressed = true };
        }

        foreach (var k in await accounts.PeopleAtAsync(domain, ct))
        {
            if (Person.From(k.FirstName, k.LastName, k.FullName, k.Title, k.Email, k.Status, k.Reasons, k.Suppressed, k.Source) is { } p)
                Add(p);
        }

        var knowledge = await finder.LearnAsync(domain,
            [.. people.Values.Where(p => p.Email is not null).Select((p, i) => new FindRequest(i, p.First, p.Last, p.Full, p.Title, p.Email))], ct);
        foreach (var c in knowledge.Search.Contacts.Where(c => c.Provenance.Any(s => s != AddressFinder.SourceOwn)))
        {
            if (Person.From(c.FirstName, c.LastName, null, c.Position, c.Email.Trim().ToLowerInvariant(), null, null, false, string.Join('+', c.Provenance)) is { } p)
                Add(p);
        }

        await MarkSuppressedAsync(people, ct);
        var plan = FillPlanner.Plan(template, people.Values.Select(p => p.ToDomainPerson()));

        // 2. Find and verify what the picks need, in one verification of the domain per round. A round that leaves
        // roles short (no address found, a mailbox that bounces) sets those people aside and, when the domain has
        // candidates not yet worked on, the next round works on them (FillRounds: bounded).
        var tried = new HashSet<string>(StringComparer.Ordinal);
        var work = plan.Roles.SelectMany(r => r.Picks).Where(p => p.Action != MemberAction.None).Select(p => people[Person.KeyOf(p.Person.Name)]).ToList();
        DomainRetry? retry = null;
        var rounds = 0;
        while (work.Count > 0)
        {
            rounds++;
            tried.UnionWith(work.Select(p => p.Key));
            var greylisted = await RoundAsync(work);
            retry ??= greylisted;
            await MarkSuppressedAsync(people, ct);
            var next = FillPlanner.Plan(template, people.Values.Select(p => p.ToDomainPerson()), SetAside());
            work = [.. FillRounds.NextWork(next, tried, rounds).Select(p => people[Person.KeyOf(p.Person.Name)])];
            if (work.Count > 0)
                log.LogInformation("Account {AccountId} ({Domain}): round {Round} left {Short}; next round works on {Count} more candidates",
                    accountId, domain, rounds, FillRounds.ShortRoles(next), work.Count);
        }

        // The people worked on whose address is still not reachable: the final plan picks them only when nobody else is left.
        HashSet<string> SetAside() =>
            [.. tried.Where(k => !(CommitteeView.ParseStatus(people[k].Status) is { } status && template.Reachable.IsReachable(status, people[k].Reasons ?? [])))];

        async Task<DomainRetry?> RoundAsync(List<Person> batch)
        {
            DomainRetry? roundRetry = null;
            var now = time.GetUtcNow();
            var toVerify = batch.Where(p => p.Email is not null && p.Status != "undeliverable").ToList();
            var reusable = await verifications.ReusableAsync([.. toVerify.Select(p => p.Email!)], options.Value.ReuseVerdictsFor, now, ct);
            foreach (var p in toVerify.Where(p => reusable.ContainsKey(p.Email!)))
            {
                var v = reusable[p.Email!];
                people[p.Key] = p with { Status = v.Status, Reasons = [.. v.Reasons] };
            }

            toVerify = [.. toVerify.Where(p => !reusable.ContainsKey(p.Email!))];
            var toFind = batch.Where(p => p.Email is null || p.Status == "undeliverable").ToList();
            var ids = new Dictionary<long, Person>();
            var requests = new List<VerificationRequest>();
            foreach (var p in toVerify)
            {
                ids[ids.Count] = p;
                requests.Add(new VerificationRequest(ids.Count - 1, p.Email!));
            }

            var ranked = new Dictionary<long, (IReadOnlyList<string> Addresses, string Source)>();
            if (toFind.Count > 0)
            {
                var findIds = toFind.Select((p, i) => (Id: (long)(ids.Count + i), Person: p)).ToList();
                foreach (var (id, p) in findIds)
                    ids[id] = p;
                var found = await finder.FindAsync(domain, [.. findIds.Select(x => new FindRequest(x.Id, x.Person.First, x.Person.Last, x.Person.Full, x.Person.Title, null))], knowledge, ct);
                foreach (var (id, p) in findIds)
                {
                    var result = found.Results.FirstOrDefault(r => r.Id == id);
                    if (result is null || result.Candidates.Count == 0)
                    {
                        people[p.Key] = p with { Email = null, Status = null, Reasons = null, Source = p.Source };
                        continue;
                    }

                    ranked[id] = (result.Candidates, result.Source);
                    requests.AddRange(result.Candidates.Select(a => new VerificationRequest(id, a)));
                }
            }

            if (requests.Count > 0)
            {
                var verification = await verifier.VerifyAsync(new DomainWork(domain, requests, attempt - 1, Alternatives: ranked.Count > 0), policy, ct);
                roundRetry = attempt < MaxAttempts ? verification.Retry : null;
                var byId = verification.Results.ToLookup(r => r.Id);
                foreach (var (id, p) in ids)
                {
                    if (ranked.TryGetValue(id, out var guesses))
                    {
                        var verdicts = byId[id].Where(v => v.Normalized is not null).GroupBy(v => v.Normalized!).ToDictionary(g => g.Key, g => g.First());
                        people[p.Key] = FoundAddress.Choose(guesses.Addresses, verdicts) is { } chosen
                            ? p with { Email = chosen.Normalized, Status = VerificationResult.StatusText(chosen.Status), Reasons = [.. chosen.Reasons], Source = $"finder:{guesses.Source}" }
                            : p with { Email = null, Status = null, Reasons = null };
                    }
                    else if (byId[id].FirstOrDefault() is { } v)
                    {
                        people[p.Key] = p with { Status = VerificationResult.StatusText(v.Status), Reasons = [.. v.Reasons] };
                    }
                }

                await verifications.UpsertAsync([.. verification.Results.Where(v => v.Normalized is not null).Select(v => new VerificationRecord(
                    v.Normalized!, domain, VerificationResult.StatusText(v.Status), v.Risk, v.Reasons, v.SmtpCode,
                    v.SmtpText is null ? null : $"{v.SmtpCode} {v.EnhancedCode} {v.SmtpText}".Trim(), v.MxHost, v.CatchAll, v.VerifiedAt, null))], ct);
                // Addresses we learned here (found, or a provider's, now verified) join our contacts for lead generation.
                await contacts.UpsertAsync([.. people.Values
                    .Where(p => p.Email is not null && p.Status is "deliverable" or "risky" && !p.Source.StartsWith("contact:", StringComparison.Ordinal))
                    .Select(p => new ContactRecord(p.Email!, p.First, p.Last, p.Full, p.Title, domain, $"committee:account:{accountId}"))], ct);
            }

            return roundRetry;
        }

        // 3. Plan again on what is now known: the picks are the committee, its Before is the completeness reached and
        // its notes say what is still missing.
        var final = FillPlanner.Plan(template, people.Values.Select(p => p.ToDomainPerson()), SetAside());
        var members = final.Roles.SelectMany(r => r.Picks.Select(pick => (Role: r.Role, Pick: pick, Person: people[Person.KeyOf(pick.Person.Name)])))
            .Select(x => new MemberWrite(x.Person.Key, x.Person.Name, x.Person.First, x.Person.Last, x.Person.Title,
                x.Pick.Classification.Seniority.Name(), x.Pick.Classification.Department.Name(), x.Role.Name(), x.Person.Email, x.Person.Source))
            .ToList();
        await accounts.WriteCommitteeAsync(accountId, members, final.Before.Completeness, [.. final.Missing], ct);
        log.LogInformation("Account {AccountId} ({Domain}): committee {Percent} % complete (was {Was} %) after {Rounds} round(s), {Members} members, {Missing} roles short",
            accountId, domain, final.Before.Percent, plan.Before.Percent, rounds, members.Count, final.Missing.Count());

        if (retry is not null)
        {
            await accounts.SetFillStateAsync(accountId, "waiting_retry", ct);
            jobs.Schedule<FillCommitteeJob>(job => job.RunAsync(accountId, domain, CancellationToken.None), retry.NotBefore);
        }
    }

    /// <summary>Provider and found addresses meet the suppressions table too (the SQL predicate, once per pass).</summary>
    async Task MarkSuppressedAsync(Dictionary<string, Person> people, CancellationToken ct)
    {
        var suppressed = await accounts.SuppressedAsync([.. people.Values.Where(p => p.Email is not null && !p.Suppressed).Select(p => p.Email!)], ct);
        foreach (var p in people.Values.Where(p => p.Email is not null && suppressed.Contains(p.Email)).ToList())
            people[p.Key] = p with { Suppressed = true };
    }

    /// <summary>The form of a person with least left to do: a reachable verdict, then any address, then a title.</summary>
    static bool Better(Person candidate, Person known) => Rank(candidate) < Rank(known) || Rank(candidate) == Rank(known) && known.Title is null && candidate.Title is not null;

    static int Rank(Person p) => p.Email is null ? 3 : p.Status is "deliverable" ? 0 : p.Status is "risky" ? 1 : 2;

    /// <summary>A person at the domain under the key the planner dedupes by (the name, case and spacing folded).</summary>
    sealed record Person(string Key, string Name, string? First, string? Last, string? Full, string? Title, string? Email,
        string? Status, IReadOnlyList<string>? Reasons, bool Suppressed, string Source)
    {
        public static string KeyOf(string name) => string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

        public static Person? From(string? first, string? last, string? full, string? title, string? email, string? status, IReadOnlyList<string>? reasons, bool suppressed, string source)
        {
            var name = full ?? string.Join(' ', new[] { first, last }.Where(s => !string.IsNullOrWhiteSpace(s)));
            if (string.IsNullOrWhiteSpace(name))
                return null;
            name = string.Join(' ', name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            return new Person(KeyOf(name), name, first, last, full, title, email, status, reasons, suppressed, source);
        }

        public DomainPerson ToDomainPerson() =>
            new(Name, Title, Email, CommitteeView.ParseStatus(Status), Reasons, Suppressed, Source);
    }
}

using System.Globalization;
using Enrichment.Committee.Completeness;
using Enrichment.Committee.Templates;
using Enrichment.Committee.Titles;
using Enrichment.Verification;

namespace Enrichment.Committee.Fill;

/// <summary>
/// Plans the fill of one account's committee from the people known at its domain: classifies their titles, picks
/// the best candidates per role — by seniority fit first, then the template's preferred departments (spread over
/// several when the template lists them: a procurement and a legal gatekeeper beat two buyers), then by how little
/// is left to do — and says which picks need an address found or verified and what cannot be filled. Pure.
/// </summary>
public static class FillPlanner
{
    // Best-fitting ranks per role, best first; a rank not listed is not a candidate for the role.
    private static readonly Dictionary<CommitteeRole, Seniority[]> Fit = new()
    {
        [CommitteeRole.EconomicBuyer] = [Seniority.CLevel, Seniority.Vp],
        [CommitteeRole.Champion] = [Seniority.Director, Seniority.Manager],
        [CommitteeRole.TechnicalEvaluator] = [Seniority.Director, Seniority.Manager, Seniority.SeniorIc, Seniority.Ic],
        [CommitteeRole.EndUser] = [Seniority.SeniorIc, Seniority.Ic],
        // The gatekeeper who works the deal (head of procurement, legal manager) before the chief who signs off.
        [CommitteeRole.Blocker] = [Seniority.Director, Seniority.Manager, Seniority.CLevel, Seniority.Vp, Seniority.SeniorIc, Seniority.Ic, Seniority.Unknown],
    };

    /// <param name="setAside">
    /// People (by <see cref="KeyOf"/>) a fill already worked on without getting a reachable address: picked only when
    /// no fresh candidate is left, so that a second round works on the next candidates.
    /// </param>
    public static FillPlan Plan(CommitteeTemplate template, IEnumerable<DomainPerson> people, IReadOnlySet<string>? setAside = null)
    {
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(people);
        var candidates = Distinct(people.Select(p => Candidate(template, p)));

        var roles = new List<RolePlan>();
        foreach (var target in template.Roles)
        {
            var fit = Fit.GetValueOrDefault(target.Role, []);
            var pool = candidates.Where(c => c.Classification.Role == target.Role && Array.IndexOf(fit, c.Classification.Seniority) >= 0).ToList();
            var picks = Pick(target, fit, pool, setAside);
            var reachable = picks.Count(p => p.Action == MemberAction.None);
            roles.Add(new RolePlan(target.Role, target.Wanted, pool.Count, picks, reachable, Missing(target, pool.Count, picks, reachable)));
        }

        var before = CompletenessCalculator.Measure(template, roles.SelectMany(r => r.Picks.Where(p => p.Action == MemberAction.None).Select(p => Member(r.Role, p, reachable: true))));
        var potential = CompletenessCalculator.Measure(template, roles.SelectMany(r => r.Picks.Select(p => Member(r.Role, p, reachable: true))));
        return new FillPlan(roles, before, potential);
    }

    /// <summary>A person read by the template: its matrix may give the title another role than COMMITTEE.md's.</summary>
    private static PlannedMember Candidate(CommitteeTemplate template, DomainPerson person)
    {
        var classification = TitleClassifier.Classify(person.Title);
        if (template.Matrix is not null)
        {
            classification = classification with { Role = template.RoleOf(classification) };
        }

        return new PlannedMember(person, classification, ActionFor(template, person));
    }

    /// <summary>The key a person is known by across sources and rounds: the name with case and spacing folded.</summary>
    public static string KeyOf(string name) =>
        string.Join(' ', (name ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();

    private static List<PlannedMember> Pick(RoleTarget target, Seniority[] fit, List<PlannedMember> pool, IReadOnlySet<string>? setAside)
    {
        var picks = new List<PlannedMember>(target.Wanted);
        var used = new Dictionary<Department, int>();
        var spread = target.Departments.Count > 0;
        var left = new List<PlannedMember>(pool);
        while (picks.Count < target.Wanted && left.Count > 0)
        {
            var best = left
                .Select((c, order) => (c, order))
                .OrderBy(x => setAside is not null && setAside.Contains(KeyOf(x.c.Person.Name)) ? 1 : 0)
                .ThenBy(x => spread ? used.GetValueOrDefault(x.c.Classification.Department) : 0)
                .ThenBy(x => Array.IndexOf(fit, x.c.Classification.Seniority))
                .ThenBy(x => Preference(target, x.c.Classification.Department))
                .ThenBy(x => (int)x.c.Action)
                .ThenBy(x => x.order)
                .First().c;
            picks.Add(best);
            left.Remove(best);
            used[best.Classification.Department] = used.GetValueOrDefault(best.Classification.Department) + 1;
        }

        return picks;
    }

    private static int Preference(RoleTarget target, Department department)
    {
        if (target.Departments.Count == 0)
        {
            return 0;
        }

        var i = -1;
        for (var k = 0; k < target.Departments.Count && i < 0; k++)
        {
            i = target.Departments[k] == department ? k : -1;
        }

        return i < 0 ? target.Departments.Count : i;
    }

    private static MemberAction ActionFor(CommitteeTemplate template, DomainPerson person)
    {
        if (string.IsNullOrWhiteSpace(person.Email) || person.Status == VerificationStatus.Undeliverable)
        {
            return MemberAction.FindAddress;
        }

        return person.Status is { } status && template.Reachable.IsReachable(status, person.Reasons ?? [])
            ? MemberAction.None
            : MemberAction.Verify;
    }

    private static string? Missing(RoleTarget target, int candidates, List<PlannedMember> picks, int reachable)
    {
        if (reachable >= target.Wanted)
        {
            return null;
        }

        var role = target.Role.Name();
        var find = picks.Count(p => p.Action == MemberAction.FindAddress);
        var verify = picks.Count(p => p.Action == MemberAction.Verify);
        var work = (find, verify) switch
        {
            (0, 0) => "",
            (_, 0) => $"{find} to find an address for",
            (0, _) => $"{verify} to verify",
            _ => $"{find} to find an address for, {verify} to verify",
        };
        var count = string.Create(CultureInfo.InvariantCulture, $"{role}: {reachable} of {target.Wanted}");
        if (candidates == 0)
        {
            return $"{count} — no candidates at the domain; upload names";
        }

        if (candidates < target.Wanted)
        {
            var only = candidates == 1 ? "only 1 candidate" : $"only {candidates} candidates";
            return work.Length == 0
                ? $"{count} — {only} at the domain; upload names"
                : $"{count} — {only} at the domain ({work}); upload names";
        }

        return $"{count} — {work}";
    }

    private static CommitteeMember Member(CommitteeRole role, PlannedMember planned, bool reachable) =>
        new(planned.Person.Name, role, reachable ? new MemberAddress(planned.Person.Email ?? "", VerificationStatus.Deliverable, []) : null);

    /// <summary>
    /// The same person listed twice (two sources: a contact with an address, an upload without) is one candidate, kept
    /// in the form with least left to do; a person whose address is suppressed is not contacted at all.
    /// </summary>
    private static List<PlannedMember> Distinct(IEnumerable<PlannedMember> people)
    {
        var byName = new Dictionary<string, PlannedMember>(StringComparer.OrdinalIgnoreCase);
        var suppressed = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var order = new List<string>();
        foreach (var person in people)
        {
            var key = string.Join(' ', person.Person.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (person.Person.Suppressed)
            {
                suppressed.Add(key);
            }

            if (!byName.TryGetValue(key, out var known))
            {
                order.Add(key);
                byName[key] = person;
            }
            else if (person.Action < known.Action)
            {
                byName[key] = person;
            }
        }

        var emails = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        return order.Where(k => !suppressed.Contains(k)).Select(k => byName[k])
            .Where(p => string.IsNullOrWhiteSpace(p.Person.Email) || emails.Add(p.Person.Email.Trim()))
            .ToList();
    }
}

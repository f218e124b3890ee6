using Enrichment.Committee.Fill;
using Enrichment.Committee.Templates;
using Enrichment.Committee.Titles;
using Enrichment.Verification;

namespace Enrichment.Tests.Committee.Fill;

public class FillPlannerTests
{
    private static readonly CommitteeTemplate Default =
        CommitteeTemplates.Load(Path.Combine(AppContext.BaseDirectory, "config", CommitteeTemplates.FileName)).Default;

    private static DomainPerson Verified(string name, string title, VerificationStatus status = VerificationStatus.Deliverable, params string[] reasons) =>
        new(name, title, $"{name.Replace(' ', '.').ToLowerInvariant()}@acme.test", status, reasons);

    private static RolePlan Role(FillPlan plan, CommitteeRole role) => plan.Roles.Single(r => r.Role == role);

    [Fact]
    public void Plan_PicksBySeniorityFit_AndSaysWhoNeedsAnAddress()
    {
        var people = new[]
        {
            new DomainPerson("Vera VP", "VP Marketing"),
            Verified("Carl Ceo", "CEO"),
            Verified("Mia Manager", "Marketing Manager"),
            new DomainPerson("Dora Director", "Director of Sales"),
            Verified("Sam Senior", "Senior Marketing Specialist"),
        };

        var plan = FillPlanner.Plan(Default, people);

        var buyer = Role(plan, CommitteeRole.EconomicBuyer);
        Assert.Equal("Carl Ceo", Assert.Single(buyer.Picks).Person.Name);
        Assert.Equal(2, buyer.Candidates);
        Assert.Equal(MemberAction.None, buyer.Picks[0].Action);
        Assert.Null(buyer.Missing);

        var champions = Role(plan, CommitteeRole.Champion);
        Assert.Equal(["Dora Director", "Mia Manager"], champions.Picks.Select(p => p.Person.Name).ToArray());
        Assert.Equal(MemberAction.FindAddress, champions.Picks[0].Action);
        Assert.Equal("champion: 1 of 2 — 1 to find an address for", champions.Missing);
        Assert.Equal(["Dora Director"], plan.ToFind.Select(p => p.Person.Name).ToArray());
    }

    [Fact]
    public void Plan_SaysWhatIsMissing_WhenTheDomainHasNoCandidates()
    {
        var plan = FillPlanner.Plan(Default, [Verified("Carl Ceo", "CEO"), Verified("Ann Analyst", "Financial Analyst")]);

        Assert.Equal("technical_evaluator: 0 of 2 — no candidates at the domain; upload names", Role(plan, CommitteeRole.TechnicalEvaluator).Missing);
        Assert.Equal("end_user: 1 of 3 — only 1 candidate at the domain; upload names", Role(plan, CommitteeRole.EndUser).Missing);
        Assert.Contains("blocker: 0 of 2 — no candidates at the domain; upload names", plan.Missing);
        Assert.DoesNotContain(plan.Missing, m => m.StartsWith("economic_buyer", StringComparison.Ordinal));
    }

    [Fact]
    public void Plan_SpreadsGatekeepersOverTheTemplatesDepartments()
    {
        var people = new[]
        {
            Verified("Pia Procurement", "Head of Procurement"),
            Verified("Paul Procurement", "Procurement Manager"),
            Verified("Lena Legal", "Legal Counsel"),
        };

        var blockers = Role(FillPlanner.Plan(Default, people), CommitteeRole.Blocker);

        Assert.Equal(["Pia Procurement", "Lena Legal"], blockers.Picks.Select(p => p.Person.Name).ToArray());
        Assert.Null(blockers.Missing);
    }

    [Fact]
    public void Plan_PrefersTheTemplatesDepartments_ForTechnicalEvaluators()
    {
        var people = new[]
        {
            Verified("Eve Engineer", "Engineering Manager"),
            Verified("Ian It", "IT Manager"),
            Verified("Dan Data", "Data Engineering Manager"),
        };

        var evaluators = Role(FillPlanner.Plan(Default, people), CommitteeRole.TechnicalEvaluator);

        Assert.Equal(["Ian It", "Eve Engineer"], evaluators.Picks.Select(p => p.Person.Name).ToArray());
    }

    [Fact]
    public void Plan_CountsOnlyReachableAddresses_AndAsksToVerifyTheRest()
    {
        var people = new[]
        {
            Verified("Una User", "Accountant", VerificationStatus.Risky, Reasons.CatchAll),
            Verified("Rob Risky", "Senior Accountant", VerificationStatus.Risky, Reasons.Greylisted),
            new DomainPerson("Nia New", "Bookkeeper", "nia@acme.test"),
            Verified("Bo Bounce", "Head of Legal", VerificationStatus.Undeliverable, Reasons.MailboxNotFound),
        };

        var plan = FillPlanner.Plan(Default, people);
        var users = Role(plan, CommitteeRole.EndUser);

        Assert.Equal(["Rob Risky", "Una User", "Nia New"], users.Picks.Select(p => p.Person.Name).ToArray());
        Assert.Equal([MemberAction.Verify, MemberAction.None, MemberAction.Verify], users.Picks.Select(p => p.Action).ToArray());
        Assert.Equal(1, users.Reachable);
        Assert.Equal("end_user: 1 of 3 — 2 to verify", users.Missing);
        var blocker = Assert.Single(Role(plan, CommitteeRole.Blocker).Picks);
        Assert.Equal(MemberAction.FindAddress, blocker.Action);
        Assert.Equal("blocker: 0 of 2 — only 1 candidate at the domain (1 to find an address for); upload names", Role(plan, CommitteeRole.Blocker).Missing);
    }

    [Fact]
    public void Plan_NeverPicksSuppressedPeople_AndMergesDuplicates()
    {
        var people = new[]
        {
            new DomainPerson("Carl Ceo", "CEO"),
            Verified("Carl Ceo", "Chief Executive Officer"),
            new DomainPerson("Sue Suppressed", "CFO", "sue@acme.test", VerificationStatus.Deliverable, [], Suppressed: true),
        };

        var buyer = Role(FillPlanner.Plan(Default, people), CommitteeRole.EconomicBuyer);

        var pick = Assert.Single(buyer.Picks);
        Assert.Equal(MemberAction.None, pick.Action);
        Assert.Equal(1, buyer.Candidates);
    }

    [Fact]
    public void Plan_ReportsCompletenessNow_AndIfEveryPickBecomesReachable()
    {
        var people = new[]
        {
            Verified("Carl Ceo", "CEO"),
            new DomainPerson("Dora Director", "Director of Marketing"),
            new DomainPerson("Mia Manager", "Marketing Manager"),
        };

        var plan = FillPlanner.Plan(Default, people);

        Assert.Equal(0.2, plan.Before.Completeness, 12);
        Assert.Equal(0.4, plan.Potential.Completeness, 12);
    }

    [Fact]
    public void Plan_LeavesOutPeopleWithoutARole()
    {
        var plan = FillPlanner.Plan(Default, [Verified("Ella Assistant", "Executive Assistant"), Verified("Ivan Intern", "Marketing Intern"), Verified("Bob Board", "Board Member")]);

        Assert.All(plan.Roles, r => Assert.Empty(r.Picks));
        Assert.Equal(0, plan.Potential.Completeness);
    }

    [Fact]
    public void Plan_PicksFreshCandidatesBeforeThoseSetAside_AndFillRoundsWorksOnThem()
    {
        var people = new[]
        {
            new DomainPerson("Ada Admin", "IT Manager"),
            new DomainPerson("Ben Backend", "Software Engineer"),
            new DomainPerson("Cy Cloud", "Cloud Engineer"),
            new DomainPerson("Dee Data", "Data Engineer"),
        };

        var first = FillPlanner.Plan(Default, people);
        var evaluators = Role(first, CommitteeRole.TechnicalEvaluator);
        Assert.Equal("Ada Admin", evaluators.Picks[0].Person.Name);
        var tried = evaluators.Picks.Select(p => FillPlanner.KeyOf(p.Person.Name)).ToHashSet();

        // Round one found no address for either pick: set aside, the next plan picks the two not yet tried.
        var second = FillPlanner.Plan(Default, people, tried);
        var next = FillRounds.NextWork(second, tried, round: 1);
        Assert.Equal(
            people.Select(p => p.Name).Except(evaluators.Picks.Select(p => p.Person.Name)).Order().ToArray(),
            next.Select(p => p.Person.Name).Order().ToArray());
        Assert.All(next, p => Assert.Equal(MemberAction.FindAddress, p.Action));

        // Bounded: after the last round, no more work whatever is left short.
        Assert.Empty(FillRounds.NextWork(second, tried, round: FillRounds.MaxRounds));
        // Everyone tried: nothing new to work on.
        var everyone = people.Select(p => FillPlanner.KeyOf(p.Name)).ToHashSet();
        Assert.Empty(FillRounds.NextWork(FillPlanner.Plan(Default, people, everyone), everyone, round: 1));
        // Set-aside people still fill the role when nobody else is left, so the committee shows who is missing an address.
        Assert.Equal(2, Role(FillPlanner.Plan(Default, people, everyone), CommitteeRole.TechnicalEvaluator).Picks.Count);
    }

    [Fact]
    public void FillRounds_StopsWhenEveryRoleIsReachable()
    {
        var plan = FillPlanner.Plan(Default, [Verified("Carl Ceo", "CEO")]);

        Assert.Empty(FillRounds.NextWork(plan, new HashSet<string>(), round: 1));
        Assert.Equal("champion 0/2, technical_evaluator 0/2, end_user 0/3, blocker 0/2", FillRounds.ShortRoles(plan));
    }

    [Fact]
    public void Plan_UsesTheTemplatesMatrix_ToPickTheRoles()
    {
        var matrix = new RoleMatrixOverride([("security", Seniority.CLevel, CommitteeRole.EconomicBuyer)]);
        var template = Default with { Matrix = matrix };

        var plan = FillPlanner.Plan(template, [Verified("Cleo Ciso", "CISO"), Verified("Carl Ceo", "CEO")]);

        Assert.Equal(2, Role(plan, CommitteeRole.EconomicBuyer).Candidates);
        Assert.Empty(Role(plan, CommitteeRole.Blocker).Picks);
        Assert.Single(Role(FillPlanner.Plan(Default, [Verified("Cleo Ciso", "CISO")]), CommitteeRole.Blocker).Picks);
    }
}

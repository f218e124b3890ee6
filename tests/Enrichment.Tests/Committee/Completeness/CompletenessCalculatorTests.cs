using Enrichment.Committee.Completeness;
using Enrichment.Committee.Templates;
using Enrichment.Committee.Titles;
using Enrichment.Verification;

namespace Enrichment.Tests.Committee.Completeness;

public class CompletenessCalculatorTests
{
    private static readonly MemberAddress Good = new("a@acme.test", VerificationStatus.Deliverable, []);

    private static CommitteeTemplate Template(params (CommitteeRole Role, int Wanted, double Weight)[] roles) =>
        new("t", "test", roles.Select(r => new RoleTarget(r.Role, r.Wanted, r.Weight, [])).ToList(), Reachability.Default);

    private static IEnumerable<CommitteeMember> Members(CommitteeRole role, int count, MemberAddress? address = null) =>
        Enumerable.Range(0, count).Select(i => new CommitteeMember($"p{i}", role, address ?? Good));

    // Adobe Journey Optimizer B2B, "Completeness scores", role completeness examples: 3 required (Decision Maker)
    // and 5 required (Influencer); the display rounds to whole percentages (66.67 % shows as 67 %).
    [Theory]
    [InlineData(3, 0, 0.0, 0)]
    [InlineData(3, 1, 1.0 / 3, 33)]
    [InlineData(3, 2, 2.0 / 3, 67)]
    [InlineData(3, 3, 1.0, 100)]
    [InlineData(3, 4, 1.0, 100)]
    [InlineData(5, 0, 0.0, 0)]
    [InlineData(5, 1, 0.2, 20)]
    [InlineData(5, 2, 0.4, 40)]
    [InlineData(5, 3, 0.6, 60)]
    [InlineData(5, 4, 0.8, 80)]
    [InlineData(5, 5, 1.0, 100)]
    [InlineData(5, 6, 1.0, 100)]
    public void Role_IsAssignedOverRequired_CappedAtOne_AdobeExamples(int required, int assigned, double completeness, int percent)
    {
        var result = CompletenessCalculator.Measure(Template((CommitteeRole.EconomicBuyer, required, 1)), Members(CommitteeRole.EconomicBuyer, assigned));

        var role = Assert.Single(result.Roles);
        Assert.Equal(completeness, role.Completeness, 12);
        Assert.Equal(percent, role.Percent);
        Assert.Equal(assigned, role.Reachable);
    }

    [Fact]
    public void Account_IsThePlainMeanOverRoles_WhenWeightsAreEqual_AsAdobeDefinesIt()
    {
        // Decision maker 2 of 3 (66.67 %), influencer 3 of 5 (60 %): (66.67 + 60) / 2 = 63.33 %.
        var template = Template((CommitteeRole.EconomicBuyer, 3, 1), (CommitteeRole.Champion, 5, 1));
        var members = Members(CommitteeRole.EconomicBuyer, 2).Concat(Members(CommitteeRole.Champion, 3));

        var result = CompletenessCalculator.Measure(template, members);

        Assert.Equal(((2.0 / 3) + 0.6) / 2, result.Completeness, 12);
        Assert.Equal(63, result.Percent);
    }

    [Fact]
    public void Account_IsTheWeightedMean_WhenWeightsDiffer()
    {
        var template = Template((CommitteeRole.EconomicBuyer, 1, 3), (CommitteeRole.EndUser, 4, 1));
        var members = Members(CommitteeRole.EconomicBuyer, 1).Concat(Members(CommitteeRole.EndUser, 1));

        var result = CompletenessCalculator.Measure(template, members);

        Assert.Equal(((3 * 1.0) + (1 * 0.25)) / 4, result.Completeness, 12);
    }

    [Fact]
    public void DefaultTemplate_OneOfEveryRole_Is()
    {
        var template = CommitteeTemplates.Load(Path.Combine(AppContext.BaseDirectory, "config", CommitteeTemplates.FileName)).Default;
        var members = new[] { CommitteeRole.EconomicBuyer, CommitteeRole.Champion, CommitteeRole.TechnicalEvaluator, CommitteeRole.EndUser, CommitteeRole.Blocker }
            .SelectMany(r => Members(r, 1));

        var result = CompletenessCalculator.Measure(template, members);

        // 1/1, 1/2, 1/2, 1/3, 1/2 with equal weights.
        Assert.Equal((1 + 0.5 + 0.5 + (1.0 / 3) + 0.5) / 5, result.Completeness, 12);
        Assert.Equal(57, result.Percent);
    }

    public static TheoryData<string, MemberAddress?, bool> Addresses() => new()
    {
        { "deliverable", new MemberAddress("a@x.test", VerificationStatus.Deliverable, []), true },
        { "risky catch_all", new MemberAddress("a@x.test", VerificationStatus.Risky, [Reasons.CatchAll]), true },
        { "risky full inbox", new MemberAddress("a@x.test", VerificationStatus.Risky, [Reasons.FullInbox]), false },
        { "undeliverable", new MemberAddress("a@x.test", VerificationStatus.Undeliverable, [Reasons.MailboxNotFound]), false },
        { "unknown", new MemberAddress("a@x.test", VerificationStatus.Unknown, [Reasons.Timeout]), false },
        { "suppressed", new MemberAddress("a@x.test", VerificationStatus.Deliverable, [], Suppressed: true), false },
        { "erased", new MemberAddress("a@x.test", VerificationStatus.Deliverable, [], Erased: true), false },
        { "no address", null, false },
    };

    [Theory]
    [MemberData(nameof(Addresses))]
    public void Member_CountsOnlyWhenReachable(string why, MemberAddress? address, bool counts)
    {
        var template = Template((CommitteeRole.Blocker, 1, 1));

        var result = CompletenessCalculator.Measure(template, [new CommitteeMember("p", CommitteeRole.Blocker, address)]);

        Assert.True((counts ? 1.0 : 0.0) == result.Completeness, why);
    }

    [Fact]
    public void Members_OfRolesTheTemplateDoesNotName_AreIgnored()
    {
        var template = Template((CommitteeRole.Blocker, 2, 1));

        var result = CompletenessCalculator.Measure(template, Members(CommitteeRole.EndUser, 5).Concat(Members(CommitteeRole.Blocker, 1)));

        Assert.Equal(0.5, result.Completeness, 12);
    }

    [Fact]
    public void Reachability_CanCountRiskyForOtherReasons_WhenATemplateSaysSo()
    {
        var lenient = new Reachability(new HashSet<VerificationStatus> { VerificationStatus.Deliverable }, new HashSet<string> { Reasons.CatchAll, Reasons.FullInbox });

        Assert.True(lenient.IsReachable(VerificationStatus.Risky, [Reasons.FullInbox]));
        Assert.False(Reachability.Default.IsReachable(VerificationStatus.Risky, [Reasons.FullInbox]));
        Assert.False(lenient.IsReachable(VerificationStatus.Risky, [Reasons.Greylisted]));
    }
}

using Enrichment.Committee.Templates;
using Enrichment.Committee.Titles;
using Enrichment.Verification;

namespace Enrichment.Tests.Committee.Templates;

public class CommitteeTemplatesTests
{
    private const string Valid = """
        {
          "default": "t1",
          "templates": [
            { "id": "t1", "name": "One", "roles": { "economic_buyer": { "wanted": 1, "weight": 2 }, "blocker": { "wanted": 2, "departments": ["legal"] } } }
          ]
        }
        """;

    [Fact]
    public void Load_ReadsTheShippedDefault_B2BSoftwareForABusinessTeam()
    {
        var templates = CommitteeTemplates.Load(Path.Combine(AppContext.BaseDirectory, "config", CommitteeTemplates.FileName));

        var t = templates.Default;
        Assert.Equal("B2B software for a business team", t.Name);
        Assert.Equal(
            [(CommitteeRole.EconomicBuyer, 1), (CommitteeRole.Champion, 2), (CommitteeRole.TechnicalEvaluator, 2), (CommitteeRole.EndUser, 3), (CommitteeRole.Blocker, 2)],
            t.Roles.Select(r => (r.Role, r.Wanted)).ToArray());
        Assert.All(t.Roles, r => Assert.Equal(1.0, r.Weight));
        Assert.Equal([VerificationStatus.Deliverable], t.Reachable.Statuses.ToArray());
        Assert.Equal([Reasons.CatchAll], t.Reachable.RiskyReasons.ToArray());
        Assert.Equal(Department.Procurement, t.Target(CommitteeRole.Blocker)!.Departments[0]);
    }

    [Fact]
    public void Parse_DefaultsWeightToOne_AndReachabilityToDeliverableOrCatchAll()
    {
        var t = CommitteeTemplates.Parse(Valid, "t.json").Default;

        Assert.Equal(2.0, t.Target(CommitteeRole.EconomicBuyer)!.Weight);
        Assert.Equal(1.0, t.Target(CommitteeRole.Blocker)!.Weight);
        Assert.Equal([Department.Legal], t.Target(CommitteeRole.Blocker)!.Departments);
        Assert.Same(Reachability.Default, t.Reachable);
        Assert.Null(t.Target(CommitteeRole.Champion));
    }

    [Theory]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "decider": { "wanted": 1 } } } ] }""", "templates[0].roles.decider: unknown role 'decider'")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 0 } } } ] }""", "templates[0].roles.champion.wanted: must be a whole number ≥ 1, got 0")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1.5 } } } ] }""", "templates[0].roles.champion.wanted: must be a whole number ≥ 1, got 1.5")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 2, "weight": -1 } } } ] }""", "templates[0].roles.champion.weight: must be a number > 0, got -1")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 2, "wieght": 2 } } } ] }""", "templates[0].roles.champion.wieght: unknown key")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 2, "departments": ["marketting"] } } } ] }""", "templates[0].roles.champion.departments: unknown department \"marketting\"")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { } } ] }""", "templates[0].roles: names no role")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "roles": { "champion": { "wanted": 1 } } } ] }""", "templates[0].name: must be a non-empty string, got nothing")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1 } }, "reachable": { "statuses": ["deliverable", "valid"] } } ] }""", "templates[0].reachable.statuses: unknown status \"valid\"")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1 } }, "reachable": { "statuses": ["unknown"] } } ] }""", "undeliverable and unknown addresses never count as reachable")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1 } }, "reachable": { "statuses": ["deliverable"], "risky_reasons": ["catchall"] } } ] }""", "templates[0].reachable.risky_reasons: unknown reason \"catchall\"")]
    [InlineData("""{ "default": "t2", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1 } } } ] }""", "default: no template has id 't2' (ids: t1)")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1 } } }, { "id": "t1", "name": "Two", "roles": { "champion": { "wanted": 1 } } } ] }""", "templates[1].id: 't1' is used by an earlier template")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1 } }, "matrix": { "securty": { "vp": "economic_buyer" } } } ] }""", "templates[0].matrix.securty: unknown department 'securty' (departments: executive, finance, it, engineering, security,")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1 } }, "matrix": { "security": { "chief": "economic_buyer" } } } ] }""", "templates[0].matrix.security.chief: unknown seniority 'chief' (seniorities: c_level, vp,")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1 } }, "matrix": { "security": { "vp": "buyer" } } } ] }""", "templates[0].matrix.security.vp: unknown role \"buyer\" (roles: economic_buyer,")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1 } }, "matrix": { "security": { "vp": 1 } } } ] }""", "templates[0].matrix.security.vp: unknown role 1")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1 } }, "matrix": { "hr": { "assistant": "champion" } } } ] }""", "templates[0].matrix.hr.assistant: assistants hold no committee role")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1 } }, "matrix": { "security": "economic_buyer" } } ] }""", "templates[0].matrix.security: must be a non-empty object of seniority → role")]
    [InlineData("""{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 1 } }, "matrix": [] } ] }""", "templates[0].matrix: must be an object of department → { seniority: role }, got array")]
    [InlineData("""{ "templates": [] }""", "templates: must be a non-empty array")]
    [InlineData("""[1, 2]""", "the file must hold an object")]
    public void Parse_NamesTheFileThePlaceAndTheProblem(string json, string expected)
    {
        var ex = Assert.Throws<CommitteeTemplateException>(() => CommitteeTemplates.Parse(json, "config/committee-templates.json"));

        Assert.StartsWith("config/committee-templates.json: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains(expected, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_ReportsEveryProblemAtOnce()
    {
        const string json = """{ "default": "t1", "templates": [ { "id": "t1", "name": "One", "roles": { "champion": { "wanted": 0 }, "blocker": { "wanted": 1, "weight": 0 } } } ] }""";

        var ex = Assert.Throws<CommitteeTemplateException>(() => CommitteeTemplates.Parse(json, "t.json"));

        Assert.Contains("2 problem(s)", ex.Message, StringComparison.Ordinal);
        Assert.Contains("roles.champion.wanted", ex.Message, StringComparison.Ordinal);
        Assert.Contains("roles.blocker.weight", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_NamesTheLine_OfBrokenJson()
    {
        var ex = Assert.Throws<CommitteeTemplateException>(() => CommitteeTemplates.Parse("{\n  \"default\": \"t1\",\n  \"templates\": [ {\n}", "t.json"));

        Assert.Contains("t.json: not valid JSON at line 4", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_NamesTheFile_WhenItIsMissing()
    {
        var ex = Assert.Throws<CommitteeTemplateException>(() => CommitteeTemplates.Load("/nonexistent/committee-templates.json"));

        Assert.StartsWith("/nonexistent/committee-templates.json: cannot read", ex.Message, StringComparison.Ordinal);
    }

    private const string SecurityProduct = """
        {
          "default": "sec",
          "templates": [
            {
              "id": "sec", "name": "Security product",
              "roles": { "economic_buyer": { "wanted": 1 }, "champion": { "wanted": 1 }, "blocker": { "wanted": 1 } },
              "matrix": {
                "security": { "c_level": "economic_buyer", "vp": "economic_buyer", "director": "champion", "manager": "champion" },
                "security_governance": { "manager": "champion" },
                "legal": { "ic": "none" }
              }
            }
          ]
        }
        """;

    [Theory]
    [InlineData("CISO", "economic_buyer")]                  // matrix: blocker; the template: the buyer
    [InlineData("Director of Security Operations", "champion")] // matrix: technical_evaluator
    [InlineData("GRC Manager", "champion")]                 // security governance has its own rows
    [InlineData("GRC Analyst", "blocker")]                  // a cell the template leaves alone
    [InlineData("Security Engineer", "technical_evaluator")]
    [InlineData("Paralegal", "none")]
    [InlineData("Legal Counsel", "none")]
    [InlineData("Head of Legal", "blocker")]
    [InlineData("Executive Assistant to the CISO", "none")] // assistants never hold a role
    [InlineData("Security Intern", "none")]
    [InlineData("VP Marketing", "economic_buyer")]
    public void Matrix_OverridesTheRoleMatrix_ForTheCellsItNames(string title, string expected)
    {
        var template = CommitteeTemplates.Parse(SecurityProduct, "t.json").Default;

        Assert.Equal(expected, template.RoleOf(TitleClassifier.Classify(title)).Name());
    }

    [Fact]
    public void Matrix_IsAbsent_WhenTheTemplateNamesNone_AndRolesFollowCommitteeMd()
    {
        var template = CommitteeTemplates.Parse(Valid, "t.json").Default;

        Assert.Null(template.Matrix);
        Assert.Equal(CommitteeRole.Blocker, template.RoleOf(TitleClassifier.Classify("CISO")));
    }

    [Fact]
    public void Load_ReadsTheShippedSecurityProductTemplate_WhereSecurityBuys()
    {
        var templates = CommitteeTemplates.Load(Path.Combine(AppContext.BaseDirectory, "config", CommitteeTemplates.FileName));
        var security = templates.Find("security-product")!;

        Assert.Equal(CommitteeRole.EconomicBuyer, security.RoleOf(TitleClassifier.Classify("CISO")));
        Assert.Equal(CommitteeRole.Champion, security.RoleOf(TitleClassifier.Classify("GRC Manager")));
        Assert.Equal(CommitteeRole.Blocker, security.RoleOf(TitleClassifier.Classify("Procurement Manager")));
        Assert.Equal(CommitteeRole.Blocker, templates.Default.RoleOf(TitleClassifier.Classify("CISO")));
    }
}

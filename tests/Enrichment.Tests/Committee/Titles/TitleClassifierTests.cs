using Enrichment.Committee.Titles;

namespace Enrichment.Tests.Committee.Titles;

public class TitleClassifierTests
{
    /// <summary>title-cases.tsv: the rules of COMMITTEE.md as cases in nine languages, with noise.</summary>
    public static TheoryData<string, string, string, string> Cases()
    {
        var data = new TheoryData<string, string, string, string>();
        var path = Path.Combine(AppContext.BaseDirectory, "Committee", "Titles", "title-cases.tsv");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in File.ReadLines(path).Where(l => !l.StartsWith('#') && l.Length > 0 && seen.Add(l)))
        {
            var f = line.Split('\t');
            data.Add(f[0], f[1], f[2], f[3]);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Classify_ReadsSeniorityDepartmentAndRole(string title, string seniority, string department, string role)
    {
        var got = TitleClassifier.Classify(title);

        Assert.Equal($"{seniority}/{department}/{role}", $"{got.Seniority.Name()}/{got.Department.Name()}/{got.Role.Name()}");
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("🙂🙂")]
    [InlineData("n/a")]
    public void Classify_IsUnknownOtherNone_WhenTheTitleSaysNothing(string? title)
    {
        Assert.Equal(new TitleClassification(Seniority.Unknown, Department.Other, CommitteeRole.None), TitleClassifier.Classify(title));
    }

    [Fact]
    public void Classify_MarksGovernanceAndTrainees()
    {
        Assert.True(TitleClassifier.Classify("GRC Analyst").Governance);
        Assert.False(TitleClassifier.Classify("Security Engineer").Governance);
        Assert.True(TitleClassifier.Classify("Werkstudent Vertrieb").Trainee);
        Assert.False(TitleClassifier.Classify("Vertriebsmitarbeiter").Trainee);
    }

    [Theory]
    [InlineData("Geschäftsführer", "Geschaftsfuhrer", "GESCHÄFTSFÜHRER", "Geschaeftsfuehrer")]
    [InlineData("Directeur Général", "Directeur General", "directeur général", "DIRECTEUR GENERAL")]
    [InlineData("Dyrektor Zarządzający", "Dyrektor Zarzadzajacy", "DYREKTOR ZARZĄDZAJĄCY", "dyrektor zarzadzajacy")]
    [InlineData("Inköpschef", "Inkopschef", "INKÖPSCHEF", "Inkoepschef")]
    public void Classify_IgnoresCaseAndAccents(string a, string b, string c, string d)
    {
        var expected = TitleClassifier.Classify(a);
        Assert.NotEqual(Seniority.Unknown, expected.Seniority);
        Assert.Equal(expected, TitleClassifier.Classify(b));
        Assert.Equal(expected, TitleClassifier.Classify(c));
        Assert.Equal(expected, TitleClassifier.Classify(d));
    }

    [Theory]
    [InlineData(Seniority.CLevel, Department.Finance, false, false, CommitteeRole.EconomicBuyer)]
    [InlineData(Seniority.Director, Department.Marketing, false, false, CommitteeRole.Champion)]
    [InlineData(Seniority.SeniorIc, Department.Sales, false, false, CommitteeRole.EndUser)]
    [InlineData(Seniority.Manager, Department.It, false, false, CommitteeRole.TechnicalEvaluator)]
    [InlineData(Seniority.Vp, Department.Data, false, false, CommitteeRole.EconomicBuyer)]
    [InlineData(Seniority.Vp, Department.Security, false, false, CommitteeRole.Blocker)]
    [InlineData(Seniority.Ic, Department.Security, false, false, CommitteeRole.TechnicalEvaluator)]
    [InlineData(Seniority.Ic, Department.Security, true, false, CommitteeRole.Blocker)]
    [InlineData(Seniority.Unknown, Department.Security, true, false, CommitteeRole.Blocker)]
    [InlineData(Seniority.Unknown, Department.Legal, false, false, CommitteeRole.Blocker)]
    [InlineData(Seniority.Assistant, Department.Procurement, false, false, CommitteeRole.None)]
    [InlineData(Seniority.Ic, Department.Finance, false, true, CommitteeRole.None)]
    [InlineData(Seniority.CLevel, Department.Other, false, false, CommitteeRole.None)]
    [InlineData(Seniority.Unknown, Department.Marketing, false, false, CommitteeRole.None)]
    public void RoleMatrix_FollowsCommitteeMd(Seniority seniority, Department department, bool governance, bool trainee, CommitteeRole role)
    {
        Assert.Equal(role, RoleMatrix.Role(seniority, department, governance, trainee));
    }
}

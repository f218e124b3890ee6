using Enrichment.Service.Accounts;
using Enrichment.Storage.Accounts;

namespace Enrichment.Service.Tests.Pure;

public sealed class CommitteeCsvTests
{
    [Fact]
    public void Rows_OneAMember_WithRoleAndVerdict_AndFormulasGuarded()
    {
        var account = new AccountRecord { Id = 7, Domain = "acme.test", Name = "=HYPERLINK(\"http://x\")", Tier = "1", Missing = [], FillState = "done" };
        var view = new CommitteeView(7, "acme.test", "t", 0.5, 50, [],
        [
            new CommitteeView.MemberView("+Eve, Evil", "@CFO", "c_level", "finance", "economic_buyer", "eve@acme.test", "deliverable", 2, ["smtp_ok"], false, true, "contact:list:1"),
            new CommitteeView.MemberView("Pat Procure", "Procurement Manager", "manager", "procurement", "blocker", null, "not_found", null, [], false, false, "upload:list:2"),
        ], []);

        var rows = CommitteeCsv.Rows(account, view).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal(2, rows.Length);
        Assert.Equal("7,acme.test,\"'=HYPERLINK(\"\"http://x\"\")\",1,50,economic_buyer,\"'+Eve, Evil\",'@CFO,c_level,finance,eve@acme.test,deliverable,2,smtp_ok,true,false,contact:list:1", rows[0]);
        Assert.Equal("7,acme.test,\"'=HYPERLINK(\"\"http://x\"\")\",1,50,blocker,Pat Procure,Procurement Manager,manager,procurement,,not_found,,,false,false,upload:list:2", rows[1]);
        Assert.Equal(CommitteeCsv.Header.TrimEnd().Split(',').Length, rows[1].Split(',').Length);
    }
}

using System.Globalization;
using System.Text;
using Enrichment.Service.Lists;
using Enrichment.Storage.Accounts;

namespace Enrichment.Service.Accounts;

/// <summary>
/// The committee export: one row per member with account, role and verdict; every cell through the lists' formula
/// guard (<see cref="CsvCell"/>), since names and titles come from uploads and providers.
/// </summary>
public static class CommitteeCsv
{
    public const string Header = "account_id,account_domain,account_name,tier,completeness,role,name,title,seniority,department,email,status,risk,reasons,counts,suppressed,source\r\n";

    public static string Rows(AccountRecord account, CommitteeView view)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(view);
        var text = new StringBuilder();
        foreach (var m in view.Members)
        {
            string?[] cells =
            [
                account.Id.ToString(CultureInfo.InvariantCulture), account.Domain, account.Name, account.Tier,
                view.Percent.ToString(CultureInfo.InvariantCulture), m.Role, m.Name, m.Title, m.Seniority, m.Department, m.Email,
                m.Status, m.Risk?.ToString(CultureInfo.InvariantCulture), string.Join('|', m.Reasons), m.Counts ? "true" : "false",
                m.Suppressed ? "true" : "false", m.Source,
            ];
            for (var i = 0; i < cells.Length; i++)
            {
                if (i > 0)
                    text.Append(',');
                CsvCell.Append(text, cells[i]);
            }

            text.Append("\r\n");
        }

        return text.ToString();
    }
}

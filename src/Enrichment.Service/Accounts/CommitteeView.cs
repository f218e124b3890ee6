using Enrichment.Committee.Completeness;
using Enrichment.Committee.Templates;
using Enrichment.Committee.Titles;
using Enrichment.Storage.Accounts;
using Enrichment.Verification;

namespace Enrichment.Service.Accounts;

/// <summary>
/// An account's committee as the API, the dashboard and the export show it: per role wanted, filled (reachable
/// members) and completeness; the members with their verdicts. Completeness is Core's calculator over the live
/// verdicts: a member whose address is undeliverable, unknown, missing or suppressed does not count.
/// </summary>
public sealed record CommitteeView(
    long AccountId,
    string Domain,
    string Template,
    double Completeness,
    int Percent,
    IReadOnlyList<CommitteeView.RoleView> Roles,
    IReadOnlyList<CommitteeView.MemberView> Members,
    IReadOnlyList<string> Missing)
{
    public sealed record RoleView(string Role, int Wanted, int Filled, double Weight, double Completeness, int Percent);

    public sealed record MemberView(
        string Name, string? Title, string Seniority, string Department, string Role, string? Email, string Status,
        int? Risk, IReadOnlyList<string> Reasons, bool Suppressed, bool Counts, string Source);

    public static CommitteeView Build(AccountRecord account, CommitteeTemplate template, IReadOnlyList<StoredMember> members)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(template);
        ArgumentNullException.ThrowIfNull(members);
        var views = new List<MemberView>(members.Count);
        var committee = new List<CommitteeMember>(members.Count);
        foreach (var m in members)
        {
            var status = ParseStatus(m.Status);
            var reasons = m.Reasons ?? [];
            var counts = m.Email is not null && status is { } s && template.Reachable.IsReachable(s, reasons, m.Suppressed);
            views.Add(new MemberView(m.Name, m.Title, m.Seniority, m.Department, m.Role, m.Email,
                m.Email is null ? "not_found" : m.Status ?? "unverified", m.Risk, reasons, m.Suppressed, counts, m.Source));
            if (TitleNames.TryParseRole(m.Role, out var role))
            {
                committee.Add(new CommitteeMember(m.Name, role,
                    m.Email is not null && status is { } st ? new MemberAddress(m.Email, st, reasons, m.Suppressed) : null));
            }
        }

        var measured = CompletenessCalculator.Measure(template, committee);
        var roles = measured.Roles.Select(r => new RoleView(r.Role.Name(), r.Wanted, r.Reachable, r.Weight, r.Completeness, r.Percent)).ToList();
        return new CommitteeView(account.Id, account.Domain, template.Id, measured.Completeness, measured.Percent, roles, views, account.Missing);
    }

    public static VerificationStatus? ParseStatus(string? status) => status switch
    {
        "deliverable" => VerificationStatus.Deliverable,
        "risky" => VerificationStatus.Risky,
        "undeliverable" => VerificationStatus.Undeliverable,
        "unknown" => VerificationStatus.Unknown,
        _ => null,
    };
}

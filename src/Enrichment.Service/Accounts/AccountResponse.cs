using Enrichment.Storage.Accounts;

namespace Enrichment.Service.Accounts;

/// <summary>An account as the API shows it; completeness as a fraction (0–1) and as Adobe's whole percentage.</summary>
public sealed record AccountResponse(
    long Id, string Domain, string? Name, string? Tier, string? Template, double Completeness, int Percent,
    IReadOnlyList<string> Missing, string FillState, DateTime? FilledAt)
{
    public static AccountResponse From(AccountRecord a)
    {
        ArgumentNullException.ThrowIfNull(a);
        return new(a.Id, a.Domain, a.Name, a.Tier, a.Template, a.Completeness,
            (int)Math.Round(a.Completeness * 100, MidpointRounding.AwayFromZero), a.Missing, a.FillState, a.FilledAt);
    }
}

using Enrichment.Committee.Titles;

namespace Enrichment.Committee.Fill;

/// <summary>
/// Whether a fill goes another round. A round finds and verifies addresses for the picks that need them; when it
/// leaves roles short (an address not found, a mailbox that bounces) and the domain has candidates not yet worked on,
/// the next round works on those — at most <see cref="MaxRounds"/> rounds, so a domain with many unreachable people
/// costs a bounded number of SMTP sessions. Pure.
/// </summary>
public static class FillRounds
{
    public const int MaxRounds = 2;

    /// <param name="plan">The plan made after the last round, with the people worked on so far set aside.</param>
    /// <param name="tried">Everyone worked on so far (<see cref="FillPlanner.KeyOf"/>).</param>
    /// <param name="round">The rounds done.</param>
    /// <returns>The picks of short roles that need work and were not worked on yet; empty: stop.</returns>
    public static IReadOnlyList<PlannedMember> NextWork(FillPlan plan, IReadOnlySet<string> tried, int round)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(tried);
        if (round >= MaxRounds)
        {
            return [];
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        return plan.Roles
            .Where(r => r.Reachable < r.Wanted)
            .SelectMany(r => r.Picks)
            .Where(p => p.Action != MemberAction.None && !tried.Contains(FillPlanner.KeyOf(p.Person.Name)) && seen.Add(FillPlanner.KeyOf(p.Person.Name)))
            .ToList();
    }

    /// <summary>The roles a round left short, for the log: "technical_evaluator 1/2".</summary>
    public static string ShortRoles(FillPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return string.Join(", ", plan.Roles.Where(r => r.Reachable < r.Wanted).Select(r => $"{r.Role.Name()} {r.Reachable}/{r.Wanted}"));
    }
}

using System.Globalization;
using System.Text.RegularExpressions;
using Enrichment.Verification.Smtp;

namespace Enrichment.Verification.Probing;

/// <summary>When to ask 4xx recipients again: a pure function of the attempt, the replies and the policy.</summary>
public static partial class GreylistSchedule
{
    /// <summary>
    /// The earliest time to ask again after attempt <paramref name="attempt"/> (0 = first ask) got the transient
    /// <paramref name="replies"/>, or null when the policy has no retry left. The longest "try again in N seconds"
    /// hint among the replies wins over the schedule (capped by <see cref="VerificationPolicy.MaxHintedWait"/>).
    /// </summary>
    public static DateTimeOffset? NextAttempt(VerificationPolicy policy, int attempt, IEnumerable<SmtpReply?> replies, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(policy);
        ArgumentNullException.ThrowIfNull(replies);
        if (attempt < 0 || attempt >= policy.RetrySchedule.Count)
        {
            return null;
        }

        var hints = replies.Select(r => r is null ? null : Hint(r.Text)).Where(h => h is not null).Select(h => h!.Value).ToList();
        var wait = hints.Count > 0 ? TimeSpan.FromTicks(Math.Min(hints.Max().Ticks, policy.MaxHintedWait.Ticks)) : policy.RetrySchedule[attempt];
        return now + wait;
    }

    /// <summary>"try again in 60 seconds", "retry in 5 minutes", "please wait 300s": the wait a server asks for.</summary>
    public static TimeSpan? Hint(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var match = HintPattern().Match(text);
        if (!match.Success || !int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n))
        {
            return null;
        }

        var unit = match.Groups["unit"].Value.ToLowerInvariant();
        return unit.StartsWith('m') ? TimeSpan.FromMinutes(n) : TimeSpan.FromSeconds(n);
    }

    [GeneratedRegex(@"(?:try\s+again|retry|wait)\D{0,20}?(?<n>\d{1,6})\s*(?<unit>seconds?|secs?|s|minutes?|mins?|m)\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HintPattern();
}

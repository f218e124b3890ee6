using System.Globalization;

namespace Enrichment.Service.Contacts;

/// <summary>Ages as the API writes them: a whole number and a unit, "30d", "12h", "90m", "2w" (pure).</summary>
public static class AgeText
{
    public const string Expected = "a whole number followed by m, h, d or w (e.g. 30d, 12h)";

    public static TimeSpan? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < 2)
            return null;
        var t = text.Trim();
        if (!int.TryParse(t.AsSpan(0, t.Length - 1), NumberStyles.None, CultureInfo.InvariantCulture, out var n) || n <= 0 || n > 100_000)
            return null;
        return char.ToLowerInvariant(t[^1]) switch
        {
            'm' => TimeSpan.FromMinutes(n),
            'h' => TimeSpan.FromHours(n),
            'd' => TimeSpan.FromDays(n),
            'w' => TimeSpan.FromDays(7 * n),
            _ => null,
        };
    }

    /// <summary>The shortest exact text of an age ("30d", "36h"), for responses.</summary>
    public static string Format(TimeSpan age) =>
        age.Ticks % TimeSpan.TicksPerDay == 0 ? $"{(long)age.TotalDays}d"
        : age.Ticks % TimeSpan.TicksPerHour == 0 ? $"{(long)age.TotalHours}h"
        : $"{(long)Math.Ceiling(age.TotalMinutes)}m";
}

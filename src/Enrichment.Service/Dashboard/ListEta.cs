using System.Globalization;
using Enrichment.Service.Lists;
using Enrichment.Storage.Lists;

namespace Enrichment.Service.Dashboard;

/// <summary>What a person wants to know about a list's time (pure): time left, the retry it waits for, or how long it took.</summary>
public static class ListEta
{
    public static string Describe(ListRecord list, ListProgress progress, DateTime? nextRetryAt, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(progress);
        switch (list.State)
        {
            case ListStates.Importing:
                return "importing";
            case ListStates.Queued:
                return "queued, not started";
            case ListStates.Complete when list.StartedAt is { } started && list.CompletedAt is { } completed:
                return "done in " + Duration((completed - started).TotalSeconds);
            case ListStates.Complete:
                return "done";
            case ListStates.Failed:
                return "failed";
            case ListStates.Cancelled:
                return "cancelled";
        }

        if (list.State == ListStates.WaitingRetry && nextRetryAt is { } retry)
            return "waiting for greylisting retry until " + Clock(retry, now);
        var left = progress.EtaSeconds is { } eta ? "about " + Duration(eta) + " left" : "estimating";
        return nextRetryAt is { } next ? $"{left}; greylisted domains retry from {Clock(next, now)}" : left;
    }

    /// <summary>Rows per second: the running rate, or the average over the whole run once the list is complete.</summary>
    public static double? RowsPerSecond(ListRecord list, ListProgress progress)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(progress);
        if (progress.RowsPerSecond is { } rate)
            return rate;
        if (list.State != ListStates.Complete || list.StartedAt is not { } started || list.CompletedAt is not { } completed)
            return null;
        var seconds = (completed - started).TotalSeconds;
        return seconds > 0 ? Math.Round(list.RowsSettled / seconds, 1) : null;
    }

    /// <summary>"14:32 UTC" today, "Dec 2 14:32 UTC" another day.</summary>
    public static string Clock(DateTime utc, DateTimeOffset now)
    {
        var at = DateTime.SpecifyKind(utc, DateTimeKind.Utc);
        var format = at.Date == now.UtcDateTime.Date ? "HH:mm" : "MMM d HH:mm";
        return at.ToString(format, CultureInfo.InvariantCulture) + " UTC";
    }

    /// <summary>"45 s", "12 min", "3 h 5 min".</summary>
    public static string Duration(double seconds)
    {
        if (seconds < 90)
            return $"{Math.Max(0, Math.Round(seconds)):0} s";
        if (seconds < 90 * 60)
            return $"{Math.Round(seconds / 60):0} min";
        var span = TimeSpan.FromSeconds(seconds);
        return $"{(int)span.TotalHours} h {span.Minutes} min";
    }
}

using Enrichment.Storage.Lists;

namespace Enrichment.Service.Lists;

/// <summary>How far a running list is: settled share, rows per second since it started, and the time left at that rate.</summary>
public sealed record ListProgress(double Percent, double? RowsPerSecond, double? EtaSeconds)
{
    /// <summary>Pure: from the counters and the clock.</summary>
    public static ListProgress Of(ListRecord list, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(list);
        var toSettle = list.RowsToSettle;
        var percent = toSettle <= 0 ? 100 : Math.Round(100.0 * list.RowsSettled / toSettle, 1);
        if (list.StartedAt is not { } started || ListStates.IsFinal(list.State))
            return new ListProgress(ListStates.IsFinal(list.State) && list.State == ListStates.Complete ? 100 : percent, null, null);
        var elapsed = (now.UtcDateTime - DateTime.SpecifyKind(started, DateTimeKind.Utc)).TotalSeconds;
        if (elapsed <= 0 || list.RowsSettled == 0)
            return new ListProgress(percent, null, null);
        var rate = list.RowsSettled / elapsed;
        return new ListProgress(percent, Math.Round(rate, 1), Math.Round((toSettle - list.RowsSettled) / rate, 0));
    }
}

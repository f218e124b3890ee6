using Enrichment.Service.Jobs;
using Enrichment.Service.Lists;
using Enrichment.Storage.Dashboard;
using Enrichment.Storage.Lists;
using Hangfire;

namespace Enrichment.Service.Dashboard;

/// <summary>What an admin can do to a list from its page, and the downloads.</summary>
public static class ListActions
{
    public static async Task<IResult> CancelAsync(long id, ListStore lists, CancellationToken ct)
    {
        // A list that already ended stays as it is; the page shows its state either way.
        await lists.CancelAsync(id, ct);
        return Results.Redirect(OpsRoutes.List(id));
    }

    /// <summary>The unknown rows (DNS or SMTP failures) of a finished list, verified again as a new list.</summary>
    public static async Task<IResult> RetryFailedAsync(long id, ListStore lists, DashboardStore dashboard, IBackgroundJobClient jobs, CancellationToken ct)
    {
        var list = await lists.GetAsync(id, ct);
        if (list is null || !ListStates.IsFinal(list.State))
            return Results.Redirect(OpsRoutes.List(id));
        var retryId = await dashboard.CopyUnknownRowsAsync(id, $"{list.Name} (retry of unknown rows from list {id})", ct);
        if (retryId is not { } newId)
            return Results.Redirect(OpsRoutes.List(id));
        var report = System.Text.Json.JsonSerializer.Serialize(new { source = $"list {id}: rows with an unknown verdict", rows_read = list.CountUnknown, imported = list.CountUnknown });
        await lists.FinishImportAsync(newId, list.Header, report, ct);
        jobs.Enqueue<PlanListJob>(job => job.RunAsync(newId, CancellationToken.None));
        return Results.Redirect(OpsRoutes.List(newId));
    }

    public static async Task<IResult> DownloadAsync(long id, string? segment, HttpContext http, ListStore lists, ListRowStore rows)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        var list = await lists.GetAsync(id, ct);
        if (list is null)
            return Results.NotFound();
        if (ListEndpoints.ParseSegment(segment) is not { } chosen)
            return Results.Text($"Unknown segment \"{segment}\" (all, deliverable, deliverable_risky, undeliverable, unknown, rejected).", statusCode: StatusCodes.Status400BadRequest);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"list-{id}-{segment ?? "all"}.csv\"";
        await ResultsWriter.WriteCsvAsync(http.Response.Body, list.Header, rows.ResultsAsync(id, chosen, ct), ct);
        return Results.Empty;
    }
}

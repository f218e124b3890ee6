using Enrichment.Service.Lists;
using Enrichment.Storage.Dashboard;
using Enrichment.Storage.Lists;

namespace Enrichment.Service.Dashboard;

/// <summary>Every list, newest first: state, progress, counts, rate, time left, bounce estimate. Reads counters only.</summary>
public static class ListsPage
{
    public const int Shown = 200;

    public static async Task<IResult> GetAsync(OpsLayout layout, ListStore lists, DashboardStore dashboard, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var recent = await lists.RecentAsync(Shown, null, ct);
        var facts = await dashboard.LiveFactsAsync([.. recent.Select(l => l.Id)], ct);
        var now = time.GetUtcNow();
        var body = new Html();
        if (recent.Count == 0)
        {
            body.Raw("<p>No lists yet.").Raw(layout.IsAdmin ? $" <a class=\"btn btn-primary\" href=\"{OpsRoutes.Upload}\">Upload a list</a>" : "").Raw("</p>");
            return layout.Page("Lists", "lists", body.ToString());
        }

        body.Raw("<p class=\"muted\">Newest first. Counts are rows; the bounce estimate is the expected bounce rate of the deliverable + risky rows.</p>");
        body.Raw(Legend);
        body.Raw("<table><thead><tr><th>#</th><th>Name</th><th>State</th><th>Progress</th><th class=\"num\">Rows</th>")
            .Raw("<th class=\"num\">Deliverable</th><th class=\"num\">Risky</th><th class=\"num\">Undeliverable</th><th class=\"num\">Unknown</th>")
            .Raw("<th class=\"num\">Not found</th><th class=\"num\">Rejected</th><th class=\"num\">Rate</th><th>Time</th><th class=\"num\">Bounce est.</th><th>Uploaded</th></tr></thead><tbody>");
        foreach (var list in recent)
        {
            var progress = ListProgress.Of(list, now);
            var fact = facts.GetValueOrDefault(list.Id);
            body.Raw("<tr><td>").Number(list.Id).Raw($"</td><td><a href=\"{OpsRoutes.List(list.Id)}\">").Text(list.Name).Raw("</a>");
            if (list.FileName is { } file && file != list.Name)
                body.Raw("<br><small class=\"muted\">").Text(file).Raw("</small>");
            body.Raw("</td><td>").Raw(StateLabel(list.State)).Raw("</td><td>").Raw(ProgressBar(list))
                .Raw("<small>").Raw(Html.Css(progress.Percent)).Raw("% settled</small></td>")
                .Raw("<td class=\"num\">").Number(list.RowsTotal).Raw("</td>")
                .Raw("<td class=\"num\">").Number(list.CountDeliverable).Raw("</td>")
                .Raw("<td class=\"num\">").Number(list.CountRisky).Raw("</td>")
                .Raw("<td class=\"num\">").Number(list.CountUndeliverable).Raw("</td>")
                .Raw("<td class=\"num\">").Number(list.CountUnknown).Raw("</td>")
                .Raw("<td class=\"num\">").Number(list.CountNotFound).Raw("</td>")
                .Raw("<td class=\"num\">").Number(list.RowsRejected).Raw("</td>")
                .Raw("<td class=\"num\">").Text(ListEta.RowsPerSecond(list, progress) is { } rate ? $"{Html.Css(rate)} rows/s" : "–").Raw("</td>")
                .Raw("<td>").Text(ListEta.Describe(list, progress, fact?.NextRetryAt, now)).Raw("</td>")
                .Raw("<td class=\"num\">").Text(fact?.BounceEstimate is { } bounce ? Html.Percent(bounce) : "–").Raw("</td>")
                .Raw("<td>").Text(ListEta.Clock(list.CreatedAt, now)).Raw("</td></tr>");
        }

        body.Raw("</tbody></table>");
        var running = recent.Any(l => !ListStates.IsFinal(l.State));
        return layout.Page("Lists", "lists", body.ToString(), refreshSeconds: running ? 5 : null);
    }

    public static string StateLabel(string state) =>
        $"<span class=\"label s-{Html.Encode(state)}\">{Html.Encode(state.Replace('_', ' '))}</span>";

    /// <summary>A stacked bar of the list's rows by verdict, the unsettled part grey.</summary>
    public static string ProgressBar(ListRecord list)
    {
        ArgumentNullException.ThrowIfNull(list);
        var total = Math.Max(1, list.RowsToSettle);
        var parts = new (string Css, int Rows)[]
        {
            ("deliverable", list.CountDeliverable), ("risky", list.CountRisky), ("undeliverable", list.CountUndeliverable),
            ("unknown", list.CountUnknown), ("not_found", list.CountNotFound),
        };
        var html = new Html().Raw("<div class=\"progress\" title=\"").Number(list.RowsSettled).Raw(" of ").Number(list.RowsToSettle).Raw(" rows settled\">");
        foreach (var (css, rows) in parts.Where(p => p.Rows > 0))
            html.Raw($"<span class=\"bar-{css}\" style=\"width:{Html.Css(100.0 * rows / total)}%\"></span>");
        return html.Raw("</div>").ToString();
    }

    public const string Legend = "<p class=\"legend\"><span><i class=\"bar-deliverable\"></i>deliverable</span><span><i class=\"bar-risky\"></i>risky</span>" +
        "<span><i class=\"bar-undeliverable\"></i>undeliverable</span><span><i class=\"bar-unknown\"></i>unknown</span>" +
        "<span><i class=\"bar-not_found\"></i>not found</span><span><i class=\"bar-pending\"></i>not yet verified</span></p>";
}

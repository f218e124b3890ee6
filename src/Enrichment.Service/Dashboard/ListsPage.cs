using Enrichment.Service.Lists;
using Enrichment.Storage.Dashboard;
using Enrichment.Storage.Lists;

namespace Enrichment.Service.Dashboard;

/// <summary>
/// Every list, newest first, a page at a time (keyset by id), searchable by name or file name and filterable by state:
/// state, progress, counts, rate, time left, bounce estimate. Reads counters only.
/// </summary>
public static class ListsPage
{
    public const int PageSize = 50;

    static readonly string[] States =
        [ListStates.Importing, ListStates.Queued, ListStates.Running, ListStates.WaitingRetry, ListStates.Complete, ListStates.Failed, ListStates.Cancelled];

    public static async Task<IResult> GetAsync(string? search, string? state, long? before, long? after,
        OpsLayout layout, ListStore lists, DashboardStore dashboard, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(lists);
        ArgumentNullException.ThrowIfNull(dashboard);
        ArgumentNullException.ThrowIfNull(time);
        search = string.IsNullOrWhiteSpace(search) ? null : search.Trim();
        var body = new Html();
        if (state is { Length: > 0 } && !States.Contains(state))
        {
            body.Raw("<div class=\"alert alert-danger\">Unknown state \"").Text(state).Raw("\": showing every state.</div>");
            state = null;
        }

        state = state is { Length: > 0 } ? state : null;
        var (page, more) = await lists.PageAsync(new ListQuery(search, state, after is null ? before : null, after, PageSize), ct);
        var facts = await dashboard.LiveFactsAsync([.. page.Select(l => l.Id)], ct);
        var now = time.GetUtcNow();
        Filters(body, search, state);
        if (page.Count == 0)
        {
            if (search is null && state is null && before is null && after is null)
                body.Raw("<p>No lists yet.").Raw(layout.IsAdmin ? $" <a class=\"btn btn-primary\" href=\"{OpsRoutes.Upload}\">Upload a list</a>" : "").Raw("</p>");
            else
                body.Raw($"<p>No list matches. <a href=\"{OpsRoutes.Lists}\">Show all lists</a></p>");
            return layout.Page("Lists", "lists", body.ToString());
        }

        body.Raw("<p class=\"muted\">Newest first. Counts are rows; the bounce estimate is the expected bounce rate of the deliverable + risky rows.</p>");
        body.Raw(Legend);
        body.Raw("<div ").Raw(OpsLayout.LivePart("lists-table")).Raw(">");
        body.Raw("<table><caption class=\"muted\" style=\"text-align:left\">").Text(Caption(page, search, state)).Raw("</caption>")
            .Raw("<thead><tr><th scope=\"col\">#</th><th scope=\"col\">Name</th><th scope=\"col\">State</th><th scope=\"col\">Progress</th><th scope=\"col\" class=\"num\">Rows</th>")
            .Raw("<th scope=\"col\" class=\"num\">Deliverable</th><th scope=\"col\" class=\"num\">Risky</th><th scope=\"col\" class=\"num\">Undeliverable</th><th scope=\"col\" class=\"num\">Unknown</th>")
            .Raw("<th scope=\"col\" class=\"num\">Not found</th><th scope=\"col\" class=\"num\">Rejected</th><th scope=\"col\" class=\"num\">Rate</th><th scope=\"col\">Time</th><th scope=\"col\" class=\"num\">Bounce est.</th><th scope=\"col\">Uploaded</th></tr></thead><tbody>");
        foreach (var list in page)
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

        body.Raw("</tbody></table></div>");
        Pager(body, page, more, search, state, before, after);
        var running = page.Any(l => !ListStates.IsFinal(l.State));
        return layout.Page("Lists", "lists", body.ToString(), refreshSeconds: running ? 3 : null);
    }

    static void Filters(Html body, string? search, string? state)
    {
        body.Raw($"<form class=\"filters\" method=\"get\" action=\"{OpsRoutes.Lists}\" role=\"search\">")
            .Raw("<div><label for=\"search\">Name or file contains</label><input id=\"search\" type=\"search\" name=\"search\" maxlength=\"200\" value=\"").Text(search).Raw("\"></div>")
            .Raw("<div><label for=\"state\">State</label><select id=\"state\" name=\"state\"><option value=\"\">any state</option>");
        foreach (var s in States)
            body.Raw("<option value=\"").Raw(s).Raw(s == state ? "\" selected>" : "\">").Text(s.Replace('_', ' ')).Raw("</option>");
        body.Raw("</select></div><div><button class=\"btn\" type=\"submit\">Search</button>");
        if (search is not null || state is not null)
            body.Raw($" <a class=\"btn btn-link\" href=\"{OpsRoutes.Lists}\">Clear</a>");
        body.Raw("</div></form>");
    }

    static string Caption(IReadOnlyList<ListRecord> page, string? search, string? state) =>
        $"Showing lists #{Html.N(page[0].Id)} down to #{Html.N(page[^1].Id)}" + (search is null ? "" : $" whose name or file contains \"{search}\"") +
        (state is null ? "" : $", state {state.Replace('_', ' ')}");

    /// <summary>Newest / newer / older links: keyset by id, the filters carried along.</summary>
    static void Pager(Html body, IReadOnlyList<ListRecord> page, bool more, string? search, string? state, long? before, long? after)
    {
        var filters = (search is null ? "" : "&search=" + Uri.EscapeDataString(search)) + (state is null ? "" : "&state=" + state);
        var readingNewer = after is not null;
        var hasNewer = readingNewer ? more : before is not null;
        var hasOlder = readingNewer || more;
        body.Raw("<nav class=\"pager\" aria-label=\"Pages of lists\"><p>");
        if (hasNewer)
        {
            body.Raw($"<a class=\"btn btn-sm\" href=\"{OpsRoutes.Lists}?{filters.TrimStart('&')}\">Newest</a> ")
                .Raw($"<a class=\"btn btn-sm\" rel=\"prev\" href=\"{OpsRoutes.Lists}?after={page[0].Id}{filters}\">← Newer</a> ");
        }

        if (hasOlder)
            body.Raw($"<a class=\"btn btn-sm\" rel=\"next\" href=\"{OpsRoutes.Lists}?before={page[^1].Id}{filters}\">Older →</a>");
        body.Raw("</p></nav>");
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
        var html = new Html().Raw("<div class=\"progress\" role=\"img\" aria-label=\"").Number(list.RowsSettled).Raw(" of ").Number(list.RowsToSettle)
            .Raw(" rows settled\" title=\"").Number(list.RowsSettled).Raw(" of ").Number(list.RowsToSettle).Raw(" rows settled\">");
        foreach (var (css, rows) in parts.Where(p => p.Rows > 0))
            html.Raw($"<span class=\"bar-{css}\" style=\"width:{Html.Css(100.0 * rows / total)}%\"></span>");
        return html.Raw("</div>").ToString();
    }

    public const string Legend = "<p class=\"legend\"><span><i class=\"bar-deliverable\"></i>deliverable</span><span><i class=\"bar-risky\"></i>risky</span>" +
        "<span><i class=\"bar-undeliverable\"></i>undeliverable</span><span><i class=\"bar-unknown\"></i>unknown</span>" +
        "<span><i class=\"bar-not_found\"></i>not found</span><span><i class=\"bar-pending\"></i>not yet verified</span></p>";
}

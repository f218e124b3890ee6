using System.Text.Json;
using Enrichment.Service.Lists;
using Enrichment.Storage.Dashboard;
using Enrichment.Storage.Lists;

namespace Enrichment.Service.Dashboard;

/// <summary>
/// One list: verdict chart with reasons, top domains (verdicts, MX provider, job), rejected rows and duplicates
/// (paged by row number), the import report, downloads, cancel and "retry failed". Counters and bounded queries only.
/// </summary>
public static class ListPage
{
    const int PageRows = 50;
    const int TopDomains = 25;

    static readonly (string Segment, string Label, Func<ListRecord, int> Rows)[] Segments =
    [
        ("deliverable", "Deliverable", l => l.CountDeliverable), ("deliverable_risky", "Deliverable + risky", l => l.CountDeliverable + l.CountRisky),
        ("undeliverable", "Undeliverable", l => l.CountUndeliverable), ("unknown", "Unknown", l => l.CountUnknown),
        ("rejected", "Rejected at import", l => l.RowsRejected), ("all", "All rows", l => l.RowsTotal),
    ];

    public static async Task<IResult> GetAsync(long id, int? rejectedAfter, int? duplicatesAfter, OpsLayout layout, ListStore lists,
        DashboardStore dashboard, TimeProvider time, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var list = await lists.GetAsync(id, ct);
        if (list is null)
            return layout.Page("No such list", "lists", $"<p>There is no list {id}. <a href=\"{OpsRoutes.Lists}\">All lists</a></p>", status: StatusCodes.Status404NotFound);
        var now = time.GetUtcNow();
        var facts = (await dashboard.LiveFactsAsync([id], ct)).GetValueOrDefault(id);
        var reasons = await dashboard.ReasonsAsync(id, ct);
        var domains = await dashboard.TopDomainsAsync(id, TopDomains, ct);
        var open = ListStates.IsFinal(list.State) ? [] : await dashboard.OpenDomainsAsync(id, 20, ct);
        var rejected = list.RowsRejected == 0 ? [] : await dashboard.RejectedAsync(id, rejectedAfter ?? 0, PageRows, ct);
        var duplicates = list.RowsDuplicate == 0 ? [] : await dashboard.DuplicatesAsync(id, duplicatesAfter ?? 0, PageRows, ct);
        var progress = ListProgress.Of(list, now);

        var body = new Html();
        body.Raw("<p ").Raw(OpsLayout.LivePart("list-state")).Raw(">").Raw(ListsPage.StateLabel(list.State)).Raw(" ").Text(ListEta.Describe(list, progress, facts?.NextRetryAt, now));
        if (list.FileName is { } file)
            body.Raw(" · file <code>").Text(file).Raw("</code>");
        body.Raw(" · uploaded ").Text(ListEta.Clock(list.CreatedAt, now));
        if (list.Error is { } error)
            body.Raw("</p><div class=\"alert alert-danger\">").Text(error).Raw("</div><p>");
        body.Raw("</p>");

        Actions(body, list, layout);
        body.Raw("<div ").Raw(OpsLayout.LivePart("list-live")).Raw(">");
        Cards(body, list, progress, facts);
        Chart(body, list, reasons);
        body.Raw("</div>");
        Downloads(body, list);
        body.Raw("<div ").Raw(OpsLayout.LivePart("list-domains")).Raw(">");
        Domains(body, domains, open);
        body.Raw("</div>");
        Rejected(body, list, rejected, rejectedAfter);
        Duplicates(body, list, duplicates, duplicatesAfter);
        ImportReport(body, list);
        return layout.Page($"List {list.Id}: {list.Name}", "lists", body.ToString(), refreshSeconds: ListStates.IsFinal(list.State) ? null : 3);
    }

    static void Actions(Html body, ListRecord list, OpsLayout layout)
    {
        if (!layout.IsAdmin)
            return;
        body.Raw("<p>");
        if (!ListStates.IsFinal(list.State))
            body.Raw(layout.Button($"{OpsRoutes.List(list.Id)}/cancel", "Cancel this list", "btn btn-danger",
                $"Cancel list {list.Id} ({list.Name})? Rows not verified yet stay unverified; this cannot be undone."));
        if (ListStates.IsFinal(list.State) && list.CountUnknown > 0)
        {
            body.Raw(layout.Button($"{OpsRoutes.List(list.Id)}/retry", $"Retry failed ({Html.N(list.CountUnknown)} unknown rows) as a new list", "btn"));
        }

        body.Raw("</p>");
    }

    static void Cards(Html body, ListRecord list, ListProgress progress, ListLiveFacts? facts)
    {
        body.Raw("<div class=\"cards\">");
        Card(body, Html.N(list.RowsTotal), "rows in the file");
        Card(body, Html.Css(progress.Percent) + "%", $"settled ({Html.N(list.RowsSettled)} of {Html.N(list.RowsToSettle)})");
        Card(body, ListEta.RowsPerSecond(list, progress) is { } rate ? Html.Css(rate) : "–", list.State == ListStates.Complete ? "rows per second (average)" : "rows per second");
        Card(body, facts?.BounceEstimate is { } bounce ? Html.Percent(bounce) : "–", "bounce estimate (deliverable + risky)");
        Card(body, Html.N(list.DomainsTotal - list.DomainsPending) + " / " + Html.N(list.DomainsTotal), "domains done");
        Card(body, Html.N(list.RowsRejected), "rejected at import");
        Card(body, Html.N(list.RowsDuplicate), "duplicates");
        body.Raw("</div>");
    }

    static void Card(Html body, string value, string label) =>
        body.Raw("<div class=\"card\"><b>").Text(value).Raw("</b><small>").Text(label).Raw("</small></div>");

    static void Chart(Html body, ListRecord list, IReadOnlyList<ReasonCount> reasons)
    {
        body.Raw("<h2>Verdicts</h2>").Raw(ListsPage.ProgressBar(list)).Raw(ListsPage.Legend);
        var statuses = new (string Status, string Label, int Rows)[]
        {
            ("deliverable", "Deliverable", list.CountDeliverable), ("risky", "Risky", list.CountRisky),
            ("undeliverable", "Undeliverable", list.CountUndeliverable), ("unknown", "Unknown (could not tell: retry later)", list.CountUnknown),
            ("not_found", "Not found (no address for the person)", list.CountNotFound),
        };
        var max = Math.Max(1, statuses.Max(s => s.Rows));
        body.Raw("<table class=\"chart\"><tbody>");
        foreach (var (status, label, rows) in statuses)
        {
            body.Raw("<tr><td style=\"width:260px\"><span class=\"label s-").Raw(status).Raw("\">").Text(label).Raw("</span></td>")
                .Raw("<td class=\"num\" style=\"width:90px\">").Number(rows).Raw("</td><td><div class=\"bar bar-").Raw(status)
                .Raw($"\" style=\"width:{Html.Css(80.0 * rows / max)}%\"></div></td></tr>");
            foreach (var reason in reasons.Where(r => r.Status == status && r.Reason.Length > 0).Take(8))
            {
                body.Raw("<tr><td style=\"padding-left:30px\" class=\"muted\">").Text(reason.Reason.Replace('_', ' ')).Raw("</td><td class=\"num muted\">")
                    .Number(reason.Rows).Raw("</td><td><div class=\"bar bar-").Raw(status)
                    .Raw($"\" style=\"opacity:.55;width:{Html.Css(80.0 * reason.Rows / max)}%\"></div></td></tr>");
            }
        }

        body.Raw("</tbody></table><p class=\"muted\">A row can have several reasons; reasons are counted once each.</p>");
    }

    static void Downloads(Html body, ListRecord list)
    {
        body.Raw("<h2>Download</h2><p>");
        foreach (var (segment, label, rows) in Segments)
        {
            // Row counts of a running list still grow: the final files are ready when the list is complete.
            body.Raw($"<a class=\"btn\" download href=\"{OpsRoutes.List(list.Id)}/download?segment={segment}\">").Text(label).Raw(" (CSV)</a> ")
                .Raw("<small class=\"muted\">").Number(rows(list)).Raw(" rows</small> &nbsp; ");
        }

        body.Raw("</p><p class=\"muted\">Each file has the original columns first, then the verdict columns (status, risk, reasons, MX host…).</p>");
    }

    static void Domains(Html body, IReadOnlyList<DomainVerdicts> domains, IReadOnlyList<DomainVerdicts> open)
    {
        body.Raw("<h2>Top domains</h2>");
        if (domains.Count == 0)
        {
            body.Raw("<p class=\"muted\">No domain to verify (every row was rejected or judged at import).</p>");
            return;
        }

        body.Raw("<table><thead><tr><th>Domain</th><th class=\"num\">Rows</th><th>State</th><th>Verdicts</th><th>MX provider</th><th>MX hosts</th><th>Hangfire job</th></tr></thead><tbody>");
        foreach (var d in domains)
            DomainRow(body, d);
        body.Raw("</tbody></table>");
        if (open.Count > 0)
        {
            body.Raw("<h2>Domains still being worked on</h2><table><thead><tr><th>Domain</th><th class=\"num\">Rows</th><th>State</th><th>Verdicts</th><th>MX provider</th><th>MX hosts</th><th>Hangfire job</th></tr></thead><tbody>");
            foreach (var d in open)
                DomainRow(body, d);
            body.Raw("</tbody></table>");
        }
    }

    static void DomainRow(Html body, DomainVerdicts d)
    {
        body.Raw("<tr><td>").Text(d.Domain).Raw("</td><td class=\"num\">").Number(d.Rows).Raw("</td><td>").Raw(ListsPage.StateLabel(d.State == "done" ? "complete" : d.State));
        if (d.RetryAt is { } retry && d.State == "waiting_retry")
            body.Raw(" <small>retry at ").Text(ListEta.Clock(retry, DateTimeOffset.UtcNow)).Raw("</small>");
        body.Raw("</td><td>");
        if (d.State == "done")
        {
            foreach (var (css, label, rows) in new[] { ("deliverable", "deliverable", d.NDeliverable), ("risky", "risky", d.NRisky),
                         ("undeliverable", "undeliverable", d.NUndeliverable), ("unknown", "unknown", d.NUnknown), ("not_found", "not found", d.NNotFound) })
            {
                if (rows > 0)
                    body.Raw($"<span class=\"label s-{css}\">").Number(rows).Raw(" ").Text(label).Raw("</span> ");
            }

            if (d.CatchAll == true)
                body.Raw("<small class=\"muted\">catch-all</small>");
        }
        else
        {
            body.Raw("<span class=\"muted\">not settled yet</span>");
        }

        body.Raw("</td><td>").Text(d.Provider ?? "–").Raw("</td><td class=\"cell\">").Text(d.MxHosts is { Length: > 0 } hosts ? string.Join(", ", hosts) : "–")
            .Raw("</td><td>");
        if (d.JobId is { } job)
            body.Raw($"<a href=\"{OpsRoutes.HangfireJob(job)}\">job #").Text(job).Raw("</a>");
        body.Raw("</td></tr>");
    }

    static void Rejected(Html body, ListRecord list, IReadOnlyList<RowLine> rows, int? after)
    {
        body.Raw("<h2>Rejected rows (").Number(list.RowsRejected).Raw(")</h2>");
        if (list.RowsRejected == 0)
        {
            body.Raw("<p class=\"muted\">None: every row of the file was read.</p>");
            return;
        }

        body.Raw("<table><thead><tr><th class=\"num\">Line</th><th>Reason</th><th>Column</th><th>Row as read</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            body.Raw("<tr><td class=\"num\">").Number(row.Line).Raw("</td><td><b>").Text(row.RejectionReason?.Replace('_', ' ')).Raw("</b></td><td>")
                .Text(row.RejectionColumn ?? "").Raw("</td><td class=\"cell\" style=\"max-width:600px\"><code>").Text(string.Join(" | ", row.Fields)).Raw("</code></td></tr>");
        }

        body.Raw("</tbody></table>");
        Pager(body, list.Id, "rejected_after", after, rows);
    }

    static void Duplicates(Html body, ListRecord list, IReadOnlyList<RowLine> rows, int? after)
    {
        body.Raw("<h2>Duplicates (").Number(list.RowsDuplicate).Raw(")</h2>");
        if (list.RowsDuplicate == 0)
        {
            body.Raw("<p class=\"muted\">None.</p>");
            return;
        }

        body.Raw("<p class=\"muted\">A duplicate keeps its row and gets the verdict of the first row with the same address.</p>");
        body.Raw("<table><thead><tr><th class=\"num\">Line</th><th>Address</th><th class=\"num\">Same as line</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            body.Raw("<tr><td class=\"num\">").Number(row.Line).Raw("</td><td>").Text(row.Email).Raw("</td><td class=\"num\">")
                .Text(row.DuplicateOfLine is { } line ? Html.N(line) : "–").Raw("</td></tr>");
        }

        body.Raw("</tbody></table>");
        Pager(body, list.Id, "duplicates_after", after, rows);
    }

    static void Pager(Html body, long listId, string parameter, int? after, IReadOnlyList<RowLine> rows)
    {
        body.Raw("<p>");
        if (after is > 0)
            body.Raw($"<a class=\"btn btn-sm\" href=\"{OpsRoutes.List(listId)}\">First page</a> ");
        if (rows.Count == PageRows)
            body.Raw($"<a class=\"btn btn-sm\" href=\"{OpsRoutes.List(listId)}?{parameter}={rows[^1].RowNo}\">Next {PageRows}</a>");
        body.Raw("</p>");
    }

    static void ImportReport(Html body, ListRecord list)
    {
        body.Raw("<h2>Import report</h2>");
        if (list.ImportReport is null)
        {
            body.Raw("<p class=\"muted\">Not imported yet.</p>");
            return;
        }

        using var document = JsonDocument.Parse(list.ImportReport);
        var report = document.RootElement;
        string Get(string name) => report.TryGetProperty(name, out var v) ? v.ToString() : "";
        body.Raw("<table><tbody>")
            .Raw("<tr><th>Source</th><td>").Text(Get("source")).Raw("</td></tr>")
            .Raw("<tr><th>Rows read</th><td>").Text(Get("rows_read")).Raw(" (").Text(Get("imported")).Raw(" imported, ").Text(Get("rejected_total")).Raw(" rejected, ")
            .Text(Get("duplicates")).Raw(" duplicates, ").Text(Get("ragged")).Raw(" with a different number of fields)</td></tr>")
            .Raw("<tr><th>Encoding</th><td>").Text(Get("encoding")).Raw("</td></tr>")
            .Raw("<tr><th>Separator</th><td>").Text(Get("separator_name")).Raw(" (").Text(Get("separator_source")).Raw(")</td></tr>")
            .Raw("<tr><th>Header line</th><td>").Text(Get("header_line") == "0" ? "none (one address per line)" : Get("header_line")).Raw("</td></tr>");
        if (report.TryGetProperty("mapping", out var mapping) && mapping.ValueKind == JsonValueKind.Array)
        {
            body.Raw("<tr><th>Columns used</th><td>");
            foreach (var m in mapping.EnumerateArray())
            {
                body.Raw("<code>").Text(m.GetProperty("field").GetString()).Raw("</code> ← ").Text(m.GetProperty("header").GetString())
                    .Raw(m.GetProperty("explicit").GetBoolean() ? " <small>(chosen)</small>" : " <small>(detected)</small>").Raw("<br>");
            }

            body.Raw("</td></tr>");
        }

        if (report.TryGetProperty("rejected", out var byReason) && byReason.ValueKind == JsonValueKind.Object && byReason.EnumerateObject().Any())
        {
            body.Raw("<tr><th>Rejected by reason</th><td>");
            foreach (var p in byReason.EnumerateObject())
                body.Text(p.Name.Replace('_', ' ')).Raw(": ").Text(p.Value.ToString()).Raw("<br>");
            body.Raw("</td></tr>");
        }

        if (report.TryGetProperty("notes", out var notes) && notes.ValueKind == JsonValueKind.Array && notes.GetArrayLength() > 0)
        {
            body.Raw("<tr><th>Notes</th><td>");
            foreach (var n in notes.EnumerateArray())
                body.Text(n.GetString()).Raw("<br>");
            body.Raw("</td></tr>");
        }

        body.Raw("</tbody></table>");
    }
}

using System.Globalization;
using Enrichment.Finding;
using Enrichment.Import;
using Enrichment.Service.Accounts;
using Enrichment.Storage.Accounts;
using Hangfire;

namespace Enrichment.Service.Dashboard;

/// <summary>
/// The ABM pages: Accounts (add an account, completeness bars, filter by tier and completeness, fill buttons) and one
/// account's committee (role grid: wanted, filled, members with their verification status). Fill buttons queue the
/// same Hangfire job as the API; while a fill runs the page updates itself.
/// </summary>
public static class AccountsPages
{
    public static RouteGroupBuilder MapAccountPages(this RouteGroupBuilder ops)
    {
        ArgumentNullException.ThrowIfNull(ops);
        ops.MapGet("/accounts", ListAsync);
        ops.MapPost("/accounts", CreateAsync);
        ops.MapPost("/accounts/import", ImportAsync);
        ops.MapPost("/accounts/fill", FillManyAsync);
        ops.MapGet("/accounts/{id:long}", AccountAsync);
        ops.MapPost("/accounts/{id:long}/fill", FillOneAsync);
        return ops;
    }

    static async Task<IResult> ListAsync(string? tier, int? min, int? max, string? message, OpsLayout layout, AccountStore store,
        CommitteeTemplateSource templates, CancellationToken ct) =>
        await ListPageAsync(tier, min, max, message, null, layout, store, templates, ct);

    static async Task<IResult> ListPageAsync(string? tier, int? min, int? max, string? message, string? error, OpsLayout layout, AccountStore store,
        CommitteeTemplateSource templates, CancellationToken ct, int status = StatusCodes.Status200OK, IReadOnlyList<AccountImport.Rejected>? rejected = null)
    {
        var rows = await store.FindAsync(min / 100.0, max / 100.0, string.IsNullOrWhiteSpace(tier) ? null : tier.Trim(), null, 500, ct);
        var body = new Html();
        if (message is not null)
            body.Raw("<div class=\"alert alert-success\" role=\"status\">").Text(message).Raw("</div>");
        if (error is not null)
            body.Raw("<div class=\"alert alert-danger\" role=\"alert\">").Text(error).Raw("</div>");
        if (rejected is { Count: > 0 })
        {
            body.Raw("<div class=\"alert alert-warning\" role=\"alert\"><b>").Number(rejected.Count).Raw(rejected.Count == 1 ? " row was" : " rows were")
                .Raw(" not imported:</b><table class=\"rejected-accounts\"><thead><tr><th class=\"num\">Line</th><th>Reason</th></tr></thead><tbody>");
            foreach (var r in rejected.Take(200))
                body.Raw("<tr><td class=\"num\">").Number(r.Line).Raw("</td><td>").Text(r.Reason.Replace('_', ' ')).Raw("</td></tr>");
            body.Raw("</tbody></table>").Raw(rejected.Count > 200 ? "<p>(the first 200 shown)</p>" : "").Raw("</div>");
        }

        if (layout.IsAdmin)
        {
            await CreateForm(body, layout, templates, ct);
            UploadForm(body, layout);
        }

        body.Raw($"<h2>Accounts</h2><form class=\"filters\" method=\"get\" action=\"{OpsRoutes.Accounts}\" role=\"search\">")
            .Raw("<div><label for=\"filter-tier\">Tier</label><input id=\"filter-tier\" type=\"text\" name=\"tier\" size=\"6\" value=\"").Text(tier).Raw("\"></div>")
            .Raw("<div><label for=\"filter-min\">Completeness from (%)</label><input id=\"filter-min\" type=\"number\" name=\"min\" min=\"0\" max=\"100\" value=\"")
            .Text(min?.ToString(CultureInfo.InvariantCulture)).Raw("\"></div>")
            .Raw("<div><label for=\"filter-max\">to (%)</label><input id=\"filter-max\" type=\"number\" name=\"max\" min=\"0\" max=\"100\" value=\"")
            .Text(max?.ToString(CultureInfo.InvariantCulture)).Raw("\"></div>")
            .Raw("<div><button class=\"btn\" type=\"submit\">Filter</button></div></form>");
        if (rows.Count == 0)
        {
            body.Raw("<p class=\"muted\">No accounts match. Add one above, create them with POST /api/accounts, or upload a target-account CSV to /api/accounts/import.</p>");
            return layout.Page("Accounts", "accounts", body.ToString(), status: status);
        }

        if (layout.IsAdmin)
        {
            body.Raw($"<form method=\"post\" action=\"{OpsRoutes.Accounts}/fill\">").Raw(layout.TokenField())
                .Raw("<input type=\"hidden\" name=\"ids\" value=\"").Text(string.Join(',', rows.Select(r => r.Id))).Raw("\">")
                .Raw("<button class=\"btn btn-primary\" type=\"submit\">Fill the ").Number(rows.Count).Raw(" accounts shown</button></form><br>");
        }

        body.Raw("<div ").Raw(OpsLayout.LivePart("accounts-table")).Raw(">");
        body.Raw("<table><thead><tr><th scope=\"col\">Account</th><th scope=\"col\">Tier</th><th scope=\"col\">Completeness</th><th scope=\"col\">Still missing</th><th scope=\"col\">Fill</th><th scope=\"col\"><span class=\"skip\">Actions</span></th></tr></thead><tbody>");
        foreach (var a in rows)
        {
            body.Raw($"<tr><td><a href=\"{OpsRoutes.Account(a.Id)}\">").Text(a.Name ?? a.Domain).Raw("</a><br><span class=\"muted\">").Text(a.Domain)
                .Raw("</span></td><td>").Text(a.Tier).Raw("</td><td>").Raw(Bar(a.Completeness)).Raw("</td><td>").Text(string.Join("; ", a.Missing))
                .Raw("</td><td>").Text(a.FillState).Raw("</td><td>");
            if (layout.IsAdmin)
                body.Raw(layout.Button($"{OpsRoutes.Account(a.Id)}/fill", "Fill", "btn btn-sm"));
            body.Raw("</td></tr>");
        }

        body.Raw("</tbody></table></div>");
        return layout.Page("Accounts", "accounts", body.ToString(), refreshSeconds: rows.Any(a => IsFilling(a.FillState)) ? 3 : null, status: status);
    }

    static bool IsFilling(string fillState) => fillState is "queued" or "running" or "waiting_retry";

    static async Task CreateForm(Html body, OpsLayout layout, CommitteeTemplateSource templates, CancellationToken ct)
    {
        var all = await templates.CurrentAsync(ct);
        body.Raw("<details><summary>Add an account</summary>")
            .Raw($"<form class=\"stack\" method=\"post\" action=\"{OpsRoutes.Accounts}\">").Raw(layout.TokenField())
            .Raw("<label for=\"account-domain\">Company domain or website</label><input id=\"account-domain\" type=\"text\" name=\"domain\" required maxlength=\"253\" placeholder=\"acme.com\">")
            .Raw("<label for=\"account-name\">Name <span class=\"hint\">(optional)</span></label><input id=\"account-name\" type=\"text\" name=\"name\" maxlength=\"200\">")
            .Raw("<label for=\"account-tier\">Tier <span class=\"hint\">(optional, e.g. 1)</span></label><input id=\"account-tier\" type=\"text\" name=\"tier\" maxlength=\"50\">")
            .Raw("<label for=\"account-template\">Committee template</label><select id=\"account-template\" name=\"template\">");
        foreach (var t in all.All)
            body.Raw("<option value=\"").Text(t.Id).Raw(t.Id == all.Default.Id ? "\" selected>" : "\">").Text(t.Name).Raw("</option>");
        body.Raw("</select><p><button class=\"btn btn-primary\" type=\"submit\">Add account</button></p></form></details>");
    }

    static void UploadForm(Html body, OpsLayout layout) =>
        body.Raw("<details><summary>Upload a target-account CSV</summary>")
            .Raw($"<form class=\"stack\" method=\"post\" action=\"{OpsRoutes.Accounts}/import\" enctype=\"multipart/form-data\">").Raw(layout.TokenField())
            .Raw("<p class=\"muted\">One account a row: a website or domain column (\"Website\", \"Domain\", \"Company Domain\"…), optionally the company ")
            .Raw("name, <code>tier</code> and <code>template</code>. Known domains are updated, not duplicated.</p>")
            .Raw("<label for=\"accounts-file\">CSV file</label><input id=\"accounts-file\" type=\"file\" name=\"file\" accept=\".csv,.txt,text/csv,text/plain\" required>")
            .Raw("<p><button class=\"btn btn-primary\" type=\"submit\">Import accounts</button></p></form></details>");

    /// <summary>The target-account CSV through the same reader as POST /api/accounts/import; the page says what was taken and which lines were not.</summary>
    static async Task<IResult> ImportAsync(HttpContext http, OpsLayout layout, ListImporter importer, AccountStore store, CommitteeTemplateSource templates)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { Length: > 0 } file)
            return await ListPageAsync(null, null, null, null, "No file was chosen, or the file is empty.", layout, store, templates, ct, StatusCodes.Status400BadRequest);
        var (imported, error) = await AccountImport.ImportAsync(file, importer, store, templates, apiKeyId: null, ct);
        if (imported is null)
            return await ListPageAsync(null, null, null, null, $"This file cannot be imported. {error}", layout, store, templates, ct, StatusCodes.Status400BadRequest);
        var message = $"{Path.GetFileName(file.FileName)}: {imported.Accounts} account{(imported.Accounts == 1 ? "" : "s")} added or updated.";
        return await ListPageAsync(null, null, null, message, null, layout, store, templates, ct, rejected: imported.Rejections);
    }

    /// <summary>Adds (or, for a known domain, updates) an account from the form, as POST /api/accounts does.</summary>
    static async Task<IResult> CreateAsync(HttpContext http, OpsLayout layout, AccountStore store, CommitteeTemplateSource templates)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        var form = await http.Request.ReadFormAsync(ct);
        string? Field(string name) => string.IsNullOrWhiteSpace(form[name].ToString()) ? null : form[name].ToString().Trim();
        var given = Field("domain");
        var domain = CompanyDomain.Normalize(given);
        var template = Field("template");
        string? error = null;
        if (domain is null)
            error = $"Company domain: \"{given}\" is not a company domain or website (for example acme.com or https://www.acme.com/).";
        else if (template is not null && (await templates.CurrentAsync(ct)).Find(template) is null)
            error = $"Committee template: there is no template \"{template}\".";
        if (error is not null)
            return await ListPageAsync(null, null, null, null, error, layout, store, templates, ct, StatusCodes.Status400BadRequest);
        var created = (await store.UpsertAsync([new NewAccount(domain!, Field("name"), Field("tier"), template)], ct))[0];
        return Results.Redirect(OpsRoutes.Account(created.Id));
    }

    static async Task<IResult> AccountAsync(long id, OpsLayout layout, AccountStore store, CommitteeTemplateSource templates, CancellationToken ct)
    {
        var account = await store.GetAsync(id, ct);
        var view = account is null ? null : await AccountEndpoints.ViewAsync(id, store, templates, ct);
        if (account is null || view is null)
            return layout.Page("Account not found", "accounts", "<p>No such account.</p>", status: StatusCodes.Status404NotFound);
        var body = new Html();
        body.Raw("<div ").Raw(OpsLayout.LivePart("account-live")).Raw("><p>").Text(account.Domain).Raw(" · tier ").Text(account.Tier ?? "—").Raw(" · template ").Text(view.Template)
            .Raw(" · fill ").Text(account.FillState);
        if (account.FillJobId is not null)
            body.Raw($" (<a href=\"{OpsRoutes.HangfireJob(account.FillJobId)}\">job</a>)");
        body.Raw("</p><p>Completeness ").Raw(Bar(view.Completeness)).Raw("</p>");
        if (layout.IsAdmin)
            body.Raw("<p>").Raw(layout.Button($"{OpsRoutes.Account(id)}/fill", "Fill committee", "btn btn-primary")).Raw("</p>");
        if (view.Missing.Count > 0)
        {
            body.Raw("<h2>Still missing</h2><ul>");
            foreach (var m in view.Missing)
                body.Raw("<li>").Text(m).Raw("</li>");
            body.Raw("</ul>");
        }

        body.Raw("<h2>Committee</h2><table class=\"roles\"><thead><tr><th>Role</th><th>Wanted</th><th>Filled</th><th>Completeness</th><th>Members</th></tr></thead><tbody>");
        foreach (var role in view.Roles)
        {
            body.Raw("<tr><td>").Text(role.Role).Raw("</td><td>").Number(role.Wanted).Raw("</td><td>").Number(role.Filled).Raw("</td><td>")
                .Raw(Bar(role.Completeness)).Raw("</td><td>");
            foreach (var m in view.Members.Where(m => m.Role == role.Role))
            {
                body.Raw("<div class=\"member\"><strong>").Text(m.Name).Raw("</strong> — ").Text(m.Title).Raw(" <span class=\"muted\">(")
                    .Text(m.Seniority).Raw(", ").Text(m.Department).Raw(")</span><br>").Text(m.Email ?? "no address").Raw(" · <span class=\"label s-")
                    .Text(m.Status).Raw("\">").Text(m.Status.Replace('_', ' ')).Raw("</span>").Raw(m.Suppressed ? " · <strong>suppressed</strong>" : "")
                    .Raw(m.Counts ? " · counts" : " · does not count").Raw(" · <span class=\"muted\">").Text(m.Source).Raw("</span></div>");
            }

            body.Raw("</td></tr>");
        }

        body.Raw("</tbody></table></div>");
        return layout.Page(account.Name ?? account.Domain, "accounts", body.ToString(), refreshSeconds: IsFilling(account.FillState) ? 3 : null);
    }

    static async Task<IResult> FillOneAsync(long id, OpsLayout layout, AccountStore store, IBackgroundJobClient jobs, CancellationToken ct)
    {
        if (!layout.IsAdmin)
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        if (await store.GetAsync(id, ct) is { } account)
            await AccountEndpoints.QueueAsync(account, store, jobs, ct);
        return Results.Redirect(OpsRoutes.Account(id));
    }

    static async Task<IResult> FillManyAsync(HttpContext http, OpsLayout layout, AccountStore store, IBackgroundJobClient jobs)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (!layout.IsAdmin)
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        var form = await http.Request.ReadFormAsync(http.RequestAborted);
        var ids = form["ids"].ToString().Split(',', StringSplitOptions.RemoveEmptyEntries)
            .Select(s => long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1).Where(v => v > 0).ToArray();
        var accounts = ids.Length == 0 ? [] : await store.FindAsync(null, null, null, ids, ids.Length, http.RequestAborted);
        foreach (var account in accounts)
            await AccountEndpoints.QueueAsync(account, store, jobs, http.RequestAborted);
        return Results.Redirect($"{OpsRoutes.Accounts}?message={Uri.EscapeDataString($"{accounts.Count} fill job(s) queued")}");
    }

    /// <summary>A completeness bar: width is the share, the label Adobe's whole percentage.</summary>
    static string Bar(double completeness)
    {
        var percent = (int)Math.Round(completeness * 100, MidpointRounding.AwayFromZero);
        var color = percent >= 80 ? "#5cb85c" : percent >= 40 ? "#f0ad4e" : "#d9534f";
        return $"<span class=\"bar\" role=\"img\" aria-label=\"{percent}% complete\" title=\"{percent}%\" style=\"display:inline-block;width:120px;height:12px;background:#eee;vertical-align:middle\">"
            + $"<span style=\"display:block;height:12px;width:{percent}%;background:{color}\"></span></span> {percent}%";
    }
}

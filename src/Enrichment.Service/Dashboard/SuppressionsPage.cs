using Enrichment.Storage.Suppressions;
using Enrichment.Verification.Syntax;

namespace Enrichment.Service.Dashboard;

/// <summary>Never-contact entries: list (newest first, or one looked up), add an address or domain, remove one.</summary>
public static class SuppressionsPage
{
    public static async Task<IResult> GetAsync(string? search, OpsLayout layout, SuppressionStore suppressions, CancellationToken ct, string? message = null, bool error = false)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var rows = await suppressions.RecentAsync(search, 200, ct);
        var body = new Html();
        if (message is not null)
            body.Raw(error ? "<div class=\"alert alert-danger\">" : "<div class=\"alert alert-success\">").Text(message).Raw("</div>");
        body.Raw("<p>Addresses and domains here are never contacted. Erased people stay here only as a salted hash.</p>");
        if (layout.IsAdmin)
        {
            body.Raw($"<form class=\"stack\" method=\"post\" action=\"{OpsRoutes.Suppressions}\">").Raw(layout.TokenField())
                .Raw("<label for=\"kind\">Suppress</label><select id=\"kind\" name=\"kind\"><option value=\"email\">an address</option><option value=\"domain\">a whole domain</option></select>")
                .Raw("<label for=\"value\">Address or domain</label><input id=\"value\" type=\"text\" name=\"value\" required placeholder=\"jane@example.com or example.com\">")
                .Raw("<label for=\"reason\">Reason</label><input id=\"reason\" type=\"text\" name=\"reason\" value=\"requested by the person\">")
                .Raw("<p><button class=\"btn btn-primary\" type=\"submit\">Add</button></p></form>");
        }

        body.Raw($"<h2>Entries</h2><form method=\"get\" action=\"{OpsRoutes.Suppressions}\"><input type=\"text\" name=\"search\" placeholder=\"exact address or domain\" value=\"")
            .Text(search).Raw("\"> <button class=\"btn\" type=\"submit\">Find</button></form><br>");
        if (rows.Count == 0)
        {
            body.Raw("<p class=\"muted\">No entries").Raw(string.IsNullOrWhiteSpace(search) ? "" : " for this search").Raw(".</p>");
            return layout.Page("Suppressions", "suppressions", body.ToString());
        }

        body.Raw("<table><thead><tr><th>Kind</th><th>Value</th><th>Reason</th><th>Source</th><th>Added</th><th></th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            body.Raw("<tr><td>").Text(row.Kind).Raw("</td><td>").Text(row.Kind == "email_hash" ? "(erased person)" : row.Value).Raw("</td><td>")
                .Text(row.Reason).Raw("</td><td>").Text(row.Source).Raw("</td><td>").Text(ListEta.Clock(row.CreatedAt, DateTimeOffset.UtcNow)).Raw("</td><td>");
            if (layout.IsAdmin && row.Kind != "email_hash")
                body.Raw(layout.Button($"{OpsRoutes.Suppressions}/{row.Id}/remove", "Remove", "btn btn-sm"));
            body.Raw("</td></tr>");
        }

        body.Raw("</tbody></table>");
        return layout.Page("Suppressions", "suppressions", body.ToString());
    }

    public static async Task<IResult> AddAsync(HttpContext http, OpsLayout layout, SuppressionStore suppressions)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        var form = await http.Request.ReadFormAsync(ct);
        var kind = form["kind"].ToString();
        var value = form["value"].ToString().Trim();
        var reason = form["reason"].ToString().Trim();
        string? problem = kind switch
        {
            "email" when !EmailSyntax.Parse(value).IsValid => $"\"{value}\" is not a valid email address.",
            "domain" when value.Contains('@', StringComparison.Ordinal) || !value.Contains('.', StringComparison.Ordinal) || value.Length > 253 => $"\"{value}\" is not a domain (example.com).",
            "email" or "domain" => null,
            _ => "Choose an address or a domain.",
        };
        if (problem is not null)
            return await GetAsync(null, layout, suppressions, ct, problem, error: true);
        // The table holds values lower-cased (the lead-gen API normalises the same way).
        value = value.ToLowerInvariant();
        var (_, added) = await suppressions.AddAsync(kind, value, reason.Length > 0 ? reason : "added in the dashboard", $"dashboard:{http.User.Identity?.Name ?? "local"}", ct);
        return await GetAsync(null, layout, suppressions, ct, added ? $"{value} is suppressed." : $"{value} was already suppressed.");
    }

    public static async Task<IResult> RemoveAsync(long id, HttpContext http, OpsLayout layout, SuppressionStore suppressions)
    {
        ArgumentNullException.ThrowIfNull(http);
        var removed = await suppressions.RemoveAsync(id, http.RequestAborted);
        return await GetAsync(null, layout, suppressions, http.RequestAborted, removed ? "Removed." : "That entry was already gone.");
    }
}

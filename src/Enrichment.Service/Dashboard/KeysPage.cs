using Enrichment.Storage.Dashboard;
using Enrichment.Storage.Keys;

namespace Enrichment.Service.Dashboard;

/// <summary>API keys: create one (the key and its callback secret are shown once, never again), revoke one.</summary>
public static class KeysPage
{
    public static async Task<IResult> GetAsync(OpsLayout layout, DashboardStore dashboard, CancellationToken ct, CreatedApiKey? created = null, string? message = null)
    {
        ArgumentNullException.ThrowIfNull(layout);
        var keys = await dashboard.ApiKeysAsync(ct);
        var body = new Html();
        if (created is not null)
        {
            body.Raw("<div class=\"alert alert-warning\"><b>Copy this key now: it is shown only once.</b><br>Key for “").Text(created.Name).Raw("”:<br>")
                .Raw("<span class=\"secret\" id=\"new-key\">").Text(created.Key).Raw("</span><br><br>Callback signing secret (HMAC-SHA256 of callback bodies):<br>")
                .Raw("<span class=\"secret\" id=\"new-callback-secret\">").Text(created.CallbackSecret).Raw("</span><br><br>")
                .Raw("Send the key in the <code>X-Api-Key</code> header of every <code>/api</code> call.</div>");
        }

        if (message is not null)
            body.Raw("<div class=\"alert alert-success\">").Text(message).Raw("</div>");
        body.Raw("<p>Programs call <code>/api</code> with an API key; lists uploaded with a key belong to it. Revoking a key stops it at once.</p>");
        if (layout.IsAdmin)
        {
            body.Raw($"<form class=\"stack\" method=\"post\" action=\"{OpsRoutes.Keys}\">").Raw(layout.TokenField())
                .Raw("<label for=\"key-name\">New key for <span class=\"hint\">(who or what will use it)</span></label><input id=\"key-name\" type=\"text\" name=\"name\" required maxlength=\"100\">")
                .Raw(" <button class=\"btn btn-primary\" type=\"submit\">Create key</button></form>");
        }

        body.Raw("<h2>Keys</h2>");
        if (keys.Count == 0)
        {
            body.Raw("<p class=\"muted\">No keys yet.</p>");
            return layout.Page("API keys", "keys", body.ToString());
        }

        body.Raw("<table><thead><tr><th>Name</th><th>Key starts</th><th>Created</th><th>Last used</th><th>State</th><th></th></tr></thead><tbody>");
        foreach (var key in keys)
        {
            body.Raw("<tr><td>").Text(key.Name).Raw("</td><td><code>enr_").Text(key.KeyPrefix).Raw("_…</code></td><td>")
                .Text(ListEta.Clock(key.CreatedAt, DateTimeOffset.UtcNow)).Raw("</td><td>")
                .Text(key.LastUsedAt is { } used ? ListEta.Clock(used, DateTimeOffset.UtcNow) : "never").Raw("</td><td>")
                .Raw(key.RevokedAt is null ? "<span class=\"label s-complete\">active</span>" : "<span class=\"label s-cancelled\">revoked</span>").Raw("</td><td>");
            if (layout.IsAdmin && key.RevokedAt is null)
                body.Raw(layout.Button($"{OpsRoutes.Keys}/{key.Id}/revoke", "Revoke", "btn btn-sm btn-danger", $"Revoke key {key.Id}? Programs using it stop working at once."));
            body.Raw("</td></tr>");
        }

        body.Raw("</tbody></table>");
        return layout.Page("API keys", "keys", body.ToString());
    }

    public static async Task<IResult> CreateAsync(HttpContext http, OpsLayout layout, ApiKeyStore keys, DashboardStore dashboard)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        var form = await http.Request.ReadFormAsync(ct);
        var name = form["name"].ToString().Trim();
        if (name.Length is 0 or > 100)
            return await GetAsync(layout, dashboard, ct, message: "Give the key a name of 1 to 100 characters.");
        // The page answering this POST is the only place the key is ever shown (no redirect, no storage of it).
        http.Response.Headers.CacheControl = "no-store";
        return await GetAsync(layout, dashboard, ct, created: await keys.CreateAsync(name, ct));
    }

    public static async Task<IResult> RevokeAsync(long id, HttpContext http, OpsLayout layout, ApiKeyStore keys, DashboardStore dashboard)
    {
        ArgumentNullException.ThrowIfNull(http);
        var revoked = await keys.RevokeAsync(id, http.RequestAborted);
        return await GetAsync(layout, dashboard, http.RequestAborted, message: revoked ? "Key revoked." : "That key was already revoked.");
    }
}

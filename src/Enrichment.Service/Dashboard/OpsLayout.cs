using Enrichment.Service.Hosting;
using Microsoft.AspNetCore.Antiforgery;

namespace Enrichment.Service.Dashboard;

/// <summary>
/// The frame of every ops page: Hangfire 1.8's light navigation bar with its own items (Jobs, Retries, Recurring, Servers)
/// and ours, the same font and colours. A page that shows running work updates its live parts (elements marked
/// <see cref="LivePart"/>) in place every few seconds and reloads once the work has ended; without script it falls back
/// to a meta refresh.
/// </summary>
public sealed class OpsLayout(HttpContext http, DashboardLoginOptions login, IAntiforgery antiforgery)
{
    public bool IsAdmin { get; } = DashboardAccess.IsAdmin(http, login);

    /// <summary>The hidden antiforgery field every form carries.</summary>
    public string TokenField()
    {
        var tokens = antiforgery.GetAndStoreTokens(http);
        return $"<input type=\"hidden\" name=\"{Html.Encode(tokens.FormFieldName)}\" value=\"{Html.Encode(tokens.RequestToken)}\">";
    }

    /// <summary>
    /// A one-button form posting to <paramref name="action"/> (cancel, revoke, remove). With <paramref name="confirmText"/>
    /// the browser asks first: the things that cannot be undone should not happen on a stray click or Enter.
    /// </summary>
    public string Button(string action, string label, string css = "btn", string? confirmText = null) =>
        $"<form method=\"post\" action=\"{Html.Encode(action)}\" class=\"inline\"" +
        (confirmText is null ? ">" : $" data-confirm=\"{Html.Encode(confirmText)}\" onsubmit=\"return confirm(this.dataset.confirm)\">") +
        $"{TokenField()}<button type=\"submit\" class=\"{css}\">{Html.Encode(label)}</button></form>";

    public IResult Page(string title, string active, string body, int? refreshSeconds = null, int status = StatusCodes.Status200OK)
    {
        var page = new Html();
        page.Raw("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width\">");
        if (refreshSeconds is { } seconds)
            page.Raw($"<noscript><meta http-equiv=\"refresh\" content=\"{seconds}\"></noscript>");
        page.Raw("<title>").Text(title).Raw(" – Enrichment</title><style>").Raw(Style).Raw("</style></head>")
            .Raw(refreshSeconds is { } live ? $"<body data-live=\"{live}\">" : "<body>")
            .Raw("<a class=\"skip\" href=\"#main\">Skip to content</a>");
        page.Raw("<nav class=\"navbar\" aria-label=\"Dashboard\"><a class=\"brand\" href=\"").Raw(DashboardEndpoints.Path).Raw("/\">Enrichment</a><ul>");
        foreach (var (label, href, key) in Items)
        {
            if (key == "upload" && !IsAdmin)
                continue;
            page.Raw(key == active ? "<li class=\"active\">" : "<li>").Raw($"<a href=\"{href}\"").Raw(key == active ? " aria-current=\"page\">" : ">").Text(label).Raw("</a></li>");
        }

        page.Raw("</ul>");
        if (http.User.Identity is { IsAuthenticated: true, Name: { } user })
        {
            page.Raw("<div class=\"who\">").Text(user).Raw(IsAdmin ? " (admin)" : " (read-only)")
                .Raw(Button(OpsRoutes.Logout, "Log out", "btn btn-link")).Raw("</div>");
        }
        else if (login.IsConfigured is false)
        {
            page.Raw("<div class=\"who\">local access (no login configured)</div>");
        }

        page.Raw("</nav><main id=\"main\" tabindex=\"-1\"><h1>").Text(title).Raw("</h1>").Raw(body);
        if (refreshSeconds is { } every)
        {
            // Not an ARIA live region: a screen reader would read it out every few seconds.
            page.Raw($"<p class=\"muted\" id=\"live-status\">This page updates itself every {every} s while work is running.</p>")
                .Raw(LiveScript);
        }

        page.Raw("</main></body></html>");
        return Results.Content(page.ToString(), "text/html; charset=utf-8", statusCode: status);
    }

    /// <summary>The attributes that make an element (with this <paramref name="id"/>) a part the page updates in place.</summary>
    public static string LivePart(string id) => $"id=\"{Html.Encode(id)}\" data-live-part";

    // Fetches the same page, swaps each live part for its fresh copy (forms and buttons outside them stay put under the
    // pointer), and reloads once the fresh page is no longer live: the work ended, and actions and downloads change.
    const string LiveScript = """
        <script>
        (function () {
          var every = +document.body.dataset.live * 1000, status = document.getElementById('live-status');
          function again() { setTimeout(tick, every); }
          function tick() {
            fetch(location.href, { credentials: 'same-origin', headers: { 'Accept': 'text/html' } })
              .then(function (r) { if (!r.ok) throw new Error('HTTP ' + r.status); return r.text(); })
              .then(function (text) {
                var fresh = new DOMParser().parseFromString(text, 'text/html');
                if (!fresh.body.dataset.live) { location.reload(); return; }
                document.querySelectorAll('[data-live-part]').forEach(function (part) {
                  var next = fresh.getElementById(part.id);
                  if (next) part.replaceWith(document.adoptNode(next));
                });
                status.textContent = 'Updated at ' + new Date().toISOString().substring(11, 19) + ' UTC; the page updates itself every ' + (every / 1000) + ' s while work is running.';
                again();
              })
              .catch(function (e) { status.textContent = 'Could not update (' + e.message + '); trying again.'; again(); });
          }
          again();
        })();
        </script>
        """;

    static readonly (string Label, string Href, string Key)[] Items =
    [
        ("Jobs", DashboardEndpoints.Path + "/jobs/enqueued", "jobs"),
        ("Retries", DashboardEndpoints.Path + "/retries", "retries"),
        ("Recurring Jobs", DashboardEndpoints.Path + "/recurring", "recurring"),
        ("Servers", DashboardEndpoints.Path + "/servers", "servers"),
        ("Upload", OpsRoutes.Upload, "upload"),
        ("Lists", OpsRoutes.Lists, "lists"),
        ("Suppressions", OpsRoutes.Suppressions, "suppressions"),
        ("Accounts", OpsRoutes.Accounts, "accounts"),
        ("API keys", OpsRoutes.Keys, "keys"),
    ];

    // Hangfire 1.8's dashboard look (Bootstrap 3's default navbar, Helvetica, 14 px) without its stylesheet.
    const string Style = """
        .skip{position:absolute;left:-9999px}.skip:focus{left:10px;top:10px;background:#fff;padding:6px 10px;z-index:10;border:1px solid #337ab7}
        :focus-visible{outline:3px solid #2e6da4;outline-offset:2px}
        body{margin:0;font-family:"Helvetica Neue",Helvetica,Arial,sans-serif;font-size:14px;color:#333;background:#fff}
        .navbar{background:#f8f8f8;border-bottom:1px solid #e7e7e7;display:flex;align-items:center;min-height:50px;padding:0 15px}
        .navbar .brand{color:#777;font-size:18px;text-decoration:none;margin-right:15px;padding:0 10px}
        .navbar ul{list-style:none;margin:0;padding:0;display:flex;flex-wrap:wrap}
        .navbar li a{display:block;padding:15px;color:#777;text-decoration:none}
        .navbar li a:hover{color:#333}.navbar li.active a{color:#555;background:#e7e7e7}
        .navbar .who{margin-left:auto;color:#777}.navbar .who .btn-link{color:#777}
        main{padding:10px 25px 40px}h1{font-weight:500;font-size:28px;margin:15px 0}
        h2{font-weight:500;font-size:20px;margin:28px 0 10px;border-bottom:1px solid #eee;padding-bottom:5px}
        table{border-collapse:collapse;width:100%;margin-bottom:15px}
        th,td{padding:6px 8px;border-top:1px solid #ddd;text-align:left;vertical-align:top}
        th{border-bottom:2px solid #ddd;font-weight:600}td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
        tr:nth-child(even) td{background:#f9f9f9}
        a{color:#337ab7}.muted{color:#777}.inline{display:inline}
        .btn{display:inline-block;padding:6px 12px;border:1px solid #ccc;border-radius:4px;background:#fff;color:#333;cursor:pointer;font-size:14px;text-decoration:none}
        .btn-primary{background:#337ab7;border-color:#2e6da4;color:#fff}.btn-danger{background:#d9534f;border-color:#d43f3a;color:#fff}
        .btn-link{border:0;background:none;color:#337ab7;padding:0 6px}.btn-sm{padding:2px 8px;font-size:12px}
        .alert{padding:12px 15px;border:1px solid;border-radius:4px;margin:10px 0}
        .alert-danger{background:#f2dede;border-color:#ebccd1;color:#a94442}.alert-success{background:#dff0d8;border-color:#d6e9c6;color:#3c763d}
        .alert-warning{background:#fcf8e3;border-color:#faebcc;color:#8a6d3b}.alert-info{background:#d9edf7;border-color:#bce8f1;color:#31708f}
        .secret{font-family:monospace;font-size:16px;background:#fff;padding:6px;border:1px solid #ccc;display:inline-block;user-select:all}
        .label{display:inline-block;padding:2px 7px;border-radius:3px;color:#fff;font-size:12px;font-weight:600;white-space:nowrap}
        .s-complete,.s-deliverable{background:#5cb85c}.s-running,.s-queued,.s-importing{background:#337ab7}
        .s-waiting_retry,.s-risky{background:#f0ad4e}.s-failed,.s-undeliverable{background:#d9534f}
        .s-cancelled,.s-unknown,.s-unverified{background:#777}.s-not_found{background:#5bc0de}.s-rejected{background:#a94442}
        .progress{background:#f5f5f5;border-radius:4px;height:18px;min-width:140px;overflow:hidden;display:flex;box-shadow:inset 0 1px 2px rgba(0,0,0,.1)}
        .progress span{display:block;height:100%}
        .bar-deliverable{background:#5cb85c}.bar-risky{background:#f0ad4e}.bar-undeliverable{background:#d9534f}
        .bar-unknown{background:#999}.bar-not_found{background:#5bc0de}.bar-pending{background:#e8e8e8}
        .legend span{margin-right:14px;white-space:nowrap}.legend i{display:inline-block;width:11px;height:11px;margin-right:4px;vertical-align:-1px}
        .chart td{border:0;padding:3px 8px}.chart .bar{height:16px;min-width:1px}
        form.stack label{display:block;margin:10px 0 3px;font-weight:600}form.stack .hint{font-weight:normal;color:#777}
        form.filters{display:flex;gap:12px;align-items:flex-end;flex-wrap:wrap;margin:10px 0}form.filters label{display:block;font-weight:600;margin-bottom:3px}
        form.filters input,form.filters select{min-width:0}
        input[type=text],input[type=url],input[type=password],input[type=search],input[type=number],select{padding:5px 8px;border:1px solid #ccc;border-radius:4px;font-size:14px;min-width:260px}
        .cards{display:flex;gap:12px;flex-wrap:wrap;margin:10px 0}
        .card{border:1px solid #ddd;border-radius:4px;padding:10px 14px;min-width:120px}
        .card b{display:block;font-size:22px;font-weight:500}.card small{color:#777}
        code{background:#f5f5f5;padding:1px 4px;border-radius:3px}
        .cell{max-width:260px;overflow:hidden;text-overflow:ellipsis;white-space:nowrap}
        """;
}

using System.Text.Json;
using Enrichment.Import;
using Enrichment.Service.Lists;
using Enrichment.Storage.Lists;

namespace Enrichment.Service.Dashboard;

/// <summary>
/// Upload in two steps: the file → what the import module detected (encoding, separator, header) with a drop-down
/// per contact field to correct the mapping and the first rows → start. A file that cannot be read says why here.
/// </summary>
public static class UploadPage
{
    const int PreviewRows = 8;

    static readonly ContactField[] Fields =
    [
        ContactField.Email, ContactField.FirstName, ContactField.LastName, ContactField.FullName,
        ContactField.Company, ContactField.Website, ContactField.Title, ContactField.Id,
    ];

    public static IResult Get(OpsLayout layout) => Form(layout, null);

    static IResult Form(OpsLayout layout, string? error, int status = StatusCodes.Status200OK)
    {
        var body = new Html();
        if (!layout.IsAdmin)
        {
            body.Raw("<div class=\"alert alert-info\">You are logged in read-only: uploading needs an admin login.</div>");
            return layout.Page("Upload a list", "upload", body.ToString(), status: StatusCodes.Status403Forbidden);
        }

        if (error is not null)
            body.Raw("<div class=\"alert alert-danger\"><b>This file cannot be imported.</b> ").Text(error).Raw("</div>");
        body.Raw("<p>Choose a CSV or text file of contacts (any separator, UTF-8 or Windows-1252). ")
            .Raw("Next you will see how it was understood and can correct the columns before anything starts.</p>")
            .Raw($"<form class=\"stack\" method=\"post\" action=\"{OpsRoutes.Upload}\" enctype=\"multipart/form-data\">").Raw(layout.TokenField())
            .Raw("<label for=\"file\">File</label><input id=\"file\" type=\"file\" name=\"file\" required>")
            .Raw("<label for=\"name\">List name <span class=\"hint\">(optional; the file name otherwise)</span></label><input id=\"name\" type=\"text\" name=\"name\" maxlength=\"200\">")
            .Raw("<label for=\"callback_url\">Callback URL <span class=\"hint\">(optional; receives the summary when the list is done)</span></label>")
            .Raw("<input id=\"callback_url\" type=\"url\" name=\"callback_url\" placeholder=\"https://…\">")
            .Raw("<p><button class=\"btn btn-primary\" type=\"submit\">Preview</button></p></form>");
        return layout.Page("Upload a list", "upload", body.ToString(), status: status);
    }

    /// <summary>Step 1: spool the file, detect, show the mapping preview.</summary>
    public static async Task<IResult> PreviewAsync(HttpContext http, OpsLayout layout, UploadSpool spool, ListImporter importer)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(layout);
        var ct = http.RequestAborted;
        var form = await http.Request.ReadFormAsync(ct);
        var upload = form.Files.GetFile("file");
        if (upload is null || upload.Length == 0)
            return Form(layout, "No file was chosen, or the file is empty.", StatusCodes.Status400BadRequest);
        string token;
        await using (var content = upload.OpenReadStream())
            token = await spool.SaveAsync(content, ct);
        var fileName = Path.GetFileName(upload.FileName);
        ImportDetection detection;
        var rows = new List<ImportRecord>();
        try
        {
            await using var stream = File.OpenRead(spool.Find(token)!);
            await using var reader = await importer.OpenAsync(stream, new ImportOptions { SourceName = fileName }, ct);
            detection = reader.Detection;
            await foreach (var record in reader.ReadAsync(ct))
            {
                rows.Add(record);
                if (rows.Count == PreviewRows)
                    break;
            }
        }
        catch (Exception e) when (e is ImportException or ArgumentException)
        {
            spool.Delete(token);
            return Form(layout, e.Message, StatusCodes.Status400BadRequest);
        }

        return Preview(layout, token, fileName, form["name"].ToString(), form["callback_url"].ToString(), detection, rows, null);
    }

    static IResult Preview(OpsLayout layout, string token, string fileName, string name, string callbackUrl,
        ImportDetection detection, List<ImportRecord> rows, string? error)
    {
        var body = new Html();
        if (error is not null)
            body.Raw("<div class=\"alert alert-danger\">").Text(error).Raw("</div>");
        body.Raw("<h2>How the file was read</h2><table><tbody>")
            .Raw("<tr><th style=\"width:200px\">File</th><td>").Text(fileName).Raw("</td></tr>")
            .Raw("<tr><th>Encoding</th><td>").Text(detection.Encoding).Raw("</td></tr>")
            .Raw("<tr><th>Separator</th><td>").Text(detection.SeparatorName).Raw(" <small class=\"muted\">(").Text(detection.SeparatorSource).Raw(")</small></td></tr>")
            .Raw("<tr><th>Header</th><td>").Text(detection.HasHeader ? $"line {detection.HeaderLine}: {string.Join(" | ", detection.Header)}" : "none: one address per line").Raw("</td></tr>");
        foreach (var note in detection.Notes)
            body.Raw("<tr><th>Note</th><td>").Text(note).Raw("</td></tr>");
        body.Raw("</tbody></table>");

        body.Raw($"<form class=\"stack\" method=\"post\" action=\"{OpsRoutes.UploadStart}\">").Raw(layout.TokenField())
            .Raw("<input type=\"hidden\" name=\"token\" value=\"").Text(token).Raw("\">")
            .Raw("<input type=\"hidden\" name=\"file_name\" value=\"").Text(fileName).Raw("\">");
        if (detection.HasHeader)
        {
            body.Raw("<h2>Columns</h2><p class=\"muted\">Which column holds each field. Detected columns are preselected; change any that is wrong.</p>")
                .Raw("<table><thead><tr><th style=\"width:200px\">Field</th><th>Column</th><th>First values</th></tr></thead><tbody>");
            foreach (var field in Fields)
            {
                var detected = detection.Column(field);
                var id = "map_" + ContactFields.Name(field);
                body.Raw($"<tr><td><label for=\"{id}\">").Text(Label(field)).Raw($"</label></td><td><select id=\"{id}\" name=\"{id}\" data-samples=\"sample_{id}\">");
                if (detected is null)
                    body.Raw("<option value=\"\" selected data-sample=\"\">(not in this file)</option>");
                for (var i = 0; i < detection.Header.Count; i++)
                {
                    var header = detection.Header[i];
                    if (header.Length == 0)
                        continue;
                    // Each column carries its first values: choosing it by hand shows them at once (the script below).
                    body.Raw("<option value=\"").Text(header).Raw("\" data-sample=\"").Text(Samples(rows, i)).Raw(detected?.Column == i ? "\" selected>" : "\">")
                        .Text(header).Raw("</option>");
                }

                body.Raw("</select>").Raw(detected is null ? "" : " <small class=\"muted\">detected</small>");
                // What was detected goes back with the form: only fields the person changed become explicit columns.
                body.Raw($"<input type=\"hidden\" name=\"detected_{ContactFields.Name(field)}\" value=\"").Text(detected?.Header ?? "")
                    .Raw($"\"></td><td class=\"cell muted\" id=\"sample_{id}\" aria-live=\"polite\">");
                if (detected is not null)
                    body.Text(Samples(rows, detected.Column));
                body.Raw("</td></tr>");
            }

            body.Raw("</tbody></table>").Raw(SampleScript);
        }

        body.Raw("<h2>First rows</h2><table><thead><tr><th class=\"num\">Line</th>");
        var width = Math.Max(detection.Header.Count, rows.Count == 0 ? 0 : rows.Max(r => r.Fields.Length));
        for (var i = 0; i < width; i++)
            body.Raw("<th>").Text(i < detection.Header.Count ? detection.Header[i] : $"column {i + 1}").Raw("</th>");
        body.Raw("<th>Read as</th></tr></thead><tbody>");
        foreach (var row in rows)
        {
            body.Raw("<tr><td class=\"num\">").Number(row.Line).Raw("</td>");
            for (var i = 0; i < width; i++)
                body.Raw("<td class=\"cell\">").Text(i < row.Fields.Length ? row.Fields[i] : "").Raw("</td>");
            body.Raw("<td>").Raw(row.Rejection is { } r ? Rejection(r, detection.Header) : row.Duplicate ? "duplicate" : "contact").Raw("</td></tr>");
        }

        body.Raw("</tbody></table>")
            .Raw("<label for=\"name\">List name</label><input id=\"name\" type=\"text\" name=\"name\" maxlength=\"200\" value=\"").Text(name.Length > 0 ? name : fileName).Raw("\">")
            .Raw("<label for=\"callback_url\">Callback URL <span class=\"hint\">(optional)</span></label><input id=\"callback_url\" type=\"url\" name=\"callback_url\" value=\"").Text(callbackUrl).Raw("\">")
            .Raw("<p><button class=\"btn btn-primary\" type=\"submit\">Start verifying</button> ")
            .Raw($"<a class=\"btn\" href=\"{OpsRoutes.Upload}\">Choose another file</a></p></form>");
        return layout.Page("Check the columns, then start", "upload", body.ToString());
    }

    /// <summary>Step 2: import the spooled file with the chosen columns; the list's page follows.</summary>
    public static async Task<IResult> StartAsync(HttpContext http, OpsLayout layout, UploadSpool spool, ListImport import)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(layout);
        var ct = http.RequestAborted;
        var form = await http.Request.ReadFormAsync(ct);
        var token = form["token"].ToString();
        if (spool.Find(token) is not { } path)
            return Form(layout, "The preview has expired or was already started: choose the file again.", StatusCodes.Status400BadRequest);
        var fileName = form["file_name"].ToString();
        var name = form["name"].ToString().Trim();
        var callbackUrl = form["callback_url"].ToString().Trim();
        var columns = new Dictionary<ContactField, string>();
        foreach (var field in Fields)
        {
            var chosen = form["map_" + ContactFields.Name(field)].ToString();
            if (chosen.Length > 0 && chosen != form["detected_" + ContactFields.Name(field)].ToString())
                columns[field] = chosen;
        }

        string? error = null;
        if (callbackUrl.Length > 0 && !(Uri.TryCreate(callbackUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https"))
            error = $"The callback URL must be an absolute http or https address (was \"{callbackUrl}\").";
        else if (name.Length > 200)
            error = "The list name is longer than 200 characters.";
        if (error is not null)
            return Form(layout, error, StatusCodes.Status400BadRequest);

        try
        {
            var mapping = JsonSerializer.Serialize(columns.ToDictionary(c => ContactFields.Name(c.Key), c => c.Value));
            await using var stream = File.OpenRead(path);
            var id = await import.ImportAsync(
                new NewList(null, name.Length > 0 ? name : fileName, fileName.Length > 0 ? fileName : null, callbackUrl.Length > 0 ? callbackUrl : null, mapping),
                stream, columns, ct);
            return Results.Redirect(OpsRoutes.List(id));
        }
        catch (Exception e) when (e is ImportException or ArgumentException)
        {
            return Form(layout, e.Message, StatusCodes.Status400BadRequest);
        }
        finally
        {
            spool.Delete(token);
        }
    }

    /// <summary>Why a preview row will be rejected, naming its line and column as the list's page will.</summary>
    static string Rejection(ImportRejection rejection, IReadOnlyList<string> header)
    {
        var column = rejection.Column is { } c ? c <= header.Count && header[c - 1].Length > 0 ? $"column {c} \"{header[c - 1]}\"" : $"column {c}" : "the whole row";
        return $"<span class=\"label s-rejected\">rejected: {Html.Encode(rejection.Reason.Replace('_', ' '))}</span><br><small>" +
            Html.Encode($"line {rejection.Line}, {column}: {rejection.Detail}") + "</small>";
    }

    /// <summary>The first three non-empty values of column <paramref name="column"/> in the preview rows.</summary>
    static string Samples(List<ImportRecord> rows, int column) =>
        string.Join(", ", rows.Where(r => column < r.Fields.Length).Select(r => r.Fields[column]).Where(v => v.Length > 0).Take(3));

    // Without script the "First rows" table below still shows every column; with it, the chosen column's values follow the drop-down.
    const string SampleScript = """
        <script>
        document.querySelectorAll('select[data-samples]').forEach(function (s) {
          s.addEventListener('change', function () {
            var o = s.options[s.selectedIndex];
            document.getElementById(s.dataset.samples).textContent = o.dataset.sample || '';
          });
        });
        </script>
        """;

    static string Label(ContactField field) => field switch
    {
        ContactField.Email => "Email address",
        ContactField.FirstName => "First name",
        ContactField.LastName => "Last name",
        ContactField.FullName => "Full name",
        ContactField.Company => "Company",
        ContactField.Website => "Website / company domain",
        ContactField.Title => "Job title",
        _ => "Your id",
    };
}

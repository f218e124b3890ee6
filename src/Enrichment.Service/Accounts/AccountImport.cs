using Enrichment.Committee.Templates;
using Enrichment.Finding;
using Enrichment.Import;
using Enrichment.Service.Security;
using Enrichment.Storage.Accounts;

namespace Enrichment.Service.Accounts;

/// <summary>
/// POST /api/accounts/import: a target-account CSV (multipart field <c>file</c>) read by the same import module as
/// lists: the company and website columns are mapped by it (a row with only a business email gives its domain);
/// <c>tier</c> and <c>template</c> columns are read by name. Rows without a company domain are rejected with line and
/// reason; the rest are created or updated by domain.
/// </summary>
public static class AccountImport
{
    static readonly char[] Separators = [',', ';', '\t', '|'];

    public sealed record Rejected(long Line, string Reason);

    public sealed record Imported(int Accounts, IReadOnlyList<Rejected> Rejections, IReadOnlyList<AccountResponse> Created);

    public static async Task<IResult> HandleAsync(HttpContext http, ListImporter importer, AccountStore store, CommitteeTemplateSource templates)
    {
        ArgumentNullException.ThrowIfNull(http);
        var ct = http.RequestAborted;
        if (!http.Request.HasFormContentType)
            return Bad("Send multipart/form-data with the CSV in the field \"file\".");
        var form = await http.Request.ReadFormAsync(ct);
        if (form.Files.GetFile("file") is not { } file)
            return Bad("The form has no field \"file\".");
        var (imported, error) = await ImportAsync(file, importer, store, templates, http.Key().Id, ct);
        return imported is not null ? TypedResults.Ok(imported) : Bad(error!);
    }

    /// <summary>Reads and stores the accounts of <paramref name="file"/> (the API and the dashboard's upload), or says why the file cannot be read.</summary>
    /// <param name="apiKeyId">The key the accounts belong to (the API's caller); null for the dashboard's shared accounts.</param>
    public static async Task<(Imported? Imported, string? Error)> ImportAsync(IFormFile file, ListImporter importer, AccountStore store,
        CommitteeTemplateSource templates, long? apiKeyId, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(file);
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(templates);
        var known = await templates.CurrentAsync(ct);
        var accounts = new List<NewAccount>();
        var rejected = new List<Rejected>();
        try
        {
            // The import module reads contact lists and wants an email or a name column; an account list has neither,
            // so its company and website columns are named for it from the header (synonyms as the module knows them).
            var columns = await AccountColumnsAsync(file, ct);
            if (!columns.ContainsKey(ContactField.Website))
                return (null, $"{file.FileName}: no website or domain column in the first line (e.g. \"Website\", \"Domain\", \"Company Domain\")");
            await using var stream = file.OpenReadStream();
            await using var reader = await importer.OpenAsync(stream, new ImportOptions { SourceName = file.FileName, Columns = columns }, ct);
            var header = reader.Detection.Header;
            var tier = IndexOf(header, "tier");
            var template = IndexOf(header, "template");
            var website = reader.Detection.Column(ContactField.Website)?.Column ?? -1;
            var company = reader.Detection.Column(ContactField.Company)?.Column ?? -1;
            await foreach (var record in reader.ReadAsync(ct))
            {
                // A person's reasons (no email or name) do not apply to a company row; the others (quoting, size, blank) do.
                if (record.Rejection is { } r && r.Reason is not (RejectionReasons.NoEmailOrName or RejectionReasons.NoDomain))
                {
                    if (r.Reason != RejectionReasons.Blank)
                        rejected.Add(new Rejected(record.Line, r.Reason));
                    continue;
                }

                var domain = record.Contact?.Domain ?? CompanyDomain.Normalize(Field(record, website));
                if (domain is null)
                {
                    rejected.Add(new Rejected(record.Line, "no company domain (website, domain or a business email)"));
                    continue;
                }

                var templateId = Field(record, template);
                if (templateId is not null && known.Find(templateId) is null)
                {
                    rejected.Add(new Rejected(record.Line, $"template: unknown template '{templateId}'"));
                    continue;
                }

                accounts.Add(new NewAccount(domain, record.Contact?.Company ?? Field(record, company), Field(record, tier), templateId, apiKeyId));
            }
        }
        catch (ImportException e)
        {
            return (null, e.Message);
        }

        var created = await store.UpsertAsync(accounts, ct);
        return (new Imported(created.Count, rejected, [.. created.Select(AccountResponse.From)]), null);
    }

    static async Task<Dictionary<ContactField, string>> AccountColumnsAsync(IFormFile file, CancellationToken ct)
    {
        using var reader = new StreamReader(file.OpenReadStream());
        var line = await reader.ReadLineAsync(ct) ?? "";
        var separator = Separators.MaxBy(c => line.Count(x => x == c));
        var columns = new Dictionary<ContactField, string>();
        foreach (var name in line.Split(separator).Select(f => f.Trim().Trim('"').Trim()))
        {
            if (HeaderSynonyms.Match(name) is { } field && field is ContactField.Company or ContactField.Website && !columns.ContainsKey(field))
                columns[field] = name;
        }

        return columns;
    }

    static int IndexOf(IReadOnlyList<string> header, string name)
    {
        for (var i = 0; i < header.Count; i++)
        {
            if (string.Equals(header[i].Trim(), name, StringComparison.OrdinalIgnoreCase))
                return i;
        }

        return -1;
    }

    static string? Field(ImportRecord record, int index) =>
        index >= 0 && index < record.Fields.Length && !string.IsNullOrWhiteSpace(record.Fields[index]) ? record.Fields[index].Trim() : null;

    static Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult Bad(string detail) =>
        TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The account list cannot be imported", detail: detail);
}

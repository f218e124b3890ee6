using System.Text;
using Enrichment.Committee.Templates;
using Enrichment.Finding;
using Enrichment.Service.Lists;
using Enrichment.Service.Security;
using Enrichment.Storage.Accounts;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Enrichment.Service.Accounts;

/// <summary>
/// /api/accounts and /api/committee/templates: ABM target accounts, their buying committees, fill jobs and the
/// committee export. Every route sits behind the API key filter of the /api group. Each key has its own accounts
/// (0600): another key's account is not found, as a missing one is; the people at a domain (contacts) stay shared.
/// </summary>
public static class AccountEndpoints
{
    public static RouteGroupBuilder MapAccounts(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var accounts = api.MapGroup("/accounts").WithTags("Accounts");
        accounts.MapPost("/", CreateAsync).WithSummary("Create an account (or update the one with the same domain)")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        accounts.MapPost("/import", AccountImport.HandleAsync).WithSummary("Upload a target-account CSV (multipart field file)")
            .Produces<AccountImport.Imported>().ProducesProblem(StatusCodes.Status400BadRequest).DisableAntiforgery();
        accounts.MapGet("/", FindAsync).WithSummary("Accounts, least complete first; min_completeness and max_completeness in percent");
        accounts.MapGet("/{id:long}", GetAsync).WithSummary("One account");
        accounts.MapGet("/{id:long}/committee", CommitteeAsync).WithSummary("Roles (wanted, filled, completeness) and members with verdicts");
        accounts.MapPost("/{id:long}/committee/fill", FillOneAsync).WithSummary("Queue a fill job for the account");
        accounts.MapPost("/fill", FillManyAsync).WithSummary("Queue fill jobs for the accounts named or matching tier and completeness");
        accounts.MapGet("/committee.csv", ExportAsync)
            .WithSummary("Committee CSV for the accounts matching ids (comma-separated), tier and completeness: one row per member");

        var templates = api.MapGroup("/committee/templates").WithTags("Accounts");
        templates.MapGet("/", TemplatesAsync).WithSummary("The committee templates in force (the config file until one is PUT)");
        templates.MapPut("/", PutTemplatesAsync).WithSummary("Replace the committee templates (the config file's JSON format)")
            .Accepts<string>("application/json").ProducesProblem(StatusCodes.Status400BadRequest).DisableAntiforgery();
        return api;
    }

    static async Task<Results<Created<AccountResponse>, ProblemHttpResult>> CreateAsync(AccountRequest request, AccountStore store, CommitteeTemplateSource templates, HttpContext http)
    {
        var domain = CompanyDomain.Normalize(request.Domain);
        if (domain is null)
            return Problem(StatusCodes.Status400BadRequest, "Invalid account", $"domain: not a company domain or website (was \"{request.Domain}\").");
        if (request.Template is not null && (await templates.CurrentAsync(http.RequestAborted)).Find(request.Template) is null)
            return Problem(StatusCodes.Status400BadRequest, "Invalid account", $"template: no template has id \"{request.Template}\".");
        var created = (await store.UpsertAsync([new NewAccount(domain, Blank(request.Name), Blank(request.Tier), request.Template, http.Key().Id)], http.RequestAborted))[0];
        return TypedResults.Created($"/api/accounts/{created.Id}", AccountResponse.From(created));
    }

    static async Task<Results<Ok<AccountResponse[]>, ProblemHttpResult>> FindAsync(AccountStore store, HttpContext http,
        int? min_completeness, int? max_completeness, string? tier, int? limit)
    {
        if (min_completeness is < 0 or > 100 || max_completeness is < 0 or > 100)
            return Problem(StatusCodes.Status400BadRequest, "Invalid filter", "min_completeness and max_completeness are percentages from 0 to 100.");
        var rows = await store.FindForKeyAsync(http.Key().Id, min_completeness / 100.0, max_completeness / 100.0, Blank(tier), null, Math.Clamp(limit ?? 500, 1, 10_000), http.RequestAborted);
        return TypedResults.Ok(rows.Select(AccountResponse.From).ToArray());
    }

    static async Task<Results<Ok<AccountResponse>, ProblemHttpResult>> GetAsync(long id, AccountStore store, HttpContext http) =>
        await store.GetForKeyAsync(id, http.Key().Id, http.RequestAborted) is { } a ? TypedResults.Ok(AccountResponse.From(a)) : NotFound(id);

    static async Task<Results<Ok<CommitteeView>, ProblemHttpResult>> CommitteeAsync(long id, AccountStore store, CommitteeTemplateSource templates, HttpContext http)
    {
        if (await store.GetForKeyAsync(id, http.Key().Id, http.RequestAborted) is null)
            return NotFound(id);
        var view = await ViewAsync(id, store, templates, http.RequestAborted);
        return view is null ? NotFound(id) : TypedResults.Ok(view);
    }

    /// <summary>The committee with live verdicts; the stored completeness follows it (a suppression or a re-verification since the fill).</summary>
    public static async Task<CommitteeView?> ViewAsync(long id, AccountStore store, CommitteeTemplateSource templates, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(templates);
        var account = await store.GetAsync(id, ct);
        if (account is null)
            return null;
        var view = CommitteeView.Build(account, Template(await templates.CurrentAsync(ct), account), await store.MembersAsync(id, ct));
        if (Math.Abs(view.Completeness - account.Completeness) > 1e-9 && account.FillState != "none")
            await store.SetCompletenessAsync(id, view.Completeness, ct);
        return view;
    }

    static CommitteeTemplate Template(CommitteeTemplates all, AccountRecord account) =>
        (account.Template is null ? null : all.Find(account.Template)) ?? all.Default;

    static async Task<Results<Accepted<FillQueued>, ProblemHttpResult>> FillOneAsync(long id, AccountStore store, IBackgroundJobClient jobs, HttpContext http)
    {
        var account = await store.GetForKeyAsync(id, http.Key().Id, http.RequestAborted);
        if (account is null)
            return NotFound(id);
        return TypedResults.Accepted($"/api/accounts/{id}/committee", new FillQueued([await QueueAsync(account, store, jobs, http.RequestAborted)]));
    }

    static async Task<Results<Accepted<FillQueued>, ProblemHttpResult>> FillManyAsync(FillRequest request, AccountStore store, IBackgroundJobClient jobs, HttpContext http)
    {
        if (request.Ids is not { Length: > 0 } && request.Tier is null && request.MinCompleteness is null && request.MaxCompleteness is null)
            return Problem(StatusCodes.Status400BadRequest, "Nothing to fill", "Name accounts by ids, or give tier, min_completeness or max_completeness.");
        var accounts = await store.FindForKeyAsync(http.Key().Id, request.MinCompleteness / 100.0, request.MaxCompleteness / 100.0, Blank(request.Tier), request.Ids, 10_000, http.RequestAborted);
        var queued = new List<FillQueued.Job>(accounts.Count);
        foreach (var account in accounts)
            queued.Add(await QueueAsync(account, store, jobs, http.RequestAborted));
        return TypedResults.Accepted("/api/accounts", new FillQueued(queued));
    }

    public static async Task<FillQueued.Job> QueueAsync(AccountRecord account, AccountStore store, IBackgroundJobClient jobs, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(account);
        ArgumentNullException.ThrowIfNull(store);
        ArgumentNullException.ThrowIfNull(jobs);
        var id = account.Id;
        var domain = account.Domain;
        await store.SetQueuedAsync(id, ct);
        var jobId = jobs.Enqueue<FillCommitteeJob>(job => job.RunAsync(id, domain, CancellationToken.None));
        await store.SetJobIdAsync(id, jobId, ct);
        return new FillQueued.Job(id, domain, jobId);
    }

    static async Task<IResult> ExportAsync(AccountStore store, CommitteeTemplateSource templates, HttpContext http,
        string? ids, string? tier, int? min_completeness, int? max_completeness)
    {
        long[]? chosen = null;
        if (!string.IsNullOrWhiteSpace(ids))
        {
            var parts = ids.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            if (parts.Any(p => !long.TryParse(p, System.Globalization.CultureInfo.InvariantCulture, out _)))
                return Problem(StatusCodes.Status400BadRequest, "Invalid ids", $"ids: comma-separated account ids (was \"{ids}\").");
            chosen = [.. parts.Select(p => long.Parse(p, System.Globalization.CultureInfo.InvariantCulture))];
        }

        var ct = http.RequestAborted;
        var accounts = await store.FindForKeyAsync(http.Key().Id, min_completeness / 100.0, max_completeness / 100.0, Blank(tier), chosen, 100_000, ct);
        http.Response.ContentType = "text/csv; charset=utf-8";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"committee.csv\"";
        await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false));
        await writer.WriteAsync(CommitteeCsv.Header);
        foreach (var account in accounts)
        {
            if (await ViewAsync(account.Id, store, templates, ct) is { } view)
                await writer.WriteAsync(CommitteeCsv.Rows(account, view));
        }

        return Results.Empty;
    }

    static async Task<IResult> TemplatesAsync(CommitteeTemplateSource templates, HttpContext http)
    {
        var (body, source) = await templates.DocumentAsync(http.RequestAborted);
        http.Response.Headers["X-Templates-Source"] = source == "api" ? "api" : "config";
        return Results.Text(body, "application/json");
    }

    static async Task<IResult> PutTemplatesAsync(CommitteeTemplateSource templates, HttpContext http)
    {
        using var reader = new StreamReader(http.Request.Body, Encoding.UTF8);
        var body = await reader.ReadToEndAsync(http.RequestAborted);
        try
        {
            var saved = await templates.SaveAsync(body, http.RequestAborted);
            return TypedResults.Ok(new { @default = saved.Default.Id, templates = saved.All.Select(t => t.Id).ToArray() });
        }
        catch (CommitteeTemplateException e)
        {
            return Problem(StatusCodes.Status400BadRequest, "Invalid committee templates", e.Message);
        }
    }

    static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    static ProblemHttpResult NotFound(long id) => Problem(StatusCodes.Status404NotFound, "Account not found", $"No account {id}.");

    static ProblemHttpResult Problem(int status, string title, string detail) => TypedResults.Problem(statusCode: status, title: title, detail: detail);
}

using System.Text.Json;
using Enrichment.Service.Security;
using Enrichment.Storage.Lists;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Enrichment.Service.Lists;

/// <summary>
/// /api/lists: upload, state, cancel, erase, download. A list belongs to the API key that uploaded it; another
/// key sees 404, as if it did not exist.
/// </summary>
public static class ListEndpoints
{
    public static RouteGroupBuilder MapLists(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var lists = api.MapGroup("/lists").WithTags("Lists");
        lists.MapPost("/", ListUpload.HandleAsync)
            .WithSummary("Upload a list (multipart: name, mapping, callback_url, then file)")
            .Produces<ListUpload.Created>(StatusCodes.Status201Created)
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .DisableAntiforgery();
        lists.MapGet("/", RecentAsync).WithSummary("The caller's lists, newest first");
        lists.MapGet("/{id:long}", GetAsync).WithSummary("State, counts, progress and summary of a list");
        lists.MapPost("/{id:long}/cancel", CancelAsync).WithSummary("Stop working on a list");
        lists.MapDelete("/{id:long}", DeleteAsync).WithSummary("Erase a list and its rows");
        lists.MapGet("/{id:long}/results", ResultsAsync)
            .WithSummary("Download rows: segment=all|deliverable|deliverable_risky|undeliverable|unknown|rejected, format=csv|jsonl");
        return api;
    }

    static async Task<Ok<ListResponse[]>> RecentAsync(HttpContext http, ListStore store, TimeProvider time, int? limit)
    {
        var rows = await store.RecentAsync(Math.Clamp(limit ?? 50, 1, 500), http.Key().Id, http.RequestAborted);
        return TypedResults.Ok(rows.Select(r => ToResponse(r, time.GetUtcNow())).ToArray());
    }

    static async Task<Results<Ok<ListResponse>, ProblemHttpResult>> GetAsync(long id, HttpContext http, ListStore store, TimeProvider time)
    {
        var list = await OwnedAsync(id, http, store);
        return list is null ? NotFound(id) : TypedResults.Ok(ToResponse(list, time.GetUtcNow()));
    }

    static async Task<Results<Ok<ListResponse>, ProblemHttpResult>> CancelAsync(long id, HttpContext http, ListStore store, TimeProvider time)
    {
        var list = await OwnedAsync(id, http, store);
        if (list is null)
            return NotFound(id);
        if (!await store.CancelAsync(id, http.RequestAborted))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "List already finished",
                detail: $"List {id} is {list.State}; only a list still being worked on can be cancelled.");
        }

        return TypedResults.Ok(ToResponse((await store.GetAsync(id, http.RequestAborted))!, time.GetUtcNow()));
    }

    static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(long id, HttpContext http, ListStore store)
    {
        var list = await OwnedAsync(id, http, store);
        if (list is null)
            return NotFound(id);
        // Jobs still queued for it find no list and end without work.
        await store.DeleteAsync(id, http.RequestAborted);
        return TypedResults.NoContent();
    }

    static async Task<IResult> ResultsAsync(long id, HttpContext http, ListStore store, ListRowStore rows, string? segment, string? format)
    {
        var list = await OwnedAsync(id, http, store);
        if (list is null)
            return NotFound(id);
        if (ParseSegment(segment) is not { } chosen)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown segment",
                detail: $"segment must be all, deliverable, deliverable_risky, undeliverable, unknown or rejected (was \"{segment}\").");
        }

        var csv = format is null or "csv";
        if (!csv && format != "jsonl")
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Unknown format",
                detail: $"format must be csv or jsonl (was \"{format}\").");
        }

        var ct = http.RequestAborted;
        var fileName = $"list-{id}-{segment ?? "all"}.{(csv ? "csv" : "jsonl")}";
        http.Response.ContentType = csv ? "text/csv; charset=utf-8" : "application/x-ndjson";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
        var stream = rows.ResultsAsync(id, chosen, ct);
        if (csv)
            await ResultsWriter.WriteCsvAsync(http.Response.Body, list.Header, stream, ct);
        else
            await ResultsWriter.WriteJsonLinesAsync(http.Response.Body, list.Header, stream, ct);
        return TypedResults.Empty;
    }

    /// <summary>"deliverable_risky" → <see cref="ResultSegment.DeliverableRisky"/>; null when unknown (pure).</summary>
    public static ResultSegment? ParseSegment(string? segment) => segment switch
    {
        null or "all" => ResultSegment.All,
        "deliverable" => ResultSegment.Deliverable,
        "deliverable_risky" => ResultSegment.DeliverableRisky,
        "undeliverable" => ResultSegment.Undeliverable,
        "unknown" => ResultSegment.Unknown,
        "rejected" => ResultSegment.Rejected,
        _ => null,
    };

    static async Task<ListRecord?> OwnedAsync(long id, HttpContext http, ListStore store)
    {
        var list = await store.GetAsync(id, http.RequestAborted);
        return list is not null && list.ApiKeyId == http.Key().Id ? list : null;
    }

    static ProblemHttpResult NotFound(long id) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such list", detail: $"There is no list {id} for this API key.");

    public static ListResponse ToResponse(ListRecord list, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(list);
        return new ListResponse(
            list.Id, list.Name, list.State, list.FileName,
            new ListCounts(list.RowsTotal, list.RowsRejected, list.RowsDuplicate, list.RowsToFind, list.RowsSettled,
                list.CountDeliverable, list.CountRisky, list.CountUndeliverable, list.CountUnknown, list.CountNotFound,
                list.DomainsTotal, list.DomainsPending),
            ListProgress.Of(list, now),
            Json(list.ImportReport), Json(list.Summary), list.Error,
            list.CreatedAt, list.StartedAt, list.CompletedAt);
    }

    static JsonElement? Json(string? text)
    {
        if (text is null)
            return null;
        using var document = JsonDocument.Parse(text);
        return document.RootElement.Clone();
    }
}

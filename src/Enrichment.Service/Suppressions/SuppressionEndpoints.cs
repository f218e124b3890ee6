using Enrichment.Service.Contacts;
using Enrichment.Service.Security;
using Enrichment.Storage.Suppressions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Enrichment.Service.Suppressions;

/// <summary>
/// /api/suppressions: never contact an address or a whole domain. Enforced by every read path: contacts, claims,
/// list downloads, and (through <see cref="SuppressionStore.SuppressedAsync"/>) committee members.
/// </summary>
public static class SuppressionEndpoints
{
    public static RouteGroupBuilder MapSuppressions(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var group = api.MapGroup("/suppressions").WithTags("Suppressions");
        group.MapGet("/", ListAsync).WithSummary("Suppressions in id order: kind (email|domain|email_hash), email or domain, limit, cursor")
            .ProducesValidationProblem();
        group.MapPost("/", AddAsync).WithSummary("Suppress {email} or {domain} with reason and source (201 new, 200 already there)")
            .ProducesValidationProblem();
        group.MapDelete("/", RemoveAsync).WithSummary("Lift the suppression of ?email= (also an erasure's hash of that address) or ?domain=")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return api;
    }

    static async Task<Results<Ok<SuppressionPage>, ValidationProblem>> ListAsync(
        HttpContext http, SuppressionStore store,
        [FromQuery(Name = "kind")] string? kind, [FromQuery(Name = "email")] string? email, [FromQuery(Name = "domain")] string? domain,
        [FromQuery(Name = "limit")] string? limit, [FromQuery(Name = "cursor")] string? cursor)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        if (kind is not null and not (SuppressionKinds.Email or SuppressionKinds.Domain or SuppressionKinds.EmailHash))
            errors["kind"] = [$"must be email, domain or email_hash (was \"{kind}\")"];
        string? value = null;
        if (email is not null || domain is not null)
        {
            if (SuppressionTarget.Parse(email, domain, out var field, out var error) is { } target)
                (kind, value) = target;
            else
                errors[field!] = [error!];
        }

        var size = ContactEndpoints.DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > ContactEndpoints.MaxLimit))
            errors["limit"] = [$"must be a whole number from 1 to {ContactEndpoints.MaxLimit} (was \"{limit}\")"];
        var afterId = ContactCursor.Decode(cursor);
        if (afterId is null)
            errors["cursor"] = ["is not a cursor this API returned (pass next_cursor unchanged)"];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Bad filter");
        var rows = await store.PageAsync(kind, value, afterId!.Value, size, http.RequestAborted);
        return TypedResults.Ok(new SuppressionPage([.. rows.Select(SuppressionResponse.Of)], rows.Count == size ? ContactCursor.Encode(rows[^1].Id) : null));
    }

    static async Task<Results<Created<SuppressionResponse>, Ok<SuppressionResponse>, ValidationProblem>> AddAsync(
        SuppressionBody body, HttpContext http, SuppressionStore store)
    {
        if (SuppressionTarget.Parse(body?.Email, body?.Domain, out var field, out var error) is not { } target)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field!] = [error!] }, title: "Bad suppression");
        var reason = string.IsNullOrWhiteSpace(body!.Reason) ? "manual" : body.Reason.Trim();
        var source = string.IsNullOrWhiteSpace(body.Source) ? $"api:{http.Key().Name}" : body.Source.Trim();
        if (reason.Length > 200 || source.Length > 200)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [reason.Length > 200 ? "reason" : "source"] = ["at most 200 characters"] }, title: "Bad suppression");
        var (record, created) = await store.AddAsync(target.Kind, target.Value, reason, source, http.RequestAborted);
        var response = SuppressionResponse.Of(record);
        return created ? TypedResults.Created($"/api/suppressions?{target.Kind}={Uri.EscapeDataString(target.Value)}", response) : TypedResults.Ok(response);
    }

    static async Task<Results<NoContent, ValidationProblem, ProblemHttpResult>> RemoveAsync(
        HttpContext http, SuppressionStore store, ErasureSalt salt,
        [FromQuery(Name = "email")] string? email, [FromQuery(Name = "domain")] string? domain)
    {
        if (SuppressionTarget.Parse(email, domain, out var field, out var error) is not { } target)
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field!] = [error!] }, title: "Bad suppression");
        var hash = target.Kind == SuppressionKinds.Email ? salt.Hash(target.Value) : null;
        var removed = await store.RemoveAsync(target.Kind, target.Value, hash, http.RequestAborted);
        return removed > 0 ? TypedResults.NoContent()
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not suppressed", detail: $"{target.Kind} {target.Value} is not on the suppression list.");
    }
}

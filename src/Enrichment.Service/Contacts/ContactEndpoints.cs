using System.Security.Cryptography;
using System.Text.Json;
using Enrichment.Service.Security;
using Enrichment.Storage.Contacts;
using Enrichment.Storage.Erasure;
using Enrichment.Storage.Lists;
using Enrichment.Verification.Syntax;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;

namespace Enrichment.Service.Contacts;

/// <summary>/api/contacts: read verified contacts (never a suppressed one) with keyset paging; erase a person.</summary>
public static class ContactEndpoints
{
    public const int DefaultLimit = 100;
    public const int MaxLimit = 1000;

    public static RouteGroupBuilder MapContacts(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var contacts = api.MapGroup("/contacts").WithTags("Contacts");
        contacts.MapGet("/", ListAsync)
            .WithSummary("Contacts with their latest verdict, in id order: status (repeatable), max_risk, list_id, account_domain, updated_since, verified_within (30d, 12h), limit, cursor; ETag / If-None-Match")
            .ProducesValidationProblem()
            .Produces(StatusCodes.Status304NotModified);
        contacts.MapDelete("/{email}", EraseAsync)
            .WithSummary("Erase a person (GDPR art. 17): contact, list rows' personal fields, verification, claims, events; keeps a salted hash so uploads refuse the address")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    static async Task<Results<Ok<ContactPage>, ValidationProblem, ProblemHttpResult, StatusCodeHttpResult>> ListAsync(
        HttpContext http, ContactQueryStore store, ListStore lists, TimeProvider time, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json,
        [FromQuery(Name = "status")] string[]? status,
        [FromQuery(Name = "max_risk")] string? maxRisk,
        [FromQuery(Name = "list_id")] string? listId,
        [FromQuery(Name = "account_domain")] string? accountDomain,
        [FromQuery(Name = "updated_since")] string? updatedSince,
        [FromQuery(Name = "verified_within")] string? verifiedWithin,
        [FromQuery(Name = "limit")] string? limit,
        [FromQuery(Name = "cursor")] string? cursor)
    {
        var (filter, errors) = new ContactQueryText(status, maxRisk, listId, accountDomain, updatedSince, verifiedWithin).Parse(time.GetUtcNow());
        var size = DefaultLimit;
        if (limit is not null && (!int.TryParse(limit, System.Globalization.CultureInfo.InvariantCulture, out size) || size is < 1 or > MaxLimit))
            errors["limit"] = [$"must be a whole number from 1 to {MaxLimit} (was \"{limit}\")"];
        var afterId = ContactCursor.Decode(cursor);
        if (afterId is null)
            errors["cursor"] = ["is not a cursor this API returned (pass next_cursor unchanged)"];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Bad filter");
        if (filter.ListId is { } id && (await lists.GetAsync(id, http.RequestAborted))?.ApiKeyId != http.Key().Id)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such list", detail: $"list_id: there is no list {id} for this API key.");

        var rows = await store.PageAsync(filter, afterId!.Value, size, http.RequestAborted);
        var page = new ContactPage([.. rows.Select(ContactResponse.Of)], rows.Count == size ? ContactCursor.Encode(rows[^1].Id) : null);

        // A strong validator of the page as sent: a poller re-reading a page gets 304 until a contact on it (or its
        // verdict) changes, or one joins it. Verified_at and updated_at are in the page, so any write shows.
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(page, json.Value.SerializerOptions)))[..32]}\"");
        http.Response.Headers.ETag = etag.ToString();
        if (http.Request.GetTypedHeaders().IfNoneMatch is { Count: > 0 } match && match.Any(m => m.Equals(EntityTagHeaderValue.Any) || m.Compare(etag, useStrongComparison: false)))
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        return TypedResults.Ok(page);
    }

    static async Task<Results<Ok<ErasureResponse>, ProblemHttpResult>> EraseAsync(string email, HttpContext http, ErasureStore erasure, ErasureSalt salt)
    {
        var parsed = EmailSyntax.Parse(email);
        // An address that does not parse is erased as typed (lowercased): it may still sit in a list row.
        var normalized = parsed.Address?.Normalized ?? email.Trim().ToLowerInvariant();
        if (normalized.Length is 0 or > 320)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad address", detail: "email: give the address to erase.");
        var report = await erasure.EraseAsync(normalized, salt.Hash(normalized), parsed.Address is not null, http.RequestAborted);
        return TypedResults.Ok(new ErasureResponse(report.EmailHash, report.Deleted));
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Enrichment.Service.Contacts;
using Enrichment.Service.Jobs;
using Enrichment.Service.Security;
using Enrichment.Storage.Consumers;
using Enrichment.Storage.Lists;
using Hangfire;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Enrichment.Service.Consumers;

/// <summary>
/// /api/consumers/{name}: a puller's settings and its claims. Consumers belong to the API key; a name is created
/// on first use with the defaults (no max age, skip).
/// </summary>
public static partial class ConsumerEndpoints
{
    public const int MaxClaim = 1000;

    /// <summary>Optional on a claim: a retry with the same key (and parameters) gets the first answer's contacts again.</summary>
    public const string IdempotencyKeyHeader = "Idempotency-Key";

    /// <summary>Re-verification jobs carry at most this many contact ids each.</summary>
    const int ReverifyChunk = 500;

    public static RouteGroupBuilder MapConsumers(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        var consumers = api.MapGroup("/consumers").WithTags("Consumers");
        consumers.MapGet("/{name}", GetAsync).WithSummary("A consumer's settings and claim count");
        consumers.MapPut("/{name}", PutAsync)
            .WithSummary("Set max_age (e.g. 30d; null for any) and stale_policy (skip | reverify)")
            .ProducesValidationProblem();
        consumers.MapPost("/{name}/claims", ClaimAsync)
            .WithSummary("Hand out up to limit contacts this consumer never had (deliverable; risky with include_risky), never suppressed; {items, skipped}. Send an Idempotency-Key header to make a retry return the same contacts (kept 24 h)")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity);
        return api;
    }

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")]
    private static partial Regex NamePattern();

    static ValidationProblem BadName(string name) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { ["name"] = [$"must be 1-64 letters, digits, '.', '_' or '-' (was \"{name}\")"] }, title: "Bad consumer name");

    static async Task<Results<Ok<ConsumerResponse>, ValidationProblem, ProblemHttpResult>> GetAsync(string name, HttpContext http, ConsumerStore store)
    {
        if (!NamePattern().IsMatch(name))
            return BadName(name);
        var consumer = await store.GetAsync(http.Key().Id, name, http.RequestAborted);
        if (consumer is null)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such consumer", detail: $"No consumer \"{name}\" for this API key yet.");
        return TypedResults.Ok(await ToResponseAsync(consumer, store, http.RequestAborted));
    }

    static async Task<Results<Ok<ConsumerResponse>, ValidationProblem>> PutAsync(string name, ConsumerSettings settings, HttpContext http, ConsumerStore store)
    {
        if (!NamePattern().IsMatch(name))
            return BadName(name);
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        TimeSpan? maxAge = null;
        if (settings?.MaxAge is { } text && (maxAge = AgeText.Parse(text)) is null)
            errors["max_age"] = [$"must be {AgeText.Expected}, or null for any age (was \"{text}\")"];
        var policy = settings?.StalePolicy ?? StalePolicies.Skip;
        if (!StalePolicies.IsKnown(policy))
            errors["stale_policy"] = [$"must be skip or reverify (was \"{policy}\")"];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Bad consumer settings");
        var consumer = await store.PutAsync(http.Key().Id, name, maxAge, policy, http.RequestAborted);
        return TypedResults.Ok(await ToResponseAsync(consumer, store, http.RequestAborted));
    }

    static async Task<Results<Ok<ClaimResponse>, ValidationProblem, ProblemHttpResult>> ClaimAsync(
        string name, ClaimBody? body, HttpContext http, ConsumerStore consumers, ClaimStore claims, ClaimReplayStore replays, ListStore lists,
        IBackgroundJobClient jobs, TimeProvider time)
    {
        var key = http.Request.Headers[IdempotencyKeyHeader].ToString();
        if (key.Length > 255)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad Idempotency-Key", detail: $"{IdempotencyKeyHeader}: at most 255 characters (was {key.Length}).");
        if (!NamePattern().IsMatch(name))
            return BadName(name);
        body ??= new ClaimBody();
        var now = time.GetUtcNow();
        var (filter, errors) = new ContactQueryText(body.Status, body.MaxRisk?.ToString(CultureInfo.InvariantCulture),
            body.ListId?.ToString(CultureInfo.InvariantCulture), body.AccountDomain, body.UpdatedSince, body.VerifiedWithin).Parse(now);
        var limit = body.Limit ?? ContactEndpoints.DefaultLimit;
        if (limit is < 1 or > MaxClaim)
            errors["limit"] = [$"must be from 1 to {MaxClaim} (was {limit})"];
        if (filter.Statuses?.FirstOrDefault(s => s is not ("deliverable" or "risky")) is { } status)
            errors["status"] = [$"claims hand out deliverable and risky contacts only (was \"{status}\")"];
        if (errors.Count > 0)
            return TypedResults.ValidationProblem(errors, title: "Bad claim");
        if (filter.ListId is { } id && (await lists.GetAsync(id, http.RequestAborted))?.ApiKeyId != http.Key().Id)
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such list", detail: $"list_id: there is no list {id} for this API key.");

        // Never undeliverable or unknown: the statuses asked for, else deliverable (+ risky when asked).
        var statuses = filter.Statuses ?? (body.IncludeRisky == true ? ["deliverable", "risky"] : ["deliverable"]);
        var consumer = await consumers.GetOrCreateAsync(http.Key().Id, name, http.RequestAborted);
        if (key.Length > 0)
        {
            var fingerprint = Convert.ToHexStringLower(SHA256.HashData(JsonSerializer.SerializeToUtf8Bytes(body)));
            var replay = await replays.ReserveAsync(consumer.Id, key, fingerprint, now, http.RequestAborted);
            switch (replay.State)
            {
                case ClaimReplayStates.Mismatch:
                    return TypedResults.Problem(statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency-Key reused",
                        detail: $"{IdempotencyKeyHeader} \"{key}\" was first sent with other claim parameters; use a new key for a new claim.");
                case ClaimReplayStates.InProgress:
                    return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "Claim in progress",
                        detail: $"A claim with {IdempotencyKeyHeader} \"{key}\" is still running; retry when it has answered.");
                case ClaimReplayStates.Done:
                    http.Response.Headers["Idempotent-Replayed"] = "true";
                    var again = await replays.ViewsAsync(replay.ContactIds!, http.RequestAborted);
                    return TypedResults.Ok(new ClaimResponse([.. again.Select(ContactResponse.Of)],
                        JsonSerializer.Deserialize<Dictionary<string, int>>(replay.Skipped ?? "{}") ?? [], consumer.StalePolicy, replay.ReverificationsQueued));
            }
        }

        ClaimResult result;
        try
        {
            result = await claims.ClaimAsync(
                new ClaimRequest(consumer.Id, filter with { Statuses = statuses }, limit, consumer.MaxAge, consumer.StalePolicy, now), http.RequestAborted);
        }
        catch when (key.Length > 0)
        {
            await replays.GiveUpAsync(consumer.Id, key, CancellationToken.None);
            throw;
        }

        if (key.Length > 0)
        {
            await replays.CompleteAsync(consumer.Id, key, [.. result.Items.Select(i => i.Id)], JsonSerializer.Serialize(result.Skipped),
                result.ToReverify.Count, CancellationToken.None);
        }

        foreach (var chunk in result.ToReverify.Chunk(ReverifyChunk))
            jobs.Enqueue<ReverifyContactsJob>(job => job.RunAsync(chunk, CancellationToken.None));
        return TypedResults.Ok(new ClaimResponse([.. result.Items.Select(ContactResponse.Of)], result.Skipped, consumer.StalePolicy, result.ToReverify.Count));
    }

    static async Task<ConsumerResponse> ToResponseAsync(ConsumerRecord consumer, ConsumerStore store, CancellationToken ct) =>
        new(consumer.Name, consumer.MaxAge is { } age ? AgeText.Format(age) : null, consumer.StalePolicy,
            await store.ClaimedCountAsync(consumer.Id, ct), new DateTimeOffset(DateTime.SpecifyKind(consumer.CreatedAt, DateTimeKind.Utc)));
}

using Enrichment.Service.Events.Webhooks;
using Enrichment.Service.Security;
using Enrichment.Storage.Events;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Enrichment.Service.Events;

/// <summary>
/// Feedback from sequencers: POST /api/events with an API key, or POST /api/webhooks/{source}/events signed with the
/// source's shared secret (no API key: the signature is the credential).
/// </summary>
public static class EventEndpoints
{
    const int MaxBodyBytes = 1024 * 1024;

    public static RouteGroupBuilder MapEvents(this RouteGroupBuilder api)
    {
        ArgumentNullException.ThrowIfNull(api);
        api.MapPost("/events", ApiKeyAsync).WithTags("Events")
            .WithSummary("Bounces (hard/soft), unsubscribes, complaints, replies per address: one event, an array, or {events: [...]}")
            .Accepts<EventBody>("application/json")
            .Produces<EventsResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        return api;
    }

    /// <summary>The signed route, outside the API-key group.</summary>
    public static IEndpointRouteBuilder MapEventWebhooks(this IEndpointRouteBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPost("/api/webhooks/{source}/events", WebhookAsync).WithTags("Events")
            .WithSummary("Events from a configured sender in its own dialect and signature: outreach, salesloft, sendgrid, mailgun, postmark, or generic (the body of POST /api/events, X-Webhook-Signature = hex HMAC-SHA256 of \"{X-Webhook-Timestamp}.{body}\")")
            .Accepts<EventBody>("application/json")
            .Produces<EventsResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .RequireRateLimiting(Security.RateLimits.Policy);
        return app;
    }

    static async Task<Results<Ok<EventsResponse>, ProblemHttpResult>> ApiKeyAsync(HttpContext http, EventStore store, TimeProvider time)
    {
        var body = await ReadBodyAsync(http);
        if (body is null)
            return TooLarge();
        return await RecordAsync(body, $"api:{http.Key().Name}", store, time, http.RequestAborted);
    }

    static async Task<Results<Ok<EventsResponse>, ProblemHttpResult>> WebhookAsync(
        string source, HttpContext http, EventStore store, TimeProvider time, IOptions<WebhookOptions> options)
    {
        if (!options.Value.Sources.TryGetValue(source, out var configured) || configured.Secret is null
            || WebhookSchemes.For(source, configured.Scheme) is not { } scheme)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Unknown webhook source",
                detail: $"No secret is configured for \"{source}\" ({WebhookOptions.Section}:Sources:{source}:Secret).");
        }

        var body = await ReadBodyAsync(http);
        if (body is null)
            return TooLarge();
        var request = new WebhookRequest(body, name => http.Request.Headers.TryGetValue(name, out var value) ? value.ToString() : null);
        var now = time.GetUtcNow();
        if (scheme.Authenticate(request, configured.Secret, now, options.Value.Tolerance) is { } problem)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Webhook not authenticated",
                detail: $"{source} ({scheme.Name} scheme): {problem}");
        }

        var payload = scheme.Read(request);
        if (payload.Error is not null)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad webhook body", detail: $"{source} ({scheme.Name} scheme): {payload.Error}");
        if (payload.Events.Count > EventBatch.MaxEvents)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad events", detail: $"At most {EventBatch.MaxEvents} events per request (got {payload.Events.Count}).");

        // A delivery of events we do not act on (opened, delivered) is still a success for the sender: a non-2xx
        // would make it retry, and some senders disable a webhook that keeps failing.
        var (events, rejected) = EventBatch.Validate(payload.Events, $"webhook:{source.ToLowerInvariant()}", now);
        if (events.Count == 0 && rejected.Count > 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No valid event",
                detail: string.Join("; ", rejected.Select(r => $"events[{r.Index}]: {r.Error}")));
        }

        IReadOnlyList<EventOutcome> outcomes = events.Count == 0 ? [] : await store.RecordAsync(events, now, http.RequestAborted);
        return TypedResults.Ok(Response(outcomes, rejected, payload.Ignored));
    }

    static async Task<Results<Ok<EventsResponse>, ProblemHttpResult>> RecordAsync(byte[] body, string source, EventStore store, TimeProvider time, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var (events, rejected, error) = EventBatch.Parse(body, source, now);
        if (error is not null)
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad events", detail: error);
        if (events.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "No valid event",
                detail: string.Join("; ", rejected.Select(r => $"events[{r.Index}]: {r.Error}")));
        }

        return TypedResults.Ok(Response(await store.RecordAsync(events, now, ct), rejected, []));
    }

    static EventsResponse Response(IReadOnlyList<EventOutcome> outcomes, IReadOnlyList<EventBatch.Rejected> rejected, IReadOnlyList<string> ignored) =>
        new(outcomes.Count, [.. outcomes.Select(o => new EventResult(o.Email, o.Kind, o.Suppressed, o.MarkedUndeliverable, o.SoftBounces))], rejected, ignored);

    /// <summary>The raw body (a signature covers the exact bytes); null when over 1 MiB.</summary>
    static async Task<byte[]?> ReadBodyAsync(HttpContext http)
    {
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int n;
        while ((n = await http.Request.Body.ReadAsync(chunk, http.RequestAborted)) > 0)
        {
            if (buffer.Length + n > MaxBodyBytes)
                return null;
            buffer.Write(chunk, 0, n);
        }

        return buffer.ToArray();
    }

    static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Too many events", detail: $"A request body may be at most {MaxBodyBytes:N0} bytes.");
}

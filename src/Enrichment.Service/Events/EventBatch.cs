using System.Globalization;
using System.Text.Json;
using Enrichment.Storage.Events;
using Enrichment.Verification.Syntax;

namespace Enrichment.Service.Events;

/// <summary>
/// The body of POST /api/events (and of signed webhooks): one event object, an array of them, or
/// <c>{"events": [...]}</c>. An event is <c>{"type": "bounce"|"unsubscribe"|"complaint"|"reply", "email": …,
/// "bounce_type": "hard"|"soft" (bounces), "occurred_at": ISO 8601 (default: now), "detail": …}</c>. Bad events are
/// kept with their index and reason; the good ones still count (pure).
/// </summary>
public static class EventBatch
{
    public const int MaxEvents = 1000;

    public sealed record Rejected(int Index, string Error);

    public static (IReadOnlyList<ContactEvent> Events, IReadOnlyList<Rejected> Rejected, string? Error) Parse(ReadOnlySpan<byte> body, string source, DateTimeOffset now)
    {
        var (inputs, error) = Read(body);
        if (error is not null)
            return ([], [], error);
        var (events, rejected) = Validate(inputs, source, now);
        return (events, rejected, null);
    }

    /// <summary>Our generic shape read into inputs (not yet validated); an error when the body is not events at all.</summary>
    public static (IReadOnlyList<EventInput> Inputs, string? Error) Read(ReadOnlySpan<byte> body)
    {
        JsonDocument document;
        try
        {
            var reader = new Utf8JsonReader(body, new JsonReaderOptions { MaxDepth = 16 });
            document = JsonDocument.ParseValue(ref reader);
        }
        catch (JsonException e)
        {
            return ([], $"The body is not valid JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            List<JsonElement> elements;
            if (root.ValueKind == JsonValueKind.Array)
                elements = [.. root.EnumerateArray()];
            else if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("events", out var list) && list.ValueKind == JsonValueKind.Array)
                elements = [.. list.EnumerateArray()];
            else if (root.ValueKind == JsonValueKind.Object)
                elements = [root];
            else
                return ([], "The body must be an event object, an array of events, or {\"events\": [...]}.");
            if (elements.Count > MaxEvents)
                return ([], $"At most {MaxEvents} events per request (got {elements.Count}).");
            return ([.. elements.Select(e => e.ValueKind == JsonValueKind.Object
                ? new EventInput(Text(e, "type"), Text(e, "email"), Text(e, "bounce_type"), Text(e, "occurred_at"), Text(e, "detail"))
                : new EventInput(null, null, null, null, null, Invalid: "an event must be a JSON object"))], null);
        }
    }

    /// <summary>The valid inputs as events; the others rejected with their index and reason.</summary>
    public static (IReadOnlyList<ContactEvent> Events, IReadOnlyList<Rejected> Rejected) Validate(IReadOnlyList<EventInput> inputs, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        var events = new List<ContactEvent>(inputs.Count);
        var rejected = new List<Rejected>();
        for (var i = 0; i < inputs.Count; i++)
        {
            var (e, error) = ToEvent(inputs[i], source, now);
            if (e is not null)
                events.Add(e);
            else
                rejected.Add(new Rejected(i, error!));
        }

        return (events, rejected);
    }

    /// <summary>
    /// One event in our vocabulary, whatever shape it arrived in (our JSON or a sender's webhook): the address must
    /// parse, the type be known, a bounce say hard or soft, the time be ISO 8601 and not in the future.
    /// </summary>
    public static (ContactEvent? Event, string? Error) ToEvent(EventInput input, string source, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(input);
        if (input.Invalid is not null)
            return (null, input.Invalid);
        var type = input.Type?.ToLowerInvariant();
        var email = input.Email;
        if (email is null)
            return (null, "email: missing");
        var parsed = EmailSyntax.Parse(email);
        if (parsed.Address is null)
            return (null, $"email: \"{email}\" is not a valid address ({parsed.Error})");
        string kind;
        switch (type)
        {
            case "bounce":
                var bounceType = input.BounceType?.ToLowerInvariant();
                if (bounceType is not ("hard" or "soft"))
                    return (null, $"bounce_type: must be hard or soft for a bounce (was \"{bounceType}\")");
                kind = bounceType == "hard" ? ContactEventKinds.HardBounce : ContactEventKinds.SoftBounce;
                break;
            case "unsubscribe": kind = ContactEventKinds.Unsubscribe; break;
            case "complaint": kind = ContactEventKinds.Complaint; break;
            case "reply": kind = ContactEventKinds.Reply; break;
            default: return (null, $"type: must be bounce, unsubscribe, complaint or reply (was \"{type}\")");
        }

        var occurredAt = now;
        if (input.OccurredAt is { } when)
        {
            if (!DateTimeOffset.TryParse(when, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out occurredAt))
                return (null, $"occurred_at: must be an ISO 8601 time (was \"{when}\")");
            if (occurredAt > now + TimeSpan.FromMinutes(5))
                return (null, $"occurred_at: {when} is in the future");
        }

        var detail = input.Detail;
        return (new ContactEvent(parsed.Address.Normalized, kind, source, occurredAt, detail is { Length: > 500 } ? detail[..500] : detail), null);
    }

    static string? Text(JsonElement item, string name) =>
        item.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}

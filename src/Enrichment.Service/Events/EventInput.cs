namespace Enrichment.Service.Events;

/// <summary>
/// One event as read from a request, before validation: our generic JSON fields, or what a sender's webhook was
/// translated into (<c>type</c> bounce|unsubscribe|complaint|reply, <c>bounce_type</c> hard|soft, ISO 8601 time).
/// <paramref name="Invalid"/>: why the item could not even be read (it is rejected with that reason).
/// </summary>
public sealed record EventInput(string? Type, string? Email, string? BounceType, string? OccurredAt, string? Detail, string? Invalid = null)
{
    public static EventInput Bounce(string? email, bool hard, string? occurredAt, string? detail) =>
        new("bounce", email, hard ? "hard" : "soft", occurredAt, detail);

    public static EventInput Of(string type, string? email, string? occurredAt, string? detail) => new(type, email, null, occurredAt, detail);
}

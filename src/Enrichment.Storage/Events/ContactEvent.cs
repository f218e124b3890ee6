namespace Enrichment.Storage.Events;

/// <summary>One feedback event: a normalised address, its kind (<see cref="ContactEventKinds"/>), who sent it, when.</summary>
public sealed record ContactEvent(string Email, string Kind, string Source, DateTimeOffset OccurredAt, string? Detail);

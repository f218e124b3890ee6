namespace Enrichment.Storage.Events;

/// <summary>What an event did to its address: suppressed (and why), marked undeliverable, soft bounces so far.</summary>
public sealed record EventOutcome(string Email, string Kind, bool Suppressed, bool MarkedUndeliverable, int SoftBounces);

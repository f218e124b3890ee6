namespace Enrichment.Service.Events;

/// <summary>One accepted event's effect on its address.</summary>
public sealed record EventResult(string Email, string Kind, bool Suppressed, bool MarkedUndeliverable, int SoftBounces);

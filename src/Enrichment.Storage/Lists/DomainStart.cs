namespace Enrichment.Storage.Lists;

/// <summary>
/// What a domain job found when it tried to start. <see cref="ListState"/> null: the list is gone. With a
/// <see cref="Lease"/> the job works; without one, either the domain is done or the list final (nothing to do), or
/// another worker holds a live lease until <see cref="HeldUntil"/>.
/// </summary>
public sealed record DomainStart(string? ListState, DomainLease? Lease, DateTimeOffset? HeldUntil);

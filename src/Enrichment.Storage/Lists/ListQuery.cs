namespace Enrichment.Storage.Lists;

/// <summary>
/// One page of lists, newest first: <see cref="Search"/> is a case-insensitive part of the name or file name,
/// <see cref="State"/> one of <see cref="ListStates"/>. Keyset paging: <see cref="Before"/> gives the lists older than
/// that id, <see cref="After"/> the ones newer (at most one of them).
/// </summary>
public sealed record ListQuery(string? Search, string? State, long? Before, long? After, int Limit);

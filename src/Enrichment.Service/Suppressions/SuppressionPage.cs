namespace Enrichment.Service.Suppressions;

/// <summary>A page of suppressions; pass <see cref="NextCursor"/> as cursor for the next.</summary>
public sealed record SuppressionPage(IReadOnlyList<SuppressionResponse> Items, string? NextCursor);

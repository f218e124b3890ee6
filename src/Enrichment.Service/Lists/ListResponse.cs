using System.Text.Json;

namespace Enrichment.Service.Lists;

/// <summary>GET /api/lists/{id}: the list's state, counts, progress and, once complete, its summary.</summary>
public sealed record ListResponse(
    long Id,
    string Name,
    string State,
    string? FileName,
    ListCounts Counts,
    ListProgress Progress,
    JsonElement? ImportReport,
    JsonElement? Summary,
    string? Error,
    DateTime CreatedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt);

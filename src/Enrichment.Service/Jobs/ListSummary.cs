using System.Text.Json;
using System.Text.Json.Serialization;
using Enrichment.Storage.Lists;

namespace Enrichment.Service.Jobs;

/// <summary>
/// The summary stored with a complete list and POSTed to its callback. bounce_estimate is the expected bounce rate
/// of the rows a sender would mail (deliverable + risky): the mean of their bounce-risk scores / 100.
/// </summary>
public sealed record ListSummary(
    [property: JsonPropertyName("list_id")] long ListId,
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("state")] string State,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("rejected")] int Rejected,
    [property: JsonPropertyName("duplicates")] int Duplicates,
    [property: JsonPropertyName("counts")] IReadOnlyDictionary<string, int> Counts,
    [property: JsonPropertyName("found")] int Found,
    [property: JsonPropertyName("sendable")] int Sendable,
    [property: JsonPropertyName("bounce_estimate")] double BounceEstimate,
    [property: JsonPropertyName("completed_at")] DateTimeOffset CompletedAt)
{
    public static ListSummary Of(ListRecord list, ListTotals totals, DateTimeOffset completedAt)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(totals);
        return new ListSummary(list.Id, list.Name, ListStates.Complete, totals.Rows, totals.Rejected, totals.Duplicates,
            new Dictionary<string, int>
            {
                ["deliverable"] = totals.Deliverable,
                ["risky"] = totals.Risky,
                ["undeliverable"] = totals.Undeliverable,
                ["unknown"] = totals.Unknown,
                ["not_found"] = totals.NotFound,
            },
            totals.Found, totals.Deliverable + totals.Risky, Math.Round(totals.MeanRiskSendable / 100, 4), completedAt);
    }

    public string ToJson() => JsonSerializer.Serialize(this);
}

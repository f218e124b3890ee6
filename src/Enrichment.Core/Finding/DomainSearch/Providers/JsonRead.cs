using System.Globalization;
using System.Text.Json;

namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>
/// Lenient readers over <see cref="JsonElement"/>: provider payloads mix nulls, empty strings and numbers-as-strings,
/// so a field of the wrong kind reads as absent instead of failing the whole page.
/// </summary>
internal static class JsonRead
{
    public static JsonElement? Property(JsonElement obj, string name) =>
        obj.ValueKind == JsonValueKind.Object && obj.TryGetProperty(name, out var value) && value.ValueKind != JsonValueKind.Null
            ? value
            : null;

    public static string? String(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.String } value && value.GetString() is { } s && !string.IsNullOrWhiteSpace(s)
            ? s.Trim()
            : null;

    public static int? Int(JsonElement obj, string name) => Property(obj, name) switch
    {
        { ValueKind: JsonValueKind.Number } n when n.TryGetInt32(out var i) => i,
        { ValueKind: JsonValueKind.Number } n when n.TryGetDouble(out var d) && d is >= int.MinValue and <= int.MaxValue => (int)Math.Round(d),
        { ValueKind: JsonValueKind.String } s when int.TryParse(s.GetString(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var i) => i,
        _ => null,
    };

    /// <summary>The "data" object both providers wrap a success in; throws <see cref="JsonException"/> without one.</summary>
    public static JsonElement Data(JsonElement root) =>
        Property(root, "data") is { ValueKind: JsonValueKind.Object } data
            ? data
            : throw new JsonException("response has no \"data\" object");

    public static IEnumerable<JsonElement> Array(JsonElement obj, string name) =>
        Property(obj, name) is { ValueKind: JsonValueKind.Array } array ? array.EnumerateArray() : [];

    /// <summary>
    /// The usable entries (those with an address) of an "emails" array as contacts. Both providers name the person
    /// fields alike (first_name, last_name, position, seniority, department, sources); only the address and the
    /// confidence fields differ.
    /// </summary>
    public static List<FoundContact> Contacts(IEnumerable<JsonElement> entries, string emailField, string confidenceField, string source) =>
        entries
            .Where(e => String(e, emailField) is not null)
            .Select(e => new FoundContact(
                String(e, emailField)!,
                String(e, "first_name"),
                String(e, "last_name"),
                String(e, "position"),
                String(e, "seniority"),
                String(e, "department"),
                Int(e, confidenceField),
                SourceUris(e),
                [source]))
            .ToList();

    /// <summary>Source URLs from a provider's "sources" array of objects with "uri" (both Hunter and Tomba).</summary>
    public static IReadOnlyList<string> SourceUris(JsonElement email) =>
        [.. Array(email, "sources").Select(s => String(s, "uri")).OfType<string>().Distinct(StringComparer.Ordinal)];

    /// <summary>
    /// The first machine-readable error id and human text in an error body, whatever its shape:
    /// Hunter's {"errors":[{"id","code","details"}]}, or {"errors":{...}}, {"error":"..."}, {"message":"..."}.
    /// Returns (null, null) when the body is not JSON.
    /// </summary>
    public static (string? Id, string? Message) ErrorOf(string body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                return (null, null);
            }

            var error = Property(root, "errors") switch
            {
                { ValueKind: JsonValueKind.Array } a => a.EnumerateArray().FirstOrDefault(),
                { } e => e,
                null => Property(root, "error") ?? root,
            };

            if (error.ValueKind == JsonValueKind.String)
            {
                return (null, error.GetString());
            }

            var id = String(error, "id") ?? String(error, "code") ?? String(error, "type");
            var message = String(error, "details") ?? String(error, "message") ?? String(root, "message");
            return (id, message);
        }
        catch (JsonException)
        {
            return (null, null);
        }
    }
}

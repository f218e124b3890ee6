using System.Globalization;
using System.Security.Cryptography;
using System.Text.Json;

namespace Enrichment.Service.Events.Webhooks;

/// <summary>Small readers shared by the schemes: a string or number at a path, Unix times, a hex digest compare.</summary>
public static class WebhookJson
{
    public static JsonElement? At(JsonElement element, params string[] path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var current = element;
        foreach (var name in path)
        {
            if (current.ValueKind != JsonValueKind.Object || !current.TryGetProperty(name, out current))
                return null;
        }

        return current;
    }

    public static string? Text(JsonElement element, params string[] path) => At(element, path) switch
    {
        { ValueKind: JsonValueKind.String } value => value.GetString(),
        { ValueKind: JsonValueKind.Number } value => value.GetRawText(),
        _ => null,
    };

    public static bool IsTrue(JsonElement element, params string[] path) => At(element, path) is { ValueKind: JsonValueKind.True };

    /// <summary>Unix seconds (whole or fractional, as text or number) as ISO 8601; null when absent or not a number.</summary>
    public static string? UnixToIso(string? seconds) =>
        double.TryParse(seconds, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value is > 0 and < 253402300799
            ? DateTimeOffset.FromUnixTimeMilliseconds((long)(value * 1000)).ToString("O", CultureInfo.InvariantCulture)
            : null;

    /// <summary>Whether <paramref name="presentedHex"/> is <paramref name="expected"/> in hex (either case), compared in constant time.</summary>
    public static bool HexMatches(ReadOnlySpan<byte> expected, string? presentedHex)
    {
        if (string.IsNullOrEmpty(presentedHex) || presentedHex.Length != expected.Length * 2)
            return false;
        byte[] presented;
        try
        {
            presented = Convert.FromHexString(presentedHex);
        }
        catch (FormatException)
        {
            return false;
        }

        return CryptographicOperations.FixedTimeEquals(presented, expected);
    }

    /// <summary>The body as a JSON document, or the reason it is not one.</summary>
    public static (JsonDocument? Document, string? Error) Parse(byte[] body)
    {
        try
        {
            return (JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = 32 }), null);
        }
        catch (JsonException e)
        {
            return (null, $"The body is not valid JSON: {e.Message}");
        }
    }
}

using System.Globalization;
using System.Text;
using System.Text.Json;
using Enrichment.Storage.Lists;

namespace Enrichment.Service.Lists;

/// <summary>
/// The download: original columns in input order, then the result columns. A result column whose name the input
/// already uses is prefixed with "enrichment_" so neither is lost. Streams row by row.
/// </summary>
public static class ResultsWriter
{
    static readonly string[] ResultColumns =
        ["email_verified", "found", "status", "risk", "reasons", "smtp_code", "mx_host", "verified_at", "line", "rejection_reason", "rejection_column", "duplicate_of_row"];

    /// <summary>Result column names after collision handling (pure).</summary>
    public static string[] ResultNames(IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(header);
        var taken = new HashSet<string>(header, StringComparer.OrdinalIgnoreCase);
        return [.. ResultColumns.Select(c => taken.Contains(c) ? "enrichment_" + c : c)];
    }

    public static async Task WriteCsvAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<ResultRow> rows, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, new UTF8Encoding(false), 1 << 16);
        var line = new StringBuilder();
        foreach (var name in header.Concat(ResultNames(header)))
        {
            if (line.Length > 0)
                line.Append(',');
            CsvCell.Append(line, name);
        }

        await writer.WriteAsync(line.Append("\r\n"), ct);
        await foreach (var row in rows.WithCancellation(ct))
        {
            line.Clear();
            // A ragged row keeps its own width: short rows are padded to the header, long ones keep their extras.
            var width = Math.Max(header.Count, row.Fields.Length);
            for (var i = 0; i < width; i++)
            {
                if (i > 0)
                    line.Append(',');
                CsvCell.Append(line, i < row.Fields.Length ? row.Fields[i] : "");
            }

            foreach (var value in ResultValues(row))
            {
                line.Append(',');
                CsvCell.Append(line, value);
            }

            await writer.WriteAsync(line.Append("\r\n"), ct);
        }
    }

    public static async Task WriteJsonLinesAsync(Stream output, IReadOnlyList<string> header, IAsyncEnumerable<ResultRow> rows, CancellationToken ct)
    {
        var names = UniqueNames(header);
        await using var json = new Utf8JsonWriter(output, new JsonWriterOptions { SkipValidation = true });
        var newline = "\n"u8.ToArray();
        await foreach (var row in rows.WithCancellation(ct))
        {
            json.WriteStartObject();
            json.WriteNumber("line", row.Line);
            json.WriteStartObject("input");
            for (var i = 0; i < row.Fields.Length; i++)
                json.WriteString(i < names.Length ? names[i] : $"column_{i + 1}", row.Fields[i]);
            json.WriteEndObject();
            WriteNullable(json, "email", row.Email);
            json.WriteBoolean("found", row.Found);
            WriteNullable(json, "status", row.Status ?? (row.RejectionReason is null ? null : "rejected"));
            if (row.Risk is { } risk)
                json.WriteNumber("risk", risk);
            else
                json.WriteNull("risk");
            json.WriteStartArray("reasons");
            foreach (var reason in row.Reasons ?? [])
                json.WriteStringValue(reason);
            json.WriteEndArray();
            if (row.SmtpCode is { } code)
                json.WriteNumber("smtp_code", code);
            else
                json.WriteNull("smtp_code");
            WriteNullable(json, "mx_host", row.MxHost);
            WriteNullable(json, "verified_at", row.VerifiedAt?.ToString("O", CultureInfo.InvariantCulture));
            WriteNullable(json, "rejection_reason", row.RejectionReason);
            WriteNullable(json, "rejection_column", row.RejectionColumn);
            if (row.DuplicateOf is { } duplicate)
                json.WriteNumber("duplicate_of_row", duplicate);
            json.WriteEndObject();
            await json.FlushAsync(ct);
            json.Reset();
            await output.WriteAsync(newline, ct);
        }
    }

    static IEnumerable<string?> ResultValues(ResultRow row)
    {
        yield return row.Email;
        yield return row.Found ? "true" : "false";
        yield return row.Status ?? (row.RejectionReason is null ? null : "rejected");
        yield return row.Risk?.ToString(CultureInfo.InvariantCulture);
        yield return row.Reasons is null ? null : string.Join(';', row.Reasons);
        yield return row.SmtpCode?.ToString(CultureInfo.InvariantCulture);
        yield return row.MxHost;
        yield return row.VerifiedAt?.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
        yield return row.Line.ToString(CultureInfo.InvariantCulture);
        yield return row.RejectionReason;
        yield return row.RejectionColumn;
        yield return row.DuplicateOf?.ToString(CultureInfo.InvariantCulture);
    }

    static string[] UniqueNames(IReadOnlyList<string> header)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var names = new string[header.Count];
        for (var i = 0; i < header.Count; i++)
        {
            var name = string.IsNullOrEmpty(header[i]) ? $"column_{i + 1}" : header[i];
            var candidate = name;
            for (var n = 2; !seen.Add(candidate); n++)
                candidate = $"{name}_{n}";
            names[i] = candidate;
        }

        return names;
    }

    static void WriteNullable(Utf8JsonWriter json, string name, string? value)
    {
        if (value is null)
            json.WriteNull(name);
        else
            json.WriteString(name, value);
    }
}

using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using CsvHelper;
using Enrichment.Export;

namespace Enrichment.Cli.Output;

/// <summary>
/// Writes records with a fixed column list as CSV (RFC 4180) or JSON lines. CSV cells that a spreadsheet would run as
/// a formula get a leading apostrophe (<see cref="CsvFormulaGuard"/>) unless <c>guardFormulas</c> is off. JSON lines
/// carry numbers as numbers, booleans as booleans, lists as arrays, and UTF-8 unescaped.
/// </summary>
public sealed class RecordWriter : IAsyncDisposable
{
    private static readonly JsonWriterOptions JsonOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private readonly TextWriter _out;
    private readonly List<OutputColumn> _columns;
    private readonly CsvWriter? _csv;
    private readonly bool _guardFormulas;
    private readonly ArrayBufferWriter<byte> _json = new(1024);
    private long _records;

    public RecordWriter(TextWriter output, OutputFormat format, IReadOnlyList<OutputColumn> columns, bool guardFormulas = true)
    {
        ArgumentNullException.ThrowIfNull(columns);
        _out = output;
        _columns = Unique(columns);
        _guardFormulas = guardFormulas;
        if (format == OutputFormat.Csv)
        {
            _csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
            foreach (var column in _columns)
            {
                _csv.WriteField(Guard(column.Name));
            }

            _csv.EndRecord();
        }
    }

    public long Records => _records;

    /// <summary>Writes one record; <paramref name="values"/> line up with the columns.</summary>
    public async Task WriteAsync(IReadOnlyList<string?> values, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(values);
        _records++;
        if (_csv is not null)
        {
            for (var i = 0; i < _columns.Count; i++)
            {
                _csv.WriteField(Guard(i < values.Count ? values[i] ?? "" : ""));
            }

            await _csv.EndRecordAsync(cancellationToken);
            // Hand rows to the output regularly: memory must not grow with the size of the list.
            if (_records % 1024 == 0)
            {
                await _csv.FlushAsync(cancellationToken);
            }

            return;
        }

        _json.ResetWrittenCount();
        using (var json = new Utf8JsonWriter(_json, JsonOptions))
        {
            json.WriteStartObject();
            for (var i = 0; i < _columns.Count; i++)
            {
                WriteJson(json, _columns[i], i < values.Count ? values[i] : null);
            }

            json.WriteEndObject();
        }

        await _out.WriteLineAsync(Encoding.UTF8.GetString(_json.WrittenSpan).AsMemory(), cancellationToken);
    }

    private static void WriteJson(Utf8JsonWriter json, OutputColumn column, string? value)
    {
        if (value is null)
        {
            json.WriteNull(column.Name);
            return;
        }

        switch (column.Kind)
        {
            case ColumnKind.Number when long.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var integer):
                json.WriteNumber(column.Name, integer);
                break;
            case ColumnKind.Number when double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number):
                json.WriteNumber(column.Name, number);
                break;
            case ColumnKind.Number when value.Length == 0:
                json.WriteNull(column.Name);
                break;
            case ColumnKind.Boolean when value is "true" or "false":
                json.WriteBoolean(column.Name, value == "true");
                break;
            case ColumnKind.Boolean when value.Length == 0:
                json.WriteNull(column.Name);
                break;
            case ColumnKind.List:
                json.WriteStartArray(column.Name);
                foreach (var item in value.Split('|', StringSplitOptions.RemoveEmptyEntries))
                {
                    json.WriteStringValue(item);
                }

                json.WriteEndArray();
                break;
            default:
                json.WriteString(column.Name, value);
                break;
        }
    }

    private string Guard(string value) =>
        _guardFormulas ? CsvFormulaGuard.Guard(value) : value;

    /// <summary>Column names made unique ("name", "name_2"): a JSON object cannot hold one key twice.</summary>
    private static List<OutputColumn> Unique(IReadOnlyList<OutputColumn> columns)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unique = new List<OutputColumn>(columns.Count);
        foreach (var column in columns)
        {
            var name = column.Name;
            for (var n = 2; !seen.Add(name); n++)
            {
                name = $"{column.Name}_{n}";
            }

            unique.Add(column with { Name = name });
        }

        return unique;
    }

    public async ValueTask DisposeAsync()
    {
        if (_csv is not null)
        {
            await _csv.FlushAsync(CancellationToken.None);
            await _csv.DisposeAsync();
        }

        await _out.FlushAsync();
    }
}

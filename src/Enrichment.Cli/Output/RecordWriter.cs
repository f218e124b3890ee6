using System.Text.Json;
using CsvHelper;

namespace Enrichment.Cli.Output;

/// <summary>Writes records with a fixed column list as CSV (RFC 4180) or JSON lines.</summary>
public sealed class RecordWriter : IAsyncDisposable
{
    private readonly TextWriter _out;
    private readonly List<string> _columns;
    private readonly CsvWriter? _csv;
    private long _records;

    public RecordWriter(TextWriter output, OutputFormat format, IReadOnlyList<string> columns)
    {
        _out = output;
        _columns = Unique(columns);
        if (format == OutputFormat.Csv)
        {
            _csv = CsvWriter.Create(output, new CsvWriterOptions(), leaveOpen: true);
            foreach (var column in _columns)
            {
                _csv.WriteField(column);
            }

            _csv.EndRecord();
        }
    }

    /// <summary>Writes one record; <paramref name="values"/> line up with the columns.</summary>
    public async Task WriteAsync(IReadOnlyList<string?> values, CancellationToken cancellationToken)
    {
        if (_csv is not null)
        {
            foreach (var value in values)
            {
                _csv.WriteField(value ?? "");
            }

            await _csv.EndRecordAsync(cancellationToken);
            // Hand rows to the output regularly: memory must not grow with the size of the list.
            if (++_records % 1024 == 0)
            {
                await _csv.FlushAsync(cancellationToken);
            }

            return;
        }

        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer))
        {
            json.WriteStartObject();
            for (var i = 0; i < _columns.Count; i++)
            {
                var value = i < values.Count ? values[i] : null;
                if (value is null)
                {
                    json.WriteNull(_columns[i]);
                }
                else
                {
                    json.WriteString(_columns[i], value);
                }
            }

            json.WriteEndObject();
        }

        await _out.WriteLineAsync(System.Text.Encoding.UTF8.GetString(buffer.GetBuffer(), 0, (int)buffer.Length).AsMemory(), cancellationToken);
    }

    /// <summary>Column names made unique ("name", "name_2"): a JSON object cannot hold one key twice.</summary>
    private static List<string> Unique(IReadOnlyList<string> columns)
    {
        var seen = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var unique = new List<string>(columns.Count);
        foreach (var column in columns)
        {
            var name = column;
            for (var n = 2; !seen.Add(name); n++)
            {
                name = $"{column}_{n}";
            }

            unique.Add(name);
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

public enum OutputFormat
{
    Csv,
    Jsonl,
}

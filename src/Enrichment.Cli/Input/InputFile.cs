using System.Runtime.CompilerServices;
using CsvHelper;

namespace Enrichment.Cli.Input;

/// <summary>
/// Reads a list either as plain lines (one value a line) or, when the first line is a CSV header
/// naming one of <c>requiredAnyOf</c>, as CSV. Streams: nothing but the current record is held.
/// </summary>
public sealed class InputFile : IAsyncDisposable
{
    private readonly TextReader _reader;
    private readonly string? _firstLine;

    private InputFile(string name, TextReader reader, string? firstLine, IReadOnlyList<string>? header)
    {
        Name = name;
        _reader = reader;
        _firstLine = firstLine;
        Header = header;
    }

    /// <summary>The file name as the user gave it ("stdin" for -), for error messages.</summary>
    public string Name { get; }

    /// <summary>The CSV header, or null in plain-list mode.</summary>
    public IReadOnlyList<string>? Header { get; }

    public static async Task<InputFile> OpenAsync(string path, TextReader stdin, Func<IReadOnlyList<string>, bool> isHeader, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(isHeader);
        var reader = path == "-" ? stdin : new StreamReader(path, detectEncodingFromByteOrderMarks: true);
        var name = path == "-" ? "stdin" : path;
        var first = (await reader.ReadLineAsync(cancellationToken))?.TrimStart('\uFEFF');
        if (first is not null)
        {
            var header = HeaderFields(first);
            if (isHeader(header.Select(Normalize).ToList()))
            {
                return new InputFile(name, new PrefixedTextReader(first + "\n", reader), null, header);
            }
        }

        return new InputFile(name, reader, first, null);
    }

    /// <summary>Index of the first header column whose name is one of <paramref name="names"/> (case-insensitive), or -1.</summary>
    public int Column(params string[] names)
    {
        if (Header is null)
        {
            return -1;
        }

        for (var i = 0; i < Header.Count; i++)
        {
            if (names.Contains(Normalize(Header[i]), StringComparer.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    public async IAsyncEnumerable<InputRow> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (Header is null)
        {
            long line = 0;
            var text = _firstLine;
            while (text is not null)
            {
                line++;
                yield return new InputRow(line, [text]);
                text = await _reader.ReadLineAsync(cancellationToken);
            }

            yield break;
        }

        await using var csv = CsvReader.Create(_reader, Options(hasHeader: true), leaveOpen: true);
        while (true)
        {
            bool more;
            try
            {
                more = await csv.ReadAsync(cancellationToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                throw new InvalidDataException($"{Name}: malformed CSV after line {SafeLine(csv)}: {ex.Message}", ex);
            }

            if (!more)
            {
                yield break;
            }

            var fields = new string[csv.FieldCount];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = csv.GetString(i);
            }

            yield return new InputRow(csv.LineNumber, fields);
        }
    }

    private static long SafeLine(CsvReader csv)
    {
        try
        {
            return csv.LineNumber;
        }
        catch (InvalidOperationException)
        {
            return 0;
        }
    }

    /// <summary>The first line's fields, parsed as CSV (a header may quote names that hold commas).</summary>
    private static List<string> HeaderFields(string line)
    {
        using var csv = CsvReader.Create(new StringReader(line), Options(hasHeader: false));
        if (!csv.Read())
        {
            return [];
        }

        var fields = new List<string>(csv.FieldCount);
        for (var i = 0; i < csv.FieldCount; i++)
        {
            fields.Add(csv.GetString(i).Trim());
        }

        return fields;
    }

    // Comma only: CsvHelper would otherwise guess among , ; tab and |, and '|' is legal in an address.
    // A record over 1 MiB is an unclosed quote swallowing the file, not a contact.
    private static CsvReaderOptions Options(bool hasHeader) =>
        new() { HasHeader = hasHeader, TrackLineNumbers = true, Separator = ',', MaxRecordSize = 1 << 20 };

    public static string Normalize(string column) =>
        column.Trim().Trim('"').Trim().ToLowerInvariant().Replace(' ', '_').Replace('-', '_');

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        return ValueTask.CompletedTask;
    }
}

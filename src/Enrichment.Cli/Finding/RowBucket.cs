using CsvHelper;
using Enrichment.Cli.Input;

namespace Enrichment.Cli.Finding;

/// <summary>
/// A temporary CSV file of input rows (line number first, then the row's own fields, ragged or not), written
/// during the first pass and read back whole in the second.
/// </summary>
internal sealed class RowBucket(string path)
{
    private CsvWriter? _writer = CsvWriter.Create(new StreamWriter(path), new CsvWriterOptions(), leaveOpen: false);

    public void Add(InputRow row)
    {
        var writer = _writer ?? throw new InvalidOperationException("The bucket is closed for writing.");
        writer.WriteField(row.Line.ToString(System.Globalization.CultureInfo.InvariantCulture));
        foreach (var field in row.Fields)
        {
            writer.WriteField(field);
        }

        writer.EndRecord();
    }

    public void CloseWriter()
    {
        _writer?.Dispose();
        _writer = null;
    }

    public IEnumerable<InputRow> ReadAll()
    {
        using var csv = CsvReader.Create(new StreamReader(path), new CsvReaderOptions { HasHeader = false, Separator = ',' });
        while (csv.Read())
        {
            var fields = new string[csv.FieldCount - 1];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = csv.GetString(i + 1);
            }

            yield return new InputRow(long.Parse(csv.GetString(0), System.Globalization.CultureInfo.InvariantCulture), fields);
        }
    }

    public void Delete() => File.Delete(path);
}

using Enrichment.Cli.Output;
using Enrichment.Cli.Verification;
using Enrichment.Finding;

namespace Enrichment.Cli.Finding;

/// <summary>
/// A private temporary file of input rows bound for one group of domains (line, fields, the request read from them),
/// written during the first pass and read back whole in the second.
/// </summary>
internal sealed class RowBucket(PrivateTempDirectory directory, string name) : IDisposable
{
    private readonly string _path = directory.PathOf(name);
    private BinaryWriter? _writer = new(directory.CreateFile(name));
    private int _count;

    public void Add(BucketRow row)
    {
        var writer = _writer ?? throw new InvalidOperationException("The bucket is closed for writing.");
        writer.Write(row.Line);
        writer.Write(row.Domain);
        writer.Write(row.Fields.Length);
        foreach (var field in row.Fields)
        {
            writer.Write(field);
        }

        Spool.WriteNullable(writer, row.Request.FirstName);
        Spool.WriteNullable(writer, row.Request.LastName);
        Spool.WriteNullable(writer, row.Request.FullName);
        Spool.WriteNullable(writer, row.Request.Title);
        Spool.WriteNullable(writer, row.Request.Email);
        _count++;
    }

    public void CloseWriter()
    {
        _writer?.Dispose();
        _writer = null;
    }

    public IEnumerable<BucketRow> ReadAll()
    {
        CloseWriter();
        using var reader = new BinaryReader(PrivateTempDirectory.OpenRead(_path));
        for (var i = 0; i < _count; i++)
        {
            var line = reader.ReadInt64();
            var domain = reader.ReadString();
            var fields = new string[reader.ReadInt32()];
            for (var f = 0; f < fields.Length; f++)
            {
                fields[f] = reader.ReadString();
            }

            var request = new FindRequest(line, Spool.ReadNullable(reader), Spool.ReadNullable(reader), Spool.ReadNullable(reader), Spool.ReadNullable(reader), Spool.ReadNullable(reader));
            yield return new BucketRow(line, fields, domain, request);
        }
    }

    public void Delete() => File.Delete(_path);

    public void Dispose() => CloseWriter();
}

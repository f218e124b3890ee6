using Enrichment.Cli.Output;

namespace Enrichment.Cli.Verification;

/// <summary>
/// The input rows, in input order, in a private temporary file: written while the verifier reads ahead, read back once
/// to merge with the results. Memory: one write buffer.
/// </summary>
internal sealed class RecordSpool : IDisposable
{
    private readonly string _path;
    private BinaryWriter? _writer;

    public RecordSpool(PrivateTempDirectory directory, string name)
    {
        _path = directory.PathOf(name);
        _writer = new BinaryWriter(directory.CreateFile(name));
    }

    public long Count { get; private set; }

    public void Add(SpooledRecord record)
    {
        var writer = _writer ?? throw new InvalidOperationException("the spool is closed for writing");
        writer.Write(record.Line);
        writer.Write(record.Verified);
        writer.Write(record.Duplicate);
        writer.Write(record.Fields.Length);
        foreach (var field in record.Fields)
        {
            writer.Write(field);
        }

        Spool.WriteNullable(writer, record.Email);
        Spool.WriteNullable(writer, record.Reason);
        Spool.WriteNullable(writer, record.Detail);
        Count++;
    }

    public void CloseWriter()
    {
        _writer?.Dispose();
        _writer = null;
    }

    public IEnumerable<SpooledRecord> ReadAll()
    {
        CloseWriter();
        using var reader = new BinaryReader(PrivateTempDirectory.OpenRead(_path));
        for (long sequence = 0; sequence < Count; sequence++)
        {
            var line = reader.ReadInt64();
            var verified = reader.ReadBoolean();
            var duplicate = reader.ReadBoolean();
            var fields = new string[reader.ReadInt32()];
            for (var i = 0; i < fields.Length; i++)
            {
                fields[i] = reader.ReadString();
            }

            yield return new SpooledRecord(sequence, line, fields, verified, duplicate, Spool.ReadNullable(reader), Spool.ReadNullable(reader), Spool.ReadNullable(reader));
        }
    }

    public void Dispose() => CloseWriter();
}

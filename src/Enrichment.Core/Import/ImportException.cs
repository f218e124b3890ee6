namespace Enrichment.Import;

/// <summary>
/// The input cannot be read as a list at all (binary data, a header without any usable column, a named column that is
/// not there). The message is one line naming the source and what to do. Rows are never half-read when this is thrown
/// from <see cref="ListImporter.OpenAsync"/>.
/// </summary>
public sealed class ImportException : IOException
{
    public ImportException()
    {
    }

    public ImportException(string message)
        : base(message)
    {
    }

    public ImportException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

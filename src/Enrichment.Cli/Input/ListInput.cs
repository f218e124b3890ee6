using Enrichment.Import;

namespace Enrichment.Cli.Input;

/// <summary>
/// A list opened through the import module from a file or stdin. Knows how far through the file reading is, so the
/// progress line can estimate the total without reading the file twice.
/// </summary>
public sealed class ListInput : IAsyncDisposable
{
    private readonly Stream _stream;
    private readonly long? _length;

    private ListInput(string name, Stream stream, long? length, ImportReader reader)
    {
        Name = name;
        _stream = stream;
        _length = length;
        Reader = reader;
    }

    /// <summary>The file name as the user gave it ("stdin" for -), for messages.</summary>
    public string Name { get; }

    public ImportReader Reader { get; }

    public ImportDetection Detection => Reader.Detection;

    /// <summary>Share of the file read so far (0–1), or null for stdin and pipes.</summary>
    public double? Fraction => _length is > 0 && _stream.CanSeek ? Math.Min(1, (double)_stream.Position / _length.Value) : null;

    public static async Task<ListInput> OpenAsync(CliContext context, string path, ImportOptions options, ListImporter importer, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(importer);
        ArgumentNullException.ThrowIfNull(options);
        var name = path == "-" ? "stdin" : path;
        var stream = path == "-"
            ? context.OpenInput()
            : new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan);
        long? length = stream.CanSeek ? stream.Length : null;
        var reader = await importer.OpenAsync(stream, options with { SourceName = name }, cancellationToken);
        return new ListInput(name, stream, length, reader);
    }

    public ValueTask DisposeAsync() => Reader.DisposeAsync();
}

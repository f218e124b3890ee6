namespace Enrichment.Import;

/// <summary>
/// The one way lists come in, for the CLI and the service alike: open a stream, look at what was detected, then read
/// the records. Holds only immutable configuration (the non-company hosts); share one instance.
/// </summary>
public sealed class ListImporter(NonCompanyDomains nonCompanyDomains)
{
    public NonCompanyDomains NonCompanyDomains => nonCompanyDomains;

    /// <summary>With the hosts from the default config/ directory.</summary>
    public static ListImporter LoadDefault() => new(NonCompanyDomains.LoadDefault());

    /// <summary>
    /// Sniffs encoding, separator and header from the start of <paramref name="stream"/> and maps the columns; reads
    /// no record yet. Throws <see cref="ImportException"/> when the input is not a list (binary, a header without any
    /// usable column, a named column that is missing) and <see cref="ArgumentException"/> for bad options. The reader
    /// owns the stream from then on.
    /// </summary>
    public async Task<ImportReader> OpenAsync(Stream stream, ImportOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var reader = new ImportReader(stream, options, nonCompanyDomains);
        try
        {
            await reader.DetectAsync(cancellationToken);
            return reader;
        }
        catch
        {
            await reader.DisposeAsync();
            throw;
        }
    }
}

using System.Globalization;

namespace Enrichment.Import;

/// <summary>
/// What the reader found before reading any row: encoding, separator, header and mapping. The dashboard shows it as
/// the mapping preview; the report keeps it.
/// </summary>
/// <param name="Encoding">"utf-8", "utf-8-bom", "utf-16le", "utf-16be", "windows-1252" or "macintosh" (Mac Roman).</param>
/// <param name="Separator">The field separator; ',' for a one-column list.</param>
/// <param name="SeparatorSource">"sniffed", "option" or "sep-line" (Excel's <c>sep=;</c> first line).</param>
/// <param name="HeaderLine">1-based line of the header, or 0 when the list has none.</param>
/// <param name="Header">The header's fields as written (empty without a header).</param>
/// <param name="Mapping">The mapped columns; a field can appear more than once (Excel's "Email 1", "Email 2"): the first non-empty wins.</param>
/// <param name="SkippedLines">Lines before the header that are not data (title rows, <c>sep=</c>).</param>
/// <param name="Notes">Things a person should know ("not UTF-8: read as Windows-1252").</param>
public sealed record ImportDetection(
    string Encoding,
    char Separator,
    string SeparatorSource,
    long HeaderLine,
    IReadOnlyList<string> Header,
    IReadOnlyList<ColumnMapping> Mapping,
    int SkippedLines,
    IReadOnlyList<string> Notes)
{
    public bool HasHeader => HeaderLine > 0;

    /// <summary>The first column mapped to <paramref name="field"/>, or null.</summary>
    public ColumnMapping? Column(ContactField field) => Mapping.FirstOrDefault(m => m.Field == field);

    /// <summary>"comma", "semicolon", "tab", "pipe" or the character quoted.</summary>
    public string SeparatorName => Describe(Separator);

    public static string Describe(char c) => c switch
    {
        ',' => "comma",
        ';' => "semicolon",
        '\t' => "tab",
        '|' => "pipe",
        _ when char.IsControl(c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}"),
        _ => $"'{c}'",
    };
}

using System.CommandLine;
using Enrichment.Import;

namespace Enrichment.Cli.Input;

/// <summary>The options every command that reads a list shares: <c>--column field="Header"</c> and <c>--separator</c>.</summary>
public sealed class InputOptions
{
    public Option<string[]> Columns { get; } = new("--column")
    {
        Description = "map a column by its header, e.g. --column email=\"Work Mail\" (repeatable; fields: " + string.Join(", ", ContactFields.All) + ")",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<string?> Separator { get; } = new("--separator")
    {
        Description = "field separator instead of sniffing one: comma, semicolon, tab, pipe or a single character",
    };

    public IEnumerable<Option> All => [Columns, Separator];

    /// <summary>The import options; a malformed option is an <see cref="ArgumentException"/> naming it.</summary>
    public ImportOptions ToImportOptions(ParseResult parse, string sourceName)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var columns = new Dictionary<ContactField, string>();
        foreach (var mapping in parse.GetValue(Columns) ?? [])
        {
            var equals = mapping.IndexOf('=', StringComparison.Ordinal);
            var field = equals > 0 ? ContactFields.Parse(mapping[..equals]) : null;
            var header = equals > 0 ? mapping[(equals + 1)..].Trim().Trim('"') : "";
            if (field is null || header.Length == 0)
            {
                throw new ArgumentException(
                    $"--column {mapping}: write field=\"Header\", e.g. --column email=\"Work Mail\"; fields: {string.Join(", ", ContactFields.All)}");
            }

            if (!columns.TryAdd(field.Value, header))
            {
                throw new ArgumentException($"--column {mapping}: {ContactFields.Name(field.Value)} is mapped twice");
            }
        }

        var options = new ImportOptions
        {
            Columns = columns,
            Separator = ParseSeparator(parse.GetValue(Separator)),
            SourceName = sourceName,
        };
        try
        {
            options.Validate();
        }
        catch (ArgumentException ex)
        {
            throw new ArgumentException($"--separator: {ex.Message}", ex);
        }

        return options;
    }

    private static char? ParseSeparator(string? value) => value switch
    {
        null => null,
        "comma" or "," => ',',
        "semicolon" or ";" => ';',
        "tab" or "\\t" or "\t" => '\t',
        "pipe" or "|" => '|',
        { Length: 1 } => value[0],
        _ => throw new ArgumentException($"--separator {value}: use comma, semicolon, tab, pipe or a single character"),
    };
}

namespace Enrichment.Cli.Output;

/// <summary>One output column: its name and how JSON types it.</summary>
public sealed record OutputColumn(string Name, ColumnKind Kind = ColumnKind.Text)
{
    /// <summary>Input columns followed by ours; ours are renamed with <paramref name="prefix"/> where a name clashes.</summary>
    public static List<OutputColumn> Combine(IReadOnlyList<string> input, IReadOnlyList<OutputColumn> ours, string prefix)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(ours);
        var columns = input.Select(n => new OutputColumn(n)).ToList();
        foreach (var column in ours)
        {
            columns.Add(input.Contains(column.Name, StringComparer.OrdinalIgnoreCase) ? column with { Name = prefix + column.Name } : column);
        }

        return columns;
    }
}

using System.Text;
using Enrichment.Export;

namespace Enrichment.Service.Lists;

/// <summary>
/// One CSV cell, RFC 4180 quoted, and guarded against spreadsheet formula injection (<see cref="CsvFormulaGuard"/>).
/// </summary>
public static class CsvCell
{
    public static void Append(StringBuilder line, string? value)
    {
        ArgumentNullException.ThrowIfNull(line);
        value = CsvFormulaGuard.Guard(value ?? "");
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}

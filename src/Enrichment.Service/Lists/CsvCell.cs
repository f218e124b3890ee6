using System.Text;

namespace Enrichment.Service.Lists;

/// <summary>
/// One CSV cell, RFC 4180 quoted, and guarded against spreadsheet formula injection: a cell starting with =, +, -,
/// @, tab or carriage return gets a leading apostrophe so Excel and Sheets show it as text.
/// </summary>
public static class CsvCell
{
    public static void Append(StringBuilder line, string? value)
    {
        ArgumentNullException.ThrowIfNull(line);
        value ??= "";
        if (value.Length > 0 && value[0] is '=' or '+' or '-' or '@' or '\t' or '\r')
            value = "'" + value;
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            line.Append(value);
            return;
        }

        line.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }
}

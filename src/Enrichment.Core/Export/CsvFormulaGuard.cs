using System.Buffers;

namespace Enrichment.Export;

/// <summary>
/// Spreadsheet formula injection: lists come from strangers, and "=HYPERLINK(…)" in a name is an attack on whoever
/// opens the exported CSV in Excel or Sheets. A cell starting with '=', '+', '-', '@', tab or carriage return gets a
/// leading apostrophe so the spreadsheet shows it as text. The one rule for every CSV we write (CLI and service).
/// </summary>
public static class CsvFormulaGuard
{
    private static readonly SearchValues<char> FormulaStarts = SearchValues.Create("=+-@\t\r");

    /// <summary>True when a spreadsheet would read <paramref name="value"/> as a formula.</summary>
    public static bool StartsLikeFormula(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return value.Length > 0 && FormulaStarts.Contains(value[0]);
    }

    /// <summary><paramref name="value"/> with a leading apostrophe when it starts like a formula, else unchanged.</summary>
    public static string Guard(string value) => StartsLikeFormula(value) ? "'" + value : value;
}

namespace Enrichment.Import;

/// <summary>One mapped column: which contact field it feeds.</summary>
/// <param name="Column">0-based index in the row.</param>
/// <param name="Header">The header as written in the file ("Work Email"), or "column N" without a header.</param>
/// <param name="Explicit">True when the caller named it (ImportOptions.Columns), false when found by synonym.</param>
public sealed record ColumnMapping(ContactField Field, int Column, string Header, bool Explicit)
{
    public string FieldName => ContactFields.Name(Field);
}

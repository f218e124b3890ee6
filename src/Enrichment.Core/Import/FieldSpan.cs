namespace Enrichment.Import;

/// <summary>A field's bytes inside the parsed span.</summary>
internal readonly record struct FieldSpan(int Start, int Length, FieldKind Kind);

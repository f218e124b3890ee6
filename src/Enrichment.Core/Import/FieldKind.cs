namespace Enrichment.Import;

internal enum FieldKind
{
    Plain,

    /// <summary>Quoted with doubled quotes inside: "" becomes " when decoded.</summary>
    Escaped,
}

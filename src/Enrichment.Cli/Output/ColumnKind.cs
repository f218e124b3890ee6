namespace Enrichment.Cli.Output;

/// <summary>How a column's text values are typed in JSON lines (CSV writes them all as text).</summary>
public enum ColumnKind
{
    Text,

    /// <summary>An integer or decimal written by us (invariant culture): a JSON number.</summary>
    Number,

    /// <summary>"true" or "false": a JSON boolean.</summary>
    Boolean,

    /// <summary>Values joined with '|': a JSON array of strings.</summary>
    List,
}

namespace Enrichment.Cli.Input;

/// <summary>One input record: its 1-based line in the file, and its fields (one field in plain-list mode).</summary>
public sealed record InputRow(long Line, string[] Fields);

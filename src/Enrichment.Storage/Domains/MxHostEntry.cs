namespace Enrichment.Storage.Domains;

/// <summary>One MX host of a domain as stored: its name and its preference (lower is tried first).</summary>
public sealed record MxHostEntry(string Name, int Preference);

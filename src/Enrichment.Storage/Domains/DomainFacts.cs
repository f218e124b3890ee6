namespace Enrichment.Storage.Domains;

/// <summary>What every worker knows about a mail domain: MX hosts, provider and the catch-all verdict with its age.</summary>
public sealed class DomainFacts
{
    public string Domain { get; init; } = "";
    /// <summary>Every MX host in preference order (lowest preference first).</summary>
    public string[]? MxHosts { get; init; }

    /// <summary>The preference of each host of <see cref="MxHosts"/> (equal values: load-balanced peers).</summary>
    public int[]? MxPreferences { get; init; }
    public string? Provider { get; init; }
    public DateTime? MxCheckedAt { get; init; }
    public bool? CatchAll { get; init; }
    public string? CatchAllProbe { get; init; }
    public DateTime? CatchAllCheckedAt { get; init; }
}

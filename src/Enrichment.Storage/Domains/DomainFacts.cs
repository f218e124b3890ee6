namespace Enrichment.Storage.Domains;

/// <summary>What every worker knows about a mail domain: MX hosts, provider and the catch-all verdict with its age.</summary>
public sealed class DomainFacts
{
    public string Domain { get; init; } = "";
    public string[]? MxHosts { get; init; }
    public string? Provider { get; init; }
    public DateTime? MxCheckedAt { get; init; }
    public bool? CatchAll { get; init; }
    public string? CatchAllProbe { get; init; }
    public DateTime? CatchAllCheckedAt { get; init; }
}

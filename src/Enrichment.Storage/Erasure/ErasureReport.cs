namespace Enrichment.Storage.Erasure;

/// <summary>What an erasure removed, per table, and the hash kept so the address is refused by later uploads.</summary>
public sealed record ErasureReport(string EmailHash, IReadOnlyDictionary<string, int> Deleted);

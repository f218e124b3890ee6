namespace Enrichment.Verification.MailHosts;

/// <summary>The result of an MX lookup; <paramref name="Hosts"/> is sorted by preference.</summary>
public sealed record MxLookup(string Domain, MxOutcome Outcome, IReadOnlyList<MxRecord> Hosts, string? Error = null);

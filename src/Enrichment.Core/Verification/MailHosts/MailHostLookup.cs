namespace Enrichment.Verification.MailHosts;

/// <summary>The mail hosts of a domain in preference order; empty unless <see cref="Outcome"/> is Mx or ImplicitMx.</summary>
public sealed record MailHostLookup(string Domain, MxOutcome Outcome, IReadOnlyList<MailHost> Hosts, string? Error = null);

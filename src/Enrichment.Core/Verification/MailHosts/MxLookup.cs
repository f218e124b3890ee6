namespace Enrichment.Verification.MailHosts;

/// <summary>The result of an MX lookup; <paramref name="Hosts"/> is sorted by preference.</summary>
/// <param name="NegativeTtl">
/// For NXDOMAIN and "no mail host" answers: how long the answer may be cached (RFC 2308 §5, the smaller of the SOA's
/// TTL and MINIMUM from the authority section); null when some negative answer carried no SOA (not to be cached).
/// </param>
public sealed record MxLookup(string Domain, MxOutcome Outcome, IReadOnlyList<MxRecord> Hosts, string? Error = null, TimeSpan? NegativeTtl = null);

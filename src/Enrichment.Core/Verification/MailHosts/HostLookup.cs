using System.Net;

namespace Enrichment.Verification.MailHosts;

/// <summary>A host's addresses, IPv4 first; <see cref="Error"/> is set when DNS failed rather than said "none".</summary>
public sealed record HostLookup(IReadOnlyList<IPAddress> Addresses, string? Error);

using System.Net;

namespace Enrichment.Verification.MailHosts;

/// <summary>One MX target with its addresses (IPv4 first); <see cref="Error"/> when DNS failed rather than said "none".</summary>
public sealed record MailHost(string Name, ushort Preference, IReadOnlyList<IPAddress> Addresses, string? Error = null);

namespace Enrichment.Verification.MailHosts;

/// <summary>
/// Where mail for a domain goes: MX hosts in preference order with their addresses, or the reason there are none
/// (null MX, NXDOMAIN, no mail host, every target unresolvable, DNS failure). Negative answers are values; only the
/// caller's cancellation throws.
/// </summary>
public interface IMailHostResolver
{
    Task<MailHostLookup> ResolveAsync(string domain, CancellationToken cancellationToken);

    /// <summary>IPv4 then IPv6 addresses of one host name, telling "none" apart from "DNS did not answer".</summary>
    Task<HostLookup> LookupHostAsync(string host, CancellationToken cancellationToken);
}

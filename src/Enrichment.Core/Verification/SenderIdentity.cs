using System.Net;
using System.Net.NetworkInformation;
using Enrichment.Verification.MailHosts;

namespace Enrichment.Verification;

/// <summary>
/// Who we say we are in EHLO and MAIL FROM. Defaults to this machine's own name, never to someone else's
/// domain: verifiers that HELO as a big provider get their IPs blocklisted.
/// </summary>
public static class SenderIdentity
{
    /// <summary>This machine's FQDN as the OS knows it (hostname plus domain name), without a network lookup.</summary>
    public static string DefaultHeloName()
    {
        var properties = IPGlobalProperties.GetIPGlobalProperties();
        var host = properties.HostName;
        var domain = properties.DomainName;
        var name = string.IsNullOrEmpty(domain) || host.Contains('.', StringComparison.Ordinal) ? host : $"{host}.{domain}";
        return string.IsNullOrWhiteSpace(name) ? global::System.Net.Dns.GetHostName() : name.ToLowerInvariant();
    }

    public static string DefaultMailFrom(string heloName) => $"verify@{heloName}";

    /// <summary>
    /// Problems with a HELO name that receiving servers will hold against us: no dot (not a FQDN,
    /// RFC 5321 §4.1.1.1) or a name that does not resolve to an address.
    /// </summary>
    public static async Task<IReadOnlyList<string>> CheckHeloNameAsync(string heloName, IMailHostResolver dns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(heloName);
        ArgumentNullException.ThrowIfNull(dns);
        var warnings = new List<string>();
        if (!heloName.Contains('.', StringComparison.Ordinal))
        {
            warnings.Add($"HELO name '{heloName}' has no dot; servers expect a fully qualified domain name you control (set --helo)");
            return warnings;
        }

        var lookup = await dns.LookupHostAsync(heloName, cancellationToken);
        if (lookup.Addresses.Count == 0)
        {
            warnings.Add($"HELO name '{heloName}' does not resolve to an address; many servers reject or tarpit such clients (set --helo to a name with matching DNS)");
        }

        return warnings;
    }
}

using System.Net;

namespace Enrichment.Verification.MailHosts;

/// <summary>How <see cref="DnsClientMailHostResolver"/> reaches recursive nameservers. Validated by the resolver's constructor.</summary>
public sealed record MailHostResolverOptions
{
    /// <summary>Recursive nameservers tried in order; empty means read <see cref="ResolvConfPath"/>.</summary>
    public IReadOnlyList<IPEndPoint> Nameservers { get; init; } = [];

    /// <summary>Time allowed for one attempt (UDP plus any TCP fallback) against one nameserver.</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Extra attempts after a timeout.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Where the system resolver configuration lives when <see cref="Nameservers"/> is empty.</summary>
    public string ResolvConfPath { get; init; } = "/etc/resolv.conf";

    /// <summary>Keep answers for their TTL (at most an hour), so a domain's many addresses cost one lookup.</summary>
    public bool UseCache { get; init; } = true;
}

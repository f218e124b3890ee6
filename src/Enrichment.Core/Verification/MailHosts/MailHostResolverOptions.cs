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

    /// <summary>
    /// Keep answers for their TTL (at most an hour), so a domain's many addresses cost one lookup; NXDOMAIN and
    /// "no mail host" answers for their negative TTL (RFC 2308), at most <see cref="MaxNegativeTtl"/>.
    /// </summary>
    public bool UseCache { get; init; } = true;

    /// <summary>
    /// Cap on how long a negative answer is believed. Short on purpose: a domain set up while a list is being
    /// verified should not read as "no_domain" for the SOA's hours.
    /// </summary>
    public TimeSpan MaxNegativeTtl { get; init; } = TimeSpan.FromMinutes(15);

    /// <summary>Negative answers kept at most (a list of random domains must not grow the cache without bound).</summary>
    public int MaxNegativeEntries { get; init; } = 100_000;
}

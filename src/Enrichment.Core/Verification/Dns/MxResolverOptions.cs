using System.Net;

namespace Enrichment.Verification.Dns;

/// <summary>How <see cref="MxResolver"/> reaches recursive nameservers. Validated by the resolver's constructor.</summary>
public sealed record MxResolverOptions
{
    /// <summary>Recursive nameservers tried in order; empty means read <see cref="ResolvConfPath"/>.</summary>
    public IReadOnlyList<IPEndPoint> Nameservers { get; init; } = [];

    /// <summary>Time allowed for one attempt (UDP plus any TCP fallback) against one nameserver.</summary>
    public TimeSpan QueryTimeout { get; init; } = TimeSpan.FromSeconds(3);

    /// <summary>Extra attempts per nameserver after a timeout.</summary>
    public int Retries { get; init; } = 2;

    /// <summary>Where the system resolver configuration lives when <see cref="Nameservers"/> is empty.</summary>
    public string ResolvConfPath { get; init; } = "/etc/resolv.conf";
}

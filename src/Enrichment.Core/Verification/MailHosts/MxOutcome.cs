namespace Enrichment.Verification.MailHosts;

/// <summary>What the DNS says about where mail for a domain goes.</summary>
public enum MxOutcome
{
    /// <summary>The domain publishes MX records.</summary>
    Mx,

    /// <summary>No MX, but an A or AAAA record exists: the domain itself is the mail host (RFC 5321 §5.1).</summary>
    ImplicitMx,

    /// <summary>The domain declares it accepts no mail (RFC 7505 null MX).</summary>
    NullMx,

    /// <summary>The domain does not exist (NXDOMAIN, RCODE 3).</summary>
    NoDomain,

    /// <summary>The domain exists but has neither MX nor address records.</summary>
    NoMailHost,

    /// <summary>The domain publishes MX records but not one of their targets has an address: mail cannot be delivered.</summary>
    MxUnresolvable,

    /// <summary>No usable answer: timeout, SERVFAIL, REFUSED, malformed replies or unreachable nameservers.</summary>
    Failed,
}

using Enrichment.Verification.Flags;

namespace Enrichment.Import;

/// <summary>
/// Hosts that never stand for a person's company: free mail (config/free-providers.txt) and social or profile sites
/// (config/social-hosts.txt). A website on one of them, or on a subdomain of one (<c>de.linkedin.com</c>), gives no
/// company domain to guess addresses at.
/// </summary>
public sealed class NonCompanyDomains
{
    public const string SocialHostsFileName = "social-hosts.txt";

    private readonly HashSet<string> _hosts;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

    public NonCompanyDomains(IEnumerable<string> hosts)
    {
        ArgumentNullException.ThrowIfNull(hosts);
        _hosts = new HashSet<string>(hosts.Select(h => h.Trim().ToLowerInvariant()), StringComparer.Ordinal);
        _lookup = _hosts.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _hosts.Count;

    /// <summary>Reads free-providers.txt and social-hosts.txt from <paramref name="configDirectory"/>.</summary>
    public static NonCompanyDomains Load(string configDirectory)
    {
        var free = DomainLists.ReadDomains(configDirectory, DomainLists.FreeProviderFileName);
        var social = DomainLists.ReadDomains(configDirectory, SocialHostsFileName);
        return new NonCompanyDomains(free.Entries.Concat(social.Entries).Select(e => e.Value));
    }

    /// <summary>From the config/ directory <see cref="DomainLists.LoadDefault"/> uses.</summary>
    public static NonCompanyDomains LoadDefault() =>
        Load(DomainLists.FindDefaultConfigDirectory() ?? throw new DirectoryNotFoundException(
            $"No config/ directory with {SocialHostsFileName} under {AppContext.BaseDirectory} or any parent of {Directory.GetCurrentDirectory()}"));

    /// <summary>True when <paramref name="asciiDomain"/> or one of its parent domains is listed.</summary>
    public bool Contains(string asciiDomain)
    {
        ArgumentNullException.ThrowIfNull(asciiDomain);
        var domain = asciiDomain.AsSpan();
        while (true)
        {
            if (_lookup.Contains(domain))
            {
                return true;
            }

            var dot = domain.IndexOf('.');
            if (dot < 0 || domain[(dot + 1)..].IndexOf('.') < 0)
            {
                return false;
            }

            domain = domain[(dot + 1)..];
        }
    }
}

namespace Enrichment.Verification.Probing;

/// <summary>
/// Which provider runs an MX host, so session caps apply per provider rather than per host name: every
/// <c>*.mail.protection.outlook.com</c> tenant is Microsoft 365, every Google MX is Google.
/// </summary>
public static class MailProvider
{
    // Host-name suffixes of providers whose MX names vary per tenant or per region.
    private static readonly (string Suffix, string Provider)[] Known =
    [
        (".mail.protection.outlook.com", "microsoft365"),
        (".olc.protection.outlook.com", "outlook.com"),
        (".google.com", "google"),
        (".googlemail.com", "google"),
        (".yahoodns.net", "yahoo"),
        (".pphosted.com", "proofpoint"),
        (".mimecast.com", "mimecast"),
        (".messagelabs.com", "broadcom-messagelabs"),
        (".secureserver.net", "godaddy"),
        (".zoho.com", "zoho"),
        (".zoho.eu", "zoho"),
        (".icloud.com", "apple"),
    ];

    // Second-level labels under which registrations sit one level deeper (example.co.uk).
    private static readonly HashSet<string> SecondLevel = new(StringComparer.Ordinal)
    {
        "co", "com", "net", "org", "ac", "gov", "edu", "ne", "or", "go",
    };

    /// <summary>The provider key of <paramref name="mxHost"/>: a known provider's name, else the host's registered domain.</summary>
    public static string Of(string mxHost)
    {
        ArgumentNullException.ThrowIfNull(mxHost);
        var host = mxHost.TrimEnd('.').ToLowerInvariant();
        foreach (var (suffix, provider) in Known)
        {
            if (host.EndsWith(suffix, StringComparison.Ordinal) || host == suffix[1..])
            {
                return provider;
            }
        }

        var labels = host.Split('.');
        if (labels.Length <= 2)
        {
            return host;
        }

        var take = labels[^1].Length == 2 && SecondLevel.Contains(labels[^2]) ? 3 : 2;
        return string.Join('.', labels[^Math.Min(take, labels.Length)..]);
    }
}

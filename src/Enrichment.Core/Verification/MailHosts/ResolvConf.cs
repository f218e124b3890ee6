using System.Net;

namespace Enrichment.Verification.MailHosts;

/// <summary>The system resolver configuration, resolv.conf(5).</summary>
public static class ResolvConf
{
    /// <summary>
    /// The "nameserver" lines of a resolv.conf file as port-53 endpoints, in file order. A missing or unreadable file
    /// yields an empty list; malformed lines are skipped.
    /// </summary>
    public static IReadOnlyList<IPEndPoint> ReadNameservers(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        string[] lines;
        try
        {
            lines = File.ReadAllLines(path);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            return [];
        }

        var nameservers = new List<IPEndPoint>();
        foreach (var rawLine in lines)
        {
            var line = rawLine.AsSpan();
            var comment = line.IndexOfAny('#', ';');
            if (comment >= 0)
            {
                line = line[..comment];
            }

            var fields = line.ToString().Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length >= 2
                && string.Equals(fields[0], "nameserver", StringComparison.Ordinal)
                && IPAddress.TryParse(fields[1], out var address))
            {
                nameservers.Add(new IPEndPoint(address, 53));
            }
        }

        return nameservers;
    }
}

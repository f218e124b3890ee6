using System.Globalization;
using System.Net;

namespace Enrichment.Service.Verification;

/// <summary>The "Enrichment:Verification" section: how the service's engine reaches DNS and SMTP.</summary>
public sealed class VerificationSettings
{
    public const string Section = "Enrichment:Verification";

    /// <summary>DNS servers as "ip" or "ip:port"; empty reads /etc/resolv.conf.</summary>
    public List<string> Nameservers { get; set; } = [];

    /// <summary>SMTP port of the mail hosts (25; tests point it at a fake server).</summary>
    public int SmtpPort { get; set; } = 25;

    /// <summary>EHLO name; default the machine's name.</summary>
    public string? HeloName { get; set; }

    /// <summary>MAIL FROM; default verify@&lt;HeloName&gt;.</summary>
    public string? MailFrom { get; set; }

    /// <summary>SMTP sessions at once to one mail provider, across every worker on the database.</summary>
    public int MaxSessionsPerProvider { get; set; } = 4;

    /// <summary>SMTP sessions at once in this process.</summary>
    public int MaxConcurrentSessions { get; set; } = 32;

    /// <summary>Waits before asking greylisted (4xx) recipients again; each wait is a delayed job, not a sleeping worker.
    /// Null by default (configuration binding appends to a list): see <see cref="Schedule"/>.</summary>
    public List<TimeSpan>? RetrySchedule { get; set; }

    /// <summary>The configured schedule, or the engine's thorough one (30 s, 5 min, 10 min).</summary>
    public IReadOnlyList<TimeSpan> Schedule => RetrySchedule is { Count: > 0 } configured ? configured : Enrichment.Verification.VerificationPolicy.Thorough.RetrySchedule;

    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromSeconds(30);

    public TimeSpan DnsTimeout { get; set; } = TimeSpan.FromSeconds(3);

    public IReadOnlyList<IPEndPoint> NameserverEndPoints() => [.. Nameservers.Select(ParseEndPoint)];

    static IPEndPoint ParseEndPoint(string text)
    {
        if (IPEndPoint.TryParse(text, out var endPoint))
            return endPoint.Port == 0 ? new IPEndPoint(endPoint.Address, 53) : endPoint;
        throw new InvalidOperationException(string.Create(CultureInfo.InvariantCulture, $"{Section}:Nameservers: \"{text}\" is not an IP address or ip:port"));
    }

    public void Validate()
    {
        _ = NameserverEndPoints();
        if (SmtpPort is < 1 or > 65535)
            throw new InvalidOperationException($"{Section}:SmtpPort must be a TCP port");
        if (MaxSessionsPerProvider < 1 || MaxConcurrentSessions < 1)
            throw new InvalidOperationException($"{Section}: MaxSessionsPerProvider and MaxConcurrentSessions must be at least 1");
        if (Schedule.Any(t => t < TimeSpan.Zero))
            throw new InvalidOperationException($"{Section}:RetrySchedule waits must not be negative");
    }
}

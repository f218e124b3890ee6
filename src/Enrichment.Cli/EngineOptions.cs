using System.CommandLine;
using System.Globalization;
using System.Net;
using Enrichment.Verification;
using Enrichment.Verification.MailHosts;
using Enrichment.Verification.Flags;
using Enrichment.Verification.Smtp;

namespace Enrichment.Cli;

/// <summary>Command-line options shared by every command that verifies, and how they become engine settings.</summary>
public sealed class EngineOptions
{
    public Option<int> Concurrency { get; } = new("--concurrency", "-c") { Description = "SMTP sessions open at once", DefaultValueFactory = _ => 32 };
    public Option<int> PerHost { get; } = new("--per-host") { Description = "SMTP sessions open at once to one MX host", DefaultValueFactory = _ => 4 };
    public Option<string[]> Nameservers { get; } = new("--nameserver") { Description = "DNS server ip[:port] (repeatable; default: /etc/resolv.conf)", AllowMultipleArgumentsPerToken = false };
    public Option<int> SmtpPort { get; } = new("--smtp-port") { Description = "TCP port of the MX hosts", DefaultValueFactory = _ => 25 };
    public Option<string?> Helo { get; } = new("--helo") { Description = "EHLO name: a FQDN you control with matching DNS (default: this machine's name)" };
    public Option<string?> MailFrom { get; } = new("--mail-from") { Description = "MAIL FROM address (default: verify@<helo name>)" };
    public Option<double> ConnectTimeout { get; } = new("--connect-timeout") { Description = "seconds to open a TCP connection", DefaultValueFactory = _ => 10 };
    public Option<double> CommandTimeout { get; } = new("--command-timeout") { Description = "seconds to wait for the banner and each reply", DefaultValueFactory = _ => 30 };
    public Option<double> SessionTimeout { get; } = new("--session-timeout") { Description = "seconds one SMTP session may last", DefaultValueFactory = _ => 180 };
    public Option<double> DnsTimeout { get; } = new("--dns-timeout") { Description = "seconds per DNS query attempt", DefaultValueFactory = _ => 3 };
    public Option<string> Retry { get; } = new("--retry") { Description = "waits in seconds before asking 4xx recipients again, comma-separated (greylisting)", DefaultValueFactory = _ => "30,300,600" };
    public Option<int> RecipientsPerTransaction { get; } = new("--rcpt-per-transaction") { Description = "RCPTs per transaction", DefaultValueFactory = _ => 100 };
    public Option<bool> NoSmtp { get; } = new("--no-smtp") { Description = "stop after DNS: no SMTP traffic" };
    public Option<bool> NoStartTls { get; } = new("--no-starttls") { Description = "do not upgrade sessions with STARTTLS" };
    public Option<string?> Proxy { get; } = new("--proxy") { Description = "send SMTP sessions through a SOCKS5 proxy: socks5://[user:pass@]host:port (for networks that block port 25)" };

    public IEnumerable<Option> All =>
    [
        Concurrency, PerHost, Nameservers, SmtpPort, Helo, MailFrom, ConnectTimeout, CommandTimeout, SessionTimeout,
        DnsTimeout, Retry, RecipientsPerTransaction, NoSmtp, NoStartTls, Proxy,
    ];

    /// <summary>Builds the engine; configuration mistakes surface as <see cref="ArgumentException"/> naming the option.</summary>
    public Engine Build(ParseResult parse, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(parse);
        var nameservers = (parse.GetValue(Nameservers) ?? []).Select(ParseEndPoint).ToList();
        var dns = new DnsClientMailHostResolver(new MailHostResolverOptions
        {
            Nameservers = nameservers,
            QueryTimeout = Seconds(parse.GetValue(DnsTimeout), "--dns-timeout"),
        });
        var helo = parse.GetValue(Helo) ?? SenderIdentity.DefaultHeloName();
        var smtp = new SmtpSessionOptions
        {
            Port = Port(parse.GetValue(SmtpPort)),
            HeloName = helo,
            MailFrom = parse.GetValue(MailFrom) ?? SenderIdentity.DefaultMailFrom(helo),
            ConnectTimeout = Seconds(parse.GetValue(ConnectTimeout), "--connect-timeout"),
            BannerTimeout = Seconds(parse.GetValue(CommandTimeout), "--command-timeout"),
            CommandTimeout = Seconds(parse.GetValue(CommandTimeout), "--command-timeout"),
            SessionTimeout = Seconds(parse.GetValue(SessionTimeout), "--session-timeout"),
            UseStartTls = !parse.GetValue(NoStartTls),
            Proxy = parse.GetValue(Proxy) is { } proxy ? SmtpProxy.Parse(proxy) : null,
        };
        var options = new VerificationOptions
        {
            MaxConcurrentSessions = AtLeastOne(parse.GetValue(Concurrency), "--concurrency"),
            MaxSessionsPerProvider = AtLeastOne(parse.GetValue(PerHost), "--per-host"),
            MaxRecipientsPerTransaction = AtLeastOne(parse.GetValue(RecipientsPerTransaction), "--rcpt-per-transaction"),
            RetrySchedule = ParseSchedule(parse.GetValue(Retry) ?? ""),
            ProbeSmtp = !parse.GetValue(NoSmtp),
        };
        return new Engine(dns, DomainLists.LoadDefault(), smtp, options, error);
    }

    private static IPEndPoint ParseEndPoint(string text)
    {
        if (IPEndPoint.TryParse(text, out var endPoint))
        {
            if (endPoint.Port == 0)
            {
                endPoint.Port = 53;
            }

            return endPoint;
        }

        throw new ArgumentException($"--nameserver '{text}' is not an IP address with an optional :port");
    }

    private static int AtLeastOne(int value, string option) =>
        value >= 1 ? value : throw new ArgumentException($"{option} must be at least 1 (got {value})");

    private static int Port(int port) =>
        port is > 0 and <= 65535 ? port : throw new ArgumentException($"--smtp-port {port} is not a TCP port (1-65535)");

    private static TimeSpan Seconds(double seconds, string option) =>
        seconds > 0 && double.IsFinite(seconds) ? TimeSpan.FromSeconds(seconds) : throw new ArgumentException($"{option} must be a positive number of seconds");

    private static List<TimeSpan> ParseSchedule(string text) =>
        text.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= 0
                ? TimeSpan.FromSeconds(v)
                : throw new ArgumentException($"--retry '{s}' is not a number of seconds"))
            .ToList();
}

/// <summary>The engine parts one command run uses.</summary>
public sealed class Engine(DnsClientMailHostResolver dns, DomainLists lists, SmtpSessionOptions smtp, VerificationOptions options, TextWriter error) : IDisposable
{
    public SmtpSessionOptions Smtp => smtp;
    public EmailVerifier Verifier { get; } = new(dns, new MailKitSessionFactory(smtp), lists, options);

    /// <summary>Warns on stderr about a HELO name that servers will hold against us.</summary>
    public async Task WarnAboutHeloAsync(CancellationToken cancellationToken)
    {
        if (!options.ProbeSmtp)
        {
            return;
        }

        foreach (var warning in await SenderIdentity.CheckHeloNameAsync(smtp.HeloName, dns, cancellationToken))
        {
            await error.WriteLineAsync($"warning: {warning}");
        }
    }

    public void Dispose() => Verifier.Dispose();
}

namespace Enrichment.Verification.Smtp;

/// <summary>Settings for recipient sessions (<see cref="MailKitSessionFactory"/>).</summary>
public sealed record SmtpSessionOptions
{
    public int Port { get; init; } = 25;

    /// <summary>Our name in EHLO/HELO; RFC 5321 §4.1.1.1 wants an FQDN (or an address literal).</summary>
    public required string HeloName { get; init; }

    /// <summary>Reverse path for MAIL FROM. An empty string sends the null sender, <c>MAIL FROM:&lt;&gt;</c> (RFC 5321 §4.5.5).</summary>
    public required string MailFrom { get; init; }

    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>RFC 5321 §4.5.3.2.1 suggests 5 minutes for the greeting; tarpits make that a waste, 30 s is plenty.</summary>
    public TimeSpan BannerTimeout { get; init; } = TimeSpan.FromSeconds(30);

    public TimeSpan CommandTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>Upper bound for the whole session, measured from the start of ConnectAsync.</summary>
    public TimeSpan SessionTimeout { get; init; } = TimeSpan.FromMinutes(3);

    /// <summary>Opportunistic STARTTLS (RFC 3207) when the server offers it.</summary>
    public bool UseStartTls { get; init; } = true;

    /// <summary>RFC 5321 §4.5.3.1.5 limits reply lines to 512 octets; real servers exceed it, so be lenient but bounded.</summary>
    public int MaxReplyLineLength { get; init; } = 2048;

    public int MaxReplyLines { get; init; } = 100;

    /// <summary>Bytes one command's reply may take before the session is dropped (MailKit itself holds any size).</summary>
    public int MaxReplyBytes { get; init; } = 64 * 1024;

    /// <summary>Send every port-25 connection through this SOCKS5 proxy.</summary>
    public SmtpProxy? Proxy { get; init; }

    /// <summary>Send pipelined RCPT groups when the server advertises PIPELINING (RFC 2920).</summary>
    public bool UsePipelining { get; init; } = true;
}

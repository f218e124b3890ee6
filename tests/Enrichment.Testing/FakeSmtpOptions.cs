namespace Enrichment.Testing;

/// <summary>Script for a <see cref="FakeSmtpServer"/>.</summary>
public sealed record FakeSmtpOptions
{
    public string Greeting { get; init; } = "220 fake.test ESMTP";

    /// <summary>Delay before every reply, the greeting included.</summary>
    public TimeSpan ReplyDelay { get; init; }

    /// <summary>Extra delay before RCPT replies only, on top of <see cref="ReplyDelay"/> (a tarpit).</summary>
    public TimeSpan RcptDelay { get; init; }

    /// <summary>False: EHLO gets "502 5.5.1", HELO still works (an RFC 821 server).</summary>
    public bool SupportsEhlo { get; init; } = true;

    /// <summary>Hold RCPT replies until this many RCPTs arrived, then send them together (a test that the client pipelines).</summary>
    public int HoldRcptReplies { get; init; }

    /// <summary>Hold the MAIL FROM reply until the first RCPT arrives (a test that the client pipelines MAIL with its RCPTs).</summary>
    public bool HoldMailReply { get; init; }

    /// <summary>Raw MAIL FROM reply (a refused sender, "530 5.7.0 Must issue a STARTTLS command first").</summary>
    public string MailReply { get; init; } = "250 2.1.0 Ok";

    /// <summary>
    /// When set: the reply to MAIL FROM after a RSET (servers that punish transactions without DATA); a 421 closes
    /// the connection.
    /// </summary>
    public string? MailReplyAfterRset { get; init; }

    /// <summary>Advertise PIPELINING (RFC 2920) in the EHLO reply.</summary>
    public bool OfferPipelining { get; init; } = true;

    /// <summary>Offer STARTTLS with a self-signed certificate generated in-process.</summary>
    public bool OfferStartTls { get; init; }

    /// <summary>With <see cref="OfferStartTls"/>: answer 220 to STARTTLS, then hang up instead of negotiating (broken TLS stacks).</summary>
    public bool BreakTlsHandshake { get; init; }

    /// <summary>0 = unlimited; more accepted recipients in one transaction get "452 4.5.3 Too many recipients".</summary>
    public int MaxRecipientsPerTransaction { get; init; }

    /// <summary>0 = unlimited; after N consecutive 5xx RCPT replies the next RCPT gets "421 4.7.0 Too many errors" and the connection closes.</summary>
    public int MaxConsecutiveRejects { get; init; }

    /// <summary>Raw RCPT reply, may be multi-line with "\r\n"; default "250 2.1.5 OK".</summary>
    public Func<RcptContext, string>? RcptReply { get; init; }

    public Misbehaviour Misbehaviour { get; init; }
}

/// <param name="Recipient">The address between the angle brackets of RCPT TO.</param>
/// <param name="ConnectionNumber">1-based number of the connection on this server.</param>
/// <param name="AttemptForRecipient">1-based count of RCPTs for this recipient, across connections (case-insensitive).</param>
/// <param name="Now">The server's clock.</param>
public sealed record RcptContext(string Recipient, int ConnectionNumber, int AttemptForRecipient, DateTimeOffset Now);

/// <summary>Ways a server breaks the protocol; the RCPT ones replace the RCPT reply.</summary>
public enum Misbehaviour
{
    None,

    /// <summary>Accepts the connection and never says a word.</summary>
    NoGreeting,

    /// <summary>Greets with bytes that are not a reply line.</summary>
    GarbageGreeting,

    /// <summary>At RCPT: half a reply line, then a TCP reset.</summary>
    ResetMidReply,

    /// <summary>At RCPT: "250-" continuation lines forever, slowly.</summary>
    EndlessReply,

    /// <summary>At RCPT: one 10 MB line.</summary>
    HugeLine,

    /// <summary>At RCPT: a multi-line reply whose lines carry different codes.</summary>
    InconsistentMultiline,

    /// <summary>Sends the greeting, then closes.</summary>
    CloseAfterGreeting,
}

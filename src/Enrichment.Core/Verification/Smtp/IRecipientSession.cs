namespace Enrichment.Verification.Smtp;

/// <summary>
/// One open SMTP session with a mail exchanger that asks about recipients: MAIL FROM, a batch of RCPT TO, RSET, QUIT.
/// There is no DATA, by design. Negative replies are values; a failed transport throws (IOException,
/// SocketException, TimeoutException naming the step) and the caller's cancellation throws OperationCanceledException.
/// </summary>
public interface IRecipientSession : IAsyncDisposable
{
    /// <summary>The reply that ended the opening: the final EHLO/HELO 250, or the greeting or EHLO that refused us.</summary>
    SmtpReply Opening { get; }

    /// <summary>True between a successful opening and QUIT, a 421, a failure or disposal.</summary>
    bool IsConnected { get; }

    /// <summary>Whether the session runs over TLS (read while connected).</summary>
    bool Tls { get; }

    /// <summary>What is left of the session's time budget; a command that cannot finish in it is better asked in a new session.</summary>
    TimeSpan TimeLeft { get; }

    /// <summary>How long one command may wait for its reply.</summary>
    TimeSpan CommandTimeout { get; }

    /// <summary>"C: " and "S: " lines of the session (capped), for the diagnosis of a broken session.</summary>
    IReadOnlyList<string> Transcript { get; }

    /// <summary>
    /// Set when the transport failed after <see cref="RcptToAsync"/> had read some replies: the recipient after the
    /// last reply is the one whose reply broke the session.
    /// </summary>
    Exception? Failure { get; }

    /// <summary>The server's greeting (220 …, or the refusal 421/554), as sent; null when none was read.</summary>
    SmtpReply? Greeting { get; }

    Task<SmtpReply> MailFromAsync(CancellationToken cancellationToken);

    /// <summary>
    /// Starts a transaction and asks about the first <paramref name="recipients"/>: RSET (when
    /// <paramref name="reset"/>), MAIL FROM and the RCPTs go in one write when the server offers PIPELINING (RFC 2920:
    /// one round trip instead of two or three), one at a time otherwise, stopping at a refused RSET or MAIL FROM.
    /// Throws when the transport fails before any reply; after one, the replies so far come back with
    /// <see cref="Failure"/> set.
    /// </summary>
    Task<TransactionReplies> TransactionAsync(IReadOnlyList<string> recipients, bool reset, CancellationToken cancellationToken);

    /// <summary>
    /// Asks about <paramref name="recipients"/> in order (pipelined when the server offers PIPELINING) and returns one
    /// reply per recipient, or fewer when the server closed the session (421) or the transport failed after a reply
    /// (see <see cref="Failure"/>). Throws when the transport fails before any reply.
    /// </summary>
    Task<IReadOnlyList<SmtpReply>> RcptToAsync(IReadOnlyList<string> recipients, CancellationToken cancellationToken);

    Task<SmtpReply> ResetAsync(CancellationToken cancellationToken);

    /// <summary>Says QUIT when still connected and closes; never throws for a server that is already gone.</summary>
    Task QuitAsync(CancellationToken cancellationToken);
}

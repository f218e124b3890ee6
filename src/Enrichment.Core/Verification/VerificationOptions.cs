namespace Enrichment.Verification;

/// <summary>
/// Engine settings beyond the SMTP client's own (<see cref="Smtp.SmtpSessionOptions"/>). <see cref="DomainVerifier"/>
/// reads the per-session ones (recipients and transactions per session, the rejection budget, the catch-all age);
/// the concurrency caps, <see cref="RetrySchedule"/> and <see cref="ProbeSmtp"/> configure the CLI's
/// <see cref="EmailVerifier"/> (the service passes a <see cref="VerificationPolicy"/> per call and its own limiter).
/// </summary>
public sealed record VerificationOptions
{
    /// <summary>RCPTs per transaction. RFC 5321 §4.5.3.1.8 obliges servers to accept at least 100.</summary>
    public int MaxRecipientsPerTransaction { get; init; } = 100;

    /// <summary>Transactions (MAIL FROM … RSET) per connection before a fresh connection is opened.</summary>
    public int MaxTransactionsPerSession { get; init; } = 10;

    /// <summary>
    /// Rejected commands one session may collect before we carry on in a new one. Postfix hangs up after 20
    /// (smtpd_hard_error_limit) and loses the rest of the batch; guesses for one person are mostly rejections.
    /// </summary>
    public int MaxRejectionsPerSession { get; init; } = 19;

    /// <summary>SMTP sessions open at once, across all hosts.</summary>
    public int MaxConcurrentSessions { get; init; } = 32;

    /// <summary>SMTP sessions open at once to one mail provider (all its MX hosts), so one provider is not hammered.</summary>
    public int MaxSessionsPerProvider { get; init; } = 4;

    /// <summary>The CLI's retry schedule for 4xx recipients (see <see cref="VerificationPolicy.RetrySchedule"/>).</summary>
    public IReadOnlyList<TimeSpan> RetrySchedule { get; init; } = VerificationPolicy.Thorough.RetrySchedule;

    /// <summary>How long a domain's catch-all verdict is trusted. Zero disables the cache (probe every session).</summary>
    public TimeSpan CatchAllCacheAge { get; init; } = TimeSpan.FromHours(24);

    /// <summary>False: stop after DNS (no SMTP traffic at all).</summary>
    public bool ProbeSmtp { get; init; } = true;

    public void Validate()
    {
        Require(MaxRecipientsPerTransaction >= 1, nameof(MaxRecipientsPerTransaction), "must be at least 1");
        Require(MaxTransactionsPerSession >= 1, nameof(MaxTransactionsPerSession), "must be at least 1");
        Require(MaxRejectionsPerSession >= 1, nameof(MaxRejectionsPerSession), "must be at least 1");
        Require(MaxConcurrentSessions >= 1, nameof(MaxConcurrentSessions), "must be at least 1");
        Require(MaxSessionsPerProvider >= 1, nameof(MaxSessionsPerProvider), "must be at least 1");
        Require(RetrySchedule.All(t => t >= TimeSpan.Zero), nameof(RetrySchedule), "waits must not be negative");
        Require(CatchAllCacheAge >= TimeSpan.Zero, nameof(CatchAllCacheAge), "must not be negative");
    }

    private static void Require(bool condition, string option, string rule)
    {
        if (!condition)
        {
            throw new ArgumentException($"VerificationOptions.{option} {rule}.", option);
        }
    }
}

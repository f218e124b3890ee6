namespace Enrichment.Verification;

/// <summary>
/// What one verification call may spend: a thorough batch run waits for greylisting windows (through the caller's
/// scheduler: <see cref="DomainVerifier"/> never sleeps), a quick pre-send check takes the first answer.
/// </summary>
public sealed record VerificationPolicy
{
    /// <summary>
    /// Waits before asking 4xx recipients again, one per retry. The first is short (many greylisting windows are), then
    /// the common 5- and 10-minute windows. A "try again in N seconds" in the reply replaces the scheduled wait.
    /// </summary>
    public IReadOnlyList<TimeSpan> RetrySchedule { get; init; } = [TimeSpan.FromSeconds(30), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(10)];

    /// <summary>A server's own "try again in N" is believed up to this long.</summary>
    public TimeSpan MaxHintedWait { get; init; } = TimeSpan.FromMinutes(30);

    /// <summary>False: stop after DNS (no SMTP traffic at all).</summary>
    public bool ProbeSmtp { get; init; } = true;

    /// <summary>A batch run: greylisted recipients are asked again on <see cref="RetrySchedule"/>.</summary>
    public static VerificationPolicy Thorough { get; } = new();

    /// <summary>A pre-send check: one attempt, a 4xx stays "unknown, greylisted".</summary>
    public static VerificationPolicy Quick { get; } = new() { RetrySchedule = [] };

    public void Validate()
    {
        if (RetrySchedule is null || RetrySchedule.Any(t => t < TimeSpan.Zero))
        {
            throw new ArgumentException("VerificationPolicy.RetrySchedule waits must not be negative.", nameof(RetrySchedule));
        }

        if (MaxHintedWait < TimeSpan.Zero)
        {
            throw new ArgumentException("VerificationPolicy.MaxHintedWait must not be negative.", nameof(MaxHintedWait));
        }
    }
}

namespace Enrichment.Service.Hosting;

/// <summary>Delivery of the list-complete callback.</summary>
public sealed class CallbackOptions
{
    static readonly TimeSpan[] DefaultDelays = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    /// <summary>Waits between attempts; after the last, the callback stays undelivered (visible on the list). Null by
    /// default because configuration binding appends to a list instead of replacing it: see <see cref="Delays"/>.</summary>
    public List<TimeSpan>? RetryDelays { get; set; }

    /// <summary>The configured delays, or 10 s, 1 min, 5 min, 30 min, 2 h.</summary>
    public IReadOnlyList<TimeSpan> Delays => RetryDelays is { Count: > 0 } configured ? configured : DefaultDelays;

    /// <summary>One POST's timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Let callbacks go to loopback and private addresses (tests, on-premise receivers).</summary>
    public bool AllowPrivateTargets { get; set; }

    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero || Delays.Any(d => d < TimeSpan.Zero))
            throw new InvalidOperationException("Enrichment:Callbacks: Timeout must be positive and RetryDelays not negative");
    }
}

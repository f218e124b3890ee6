namespace Enrichment.Service.Hosting;

/// <summary>Delivery of the list-complete callback.</summary>
public sealed class CallbackOptions
{
    /// <summary>Waits between attempts; after the last, the callback stays undelivered (visible on the list).</summary>
    public List<TimeSpan> RetryDelays { get; set; } = [TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)];

    /// <summary>One POST's timeout.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>Let callbacks go to loopback and private addresses (tests, on-premise receivers).</summary>
    public bool AllowPrivateTargets { get; set; }

    public void Validate()
    {
        if (Timeout <= TimeSpan.Zero || RetryDelays.Any(d => d < TimeSpan.Zero))
            throw new InvalidOperationException("Enrichment:Callbacks: Timeout must be positive and RetryDelays not negative");
    }
}

namespace Enrichment.Storage.Events;

/// <summary>Feedback from a sequencer about one address (the CHECK of contact_events).</summary>
public static class ContactEventKinds
{
    public const string HardBounce = "hard_bounce";
    public const string SoftBounce = "soft_bounce";
    public const string Unsubscribe = "unsubscribe";
    public const string Complaint = "complaint";
    public const string Reply = "reply";

    /// <summary>Kinds that put the address on the suppression list, with the reason recorded there.</summary>
    public static string? SuppressionReason(string kind) => kind switch
    {
        HardBounce => "bounced",
        Unsubscribe => "unsubscribed",
        Complaint => "complaint",
        _ => null,
    };
}

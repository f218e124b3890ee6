namespace Enrichment.Storage.Consumers;

/// <summary>What a claim does with a contact verified longer ago than the consumer's max_age.</summary>
public static class StalePolicies
{
    /// <summary>Left out and reported as skipped "stale".</summary>
    public const string Skip = "skip";

    /// <summary>Left out, queued for re-verification, handed out by a later claim once fresh ("stale_reverifying").</summary>
    public const string Reverify = "reverify";

    public static bool IsKnown(string? policy) => policy is Skip or Reverify;
}

namespace Enrichment.Storage.Consumers;

/// <summary>The outcomes of reserving an Idempotency-Key (<see cref="ClaimReplay"/>).</summary>
public static class ClaimReplayStates
{
    public const string Reserved = "reserved";
    public const string InProgress = "in_progress";
    public const string Mismatch = "mismatch";
    public const string Done = "done";
}

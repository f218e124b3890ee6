namespace Enrichment.Storage.Lists;

/// <summary>The states of a list (the CHECK constraint of lists.state says the same).</summary>
public static class ListStates
{
    public const string Importing = "importing";
    public const string Queued = "queued";
    public const string Running = "running";
    public const string WaitingRetry = "waiting_retry";
    public const string Complete = "complete";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";

    public static bool IsFinal(string state) => state is Complete or Failed or Cancelled;
}

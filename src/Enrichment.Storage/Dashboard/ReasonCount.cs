namespace Enrichment.Storage.Dashboard;

/// <summary>Rows of a list with one verdict and one reason ("" when the verdict came without a reason).</summary>
public sealed record ReasonCount(string Status, string Reason, int Rows);

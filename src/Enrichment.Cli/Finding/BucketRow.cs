using Enrichment.Finding;

namespace Enrichment.Cli.Finding;

/// <summary>One input row waiting for its domain's turn: where it was, what it held, what to find.</summary>
internal sealed record BucketRow(long Line, string[] Fields, string Domain, FindRequest Request);

namespace Enrichment.Cli.Verification;

/// <summary>An input row as the ordered writer needs it back: line, fields, and what became of it at import.</summary>
/// <param name="Sequence">Position among the data rows (0-based); the verification request's id.</param>
/// <param name="Email">The email cell for a row sent to the verifier; else the row's email cell, if any, for display.</param>
/// <param name="Reason">Null for a verified row; else the rejection code ("blank", "no_email" …).</param>
public sealed record SpooledRecord(long Sequence, long Line, string[] Fields, bool Verified, bool Duplicate, string? Email, string? Reason, string? Detail);

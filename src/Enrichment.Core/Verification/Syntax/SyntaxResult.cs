namespace Enrichment.Verification.Syntax;

/// <summary>The outcome of <see cref="EmailSyntax.Parse"/>.</summary>
/// <param name="Input">The text that was parsed, exactly as given (empty for null).</param>
/// <param name="Address">The normalised address, or null when the input is not a valid address.</param>
/// <param name="Error">A stable snake_case code from <see cref="SyntaxErrors"/>, or null when valid.</param>
/// <param name="ErrorDetail">Human-readable text naming what is wrong and where, or null when valid.</param>
/// <param name="Suggestion">
/// A corrected full address when the domain looks like a typo ("jane@gmial.com" → "jane@gmail.com") or the input
/// has an obvious repair; null otherwise. Never applied: <see cref="Address"/> keeps what the user typed.
/// </param>
public sealed record SyntaxResult(string Input, EmailAddress? Address, string? Error, string? ErrorDetail, string? Suggestion)
{
    public bool IsValid => Address is not null;
}

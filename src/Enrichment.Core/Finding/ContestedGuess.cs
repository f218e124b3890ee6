namespace Enrichment.Finding;

/// <summary>A best guess several rows share (<paramref name="LocalPart"/>), and the guesses rows before this one took.</summary>
public sealed record ContestedGuess(string LocalPart, IReadOnlySet<string> ClaimedBefore);


namespace Enrichment.Import;

/// <summary>Why a row was not imported.</summary>
/// <param name="Line">1-based line of the file where the row starts.</param>
/// <param name="Column">1-based column the problem is in, or null when it is the whole row.</param>
/// <param name="Reason">A code from <see cref="RejectionReasons"/>.</param>
/// <param name="Detail">One readable sentence for people.</param>
public sealed record ImportRejection(long Line, int? Column, string Reason, string Detail);

namespace Enrichment.Import;

/// <summary>
/// One data row of a list, in file order. Exactly one of <see cref="Contact"/> and <see cref="Rejection"/> is set.
/// </summary>
/// <param name="Line">1-based line of the file where the row starts (a quoted line break makes a row span lines).</param>
/// <param name="Fields">
/// The row's fields exactly as the file holds them (decoded, quotes removed, nothing trimmed). For a row rejected for a
/// broken quote, the line split at the separator as it stands.
/// </param>
/// <param name="Duplicate">True when an earlier row of the list has the same normalised address.</param>
public sealed record ImportRecord(long Line, string[] Fields, ImportedContact? Contact, ImportRejection? Rejection, bool Duplicate)
{
    public bool IsRejected => Rejection is not null;
}

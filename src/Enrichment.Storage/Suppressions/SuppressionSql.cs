namespace Enrichment.Storage.Suppressions;

/// <summary>
/// The one definition of "suppressed" in SQL, for every read path (contacts, claims, list downloads, committee
/// members): an address is suppressed when the address itself or its whole domain is in <c>suppressions</c>.
/// Erased addresses need no clause here: erasure deletes them everywhere, and the salted hash only guards uploads.
/// </summary>
public static class SuppressionSql
{
    /// <summary>
    /// A predicate that is true when the address in <paramref name="emailColumn"/> (a trusted column expression such
    /// as <c>c.email</c>, never user input) is not suppressed. Two probes of the (kind, value) index.
    /// </summary>
    public static string NotSuppressed(string emailColumn)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(emailColumn);
        return $"""
            NOT EXISTS (SELECT 1 FROM suppressions s
                        WHERE (s.kind = 'email' AND s.value = {emailColumn})
                           OR (s.kind = 'domain' AND s.value = split_part({emailColumn}, '@', 2)))
            """;
    }

    /// <summary>The opposite of <see cref="NotSuppressed"/>: true when the address or its domain is suppressed.</summary>
    public static string Suppressed(string emailColumn) => $"NOT ({NotSuppressed(emailColumn)})";
}

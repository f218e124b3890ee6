namespace Enrichment.Finding.Names;

/// <summary>
/// A person's name reduced to what a mail administrator types into a local part: ASCII lowercase tokens.
/// Each list is ordered best first; the first entry is what most admins would produce.
/// </summary>
/// <param name="FirstVariants">ASCII spellings of the given name (never empty).</param>
/// <param name="MiddleInitials">One lowercase letter per middle name, in order.</param>
/// <param name="LastVariants">ASCII spellings of the family name; empty for a mononym.</param>
public sealed record PersonName(IReadOnlyList<string> FirstVariants, IReadOnlyList<string> MiddleInitials, IReadOnlyList<string> LastVariants)
{
    /// <summary>The best ASCII lowercase given name.</summary>
    public string First => FirstVariants[0];

    /// <summary>The best ASCII lowercase family name, or "" for a mononym (formats that need it render nothing).</summary>
    public string Last => LastVariants.Count > 0 ? LastVariants[0] : "";

    public bool HasLast => LastVariants.Count > 0;

    /// <summary>How each first-name variant was spelled, parallel to <see cref="FirstVariants"/>; empty when unknown
    /// (a name built by hand), in which case variants are judged by rank only.</summary>
    internal IReadOnlyList<SpellingKind> FirstKinds { get; init; } = [];

    internal IReadOnlyList<SpellingKind> LastKinds { get; init; } = [];

    /// <summary>
    /// Another reading of the same CRM fields, less likely than this one, whose candidates rank after this reading's
    /// (see <see cref="AlternativeShare"/>): "S.|Ramesh" is most likely Ramesh with the initial S, but may be S. Ramesh.
    /// </summary>
    public PersonName? Alternative { get; init; }

    /// <summary>The chance the <see cref="Alternative"/> reading is the right one.</summary>
    public const double AlternativeShare = 0.3;

    /// <summary>The culture the name's words point to (see <see cref="NameCultureHint"/>); decided the variants' order.</summary>
    public NameCultureHint Culture { get; init; }

    // Records compare lists by reference; compare the spellings so equal names are equal values.
    public bool Equals(PersonName? other) =>
        other is not null
        && FirstVariants.SequenceEqual(other.FirstVariants, StringComparer.Ordinal)
        && MiddleInitials.SequenceEqual(other.MiddleInitials, StringComparer.Ordinal)
        && LastVariants.SequenceEqual(other.LastVariants, StringComparer.Ordinal)
        && Equals(Alternative, other.Alternative);

    public override int GetHashCode() => HashCode.Combine(First, Last, MiddleInitials.Count);

    public override string ToString() =>
        $"{string.Join('|', FirstVariants)} [{string.Join(' ', MiddleInitials)}] {string.Join('|', LastVariants)}";
}

/// <summary>Which structural choice a spelling made for a compound name.</summary>
public enum SpellingShape
{
    Simple,
    CompoundJoined,       // garcialopez, jeanpierre
    CompoundHyphenated,   // garcia-lopez
    CompoundFirstPart,    // garcia, ana (Ana María)
    DoublePaternal,       // reynoso (Reynoso Echevarría), martins (dos Santos Martins): the father's family name
    DoubleMaternal,       // echevarria, dossantos: the mother's
    CompoundInitials,     // am (Ana María), jp (Jean Paul)
    Nickname,             // bob (Robert)
    ParticleJoined,       // vanderberg, alhassan
    ParticleHyphenated,   // al-hassan
    ParticleDropped,      // berg, hassan
}

/// <param name="Expanded">Spelled with the expanded convention (ü → ue) where the name offers both.</param>
/// <param name="HasExpansion">The token has letters with two conventions at all.</param>
internal readonly record struct SpellingKind(SpellingShape Shape, bool Expanded, bool HasExpansion);

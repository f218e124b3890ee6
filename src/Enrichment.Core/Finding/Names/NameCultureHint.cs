namespace Enrichment.Finding.Names;

/// <summary>What a name's tokens suggest about how its culture builds names; decides priors where the domain shows none.</summary>
public enum NameCultureHint
{
    None,

    /// <summary>Vietnamese, Korean, Chinese: given names are syllables admins keep whole (mynhi, minjun).</summary>
    EastAsian,

    /// <summary>Spanish-speaking: two family names, the first (paternal) is the one usually kept.</summary>
    Hispanic,

    /// <summary>Portuguese and Brazilian: two family names, the last (paternal) usually kept; double given names joined.</summary>
    Lusophone,
}


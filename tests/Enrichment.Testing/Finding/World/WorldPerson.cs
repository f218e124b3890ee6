namespace Enrichment.Testing.Finding.World;

/// <summary>
/// A person of the world set as the company's HR system knows them: given name words, family name words (with their
/// particles), and the facts that change how a CRM and a mail admin write them.
/// </summary>
/// <param name="Given">Given name words as written natively ("Ana", "María"; "Min", "jun" with <paramref name="GivenHyphen"/>).</param>
/// <param name="Family">Family names: one ("Müller", "García-López") or two ("Reynoso", "Echevarría").</param>
/// <param name="Particles">Words before the family name ("van", "der"; "Al"; "dos").</param>
/// <param name="English">A Hong Kong/Singapore English given name ("Tony" of Chan Tai-man) that the address uses.</param>
/// <param name="Nickname">The (ASCII) name the address uses instead of the given name.</param>
internal sealed record WorldPerson(
    string Culture,
    string[] Given,
    bool GivenHyphen,
    string? Middle,
    string[] Particles,
    string[] Family,
    string? English = null,
    string? Nickname = null)
{
    /// <summary>Syllables no admin cuts (Chinese, Korean, Vietnamese given names).</summary>
    public bool NeverCut { get; init; }

    /// <summary>Full names in the culture's own order start with the family name.</summary>
    public bool FamilyFirst { get; init; }

    /// <summary>Indian "S. Ramesh": the family name is an initial (the father's or village's), written first.</summary>
    public bool InitialFamily { get; init; }

    /// <summary>One name only (Indonesian, some Indian and Burmese names).</summary>
    public bool Mononym => Family.Length == 0;

    /// <summary>Spanish (father's first, kept) or Portuguese (mother's first, father's last kept) double family names.</summary>
    public bool Lusophone { get; init; }

    /// <summary>A Cyrillic spelling the CRM may hold instead of the Latin one ("Сергей", "Иванов").</summary>
    public (string Given, string Family)? Cyrillic { get; init; }

    /// <summary>Another Latin spelling of the given name the CRM may hold (Sergei for the passport's Sergey).</summary>
    public string? CrmSpelling { get; init; }

    /// <summary>Vietnamese middle names (Văn, Thị) that CRMs often put in the first-name field.</summary>
    public bool VietnameseMiddle { get; init; }

    /// <summary>A generational or professional suffix the CRM keeps ("Jr.", "III", "PhD").</summary>
    public string? Suffix { get; init; }

    public string GivenText => GivenHyphen ? string.Join('-', Given) : string.Join(' ', Given);

    public string FamilyText => string.Join(' ', Particles.Concat(Family));
}

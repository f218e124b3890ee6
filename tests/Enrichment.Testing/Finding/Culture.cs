namespace Enrichment.Testing.Finding;

/// <summary>A name culture of the evaluation set: its names and how they are written.</summary>
/// <param name="Weight">Relative share of companies whose staff mostly carry this culture's names.</param>
public sealed record Culture(string Code, double Weight, string[] Given, string[] Surnames)
{
    /// <summary>Its companies often write ä, ö, ü, å, ø as ae, oe, ue, aa, oe.</summary>
    public bool ExpandsUmlauts { get; init; }

    /// <summary>Given names are syllables an admin never cuts (Vietnamese, Korean, Chinese).</summary>
    public bool EastAsian { get; init; }

    /// <summary>A full name in this culture's own order starts with the family name.</summary>
    public bool SurnameFirst { get; init; }

    public DoubleSurnames DoubleSurnameRule { get; init; }

    /// <summary>Share of people carrying two family names.</summary>
    public double DoubleRate { get; init; }

    /// <summary>Compound given names ("Ana María", "Jean-Marc", "Min Jun"), drawn at <see cref="CompoundRate"/>.</summary>
    public string[] CompoundGiven { get; init; } = [];

    public double CompoundRate { get; init; }

    /// <summary>Middle names specific to the culture (Vietnamese Văn, Thị), used in full names only.</summary>
    public string[] Middle { get; init; } = [];
}

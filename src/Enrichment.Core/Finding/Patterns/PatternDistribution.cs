using System.Globalization;
using System.Text;

namespace Enrichment.Finding.Patterns;

/// <summary>An address seen at the domain; the owner's name when known.</summary>
public sealed record KnownAddress(string LocalPart, string? FirstName, string? LastName);

/// <summary>One format's share of the domain's addresses.</summary>
/// <param name="Confidence">Posterior share, 0..1.</param>
/// <param name="Supporting">Named addresses this format reproduces.</param>
/// <param name="Contradicting">Named addresses it could have spelled but did not.</param>
public sealed record PatternShare(AddressFormat Format, double Confidence, int Supporting, int Contradicting);

/// <summary>The domain's formats with shares (Tomba style), sorted by share, summing to 1.</summary>
/// <param name="Evidence">Addresses (and a provider pattern) that informed the shares.</param>
/// <param name="FromPriors">True when nothing was known about the domain and the shares are the global priors.</param>
public sealed record PatternDistribution(string Domain, IReadOnlyList<PatternShare> Shares, int Evidence, bool FromPriors)
{
    /// <summary>Known addresses that carried a collision number (john.smith2); the domain numbers duplicates.</summary>
    public int NumberedAddresses { get; init; }

    /// <summary>How the domain spelled names with choices (umlauts, double names, particles).</summary>
    public SpellingEvidence Spelling { get; init; } = SpellingEvidence.None;

    /// <summary>The longest local part the domain's system allows, when its known addresses show names cut short
    /// ("david-jo" for David Jones: 8, as legacy mail systems do); 0 when none are.</summary>
    public int MaxLength { get; init; }

    /// <summary>How the domain was seen resolving namesakes (john.smith2, john.a.smith, josmith).</summary>
    public CollisionEvidence Collisions { get; init; } = CollisionEvidence.None;

    /// <summary>"{first}.{last} 70 %, {f}{last} 30 %": formats holding at least 5 %, at most five, always the top one.</summary>
    public string Describe()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < Shares.Count && i < 5; i++)
        {
            if (i > 0 && Shares[i].Confidence < 0.05)
            {
                break;
            }

            if (i > 0)
            {
                sb.Append(", ");
            }

            sb.Append(AddressFormats.Template(Shares[i].Format))
              .Append(' ')
              .Append(Math.Round(Shares[i].Confidence * 100, MidpointRounding.AwayFromZero).ToString(CultureInfo.InvariantCulture))
              .Append(" %");
        }

        return sb.ToString();
    }
}

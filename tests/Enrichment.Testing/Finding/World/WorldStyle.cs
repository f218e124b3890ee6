namespace Enrichment.Testing.Finding.World;

/// <summary>One company's admin conventions for the choices names offer (see WorldSet.md for the rates).</summary>
internal sealed record WorldStyle(
    bool ExpandUmlauts,          // ü → ue, ö → oe, ä → ae, å → aa, ø → oe; else folded
    LongVowels LongVowels,       // Japanese ō ū
    CompoundGiven CompoundGiven, // space-separated given names (Ana María)
    Hyphens Hyphens,             // Jean-Pierre, García-López
    bool DropParticles,          // van der Berg → berg
    int DoubleFamily,            // 0: the culture's kept one, 1: both joined, 2: the other one
    Collisions Collisions,
    int Truncate);               // 0, or the local part's maximum length (legacy systems: 8)

internal enum LongVowels { Drop, Ou, Oh, Double }

internal enum CompoundGiven { FirstWord, Joined, Initials }

internal enum Hyphens { Joined, Kept, FirstPart }

internal enum Collisions { FromTwo, FromOne, MiddleInitial, MoreLetters }

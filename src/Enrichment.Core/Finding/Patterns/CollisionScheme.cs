namespace Enrichment.Finding.Patterns;

/// <summary>What an admin does when a new person's address is already someone else's.</summary>
public enum CollisionScheme
{
    NumberFromTwo,   // john.smith2 (the first keeps john.smith)
    NumberFromOne,   // john.smith1
    MiddleInitial,   // john.a.smith, jasmith
    MoreLetters,     // josmith, jo.smith (formats built on the first initial)
}


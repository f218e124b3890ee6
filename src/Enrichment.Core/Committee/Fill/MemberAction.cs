namespace Enrichment.Committee.Fill;

/// <summary>What a picked member still needs before counting toward completeness.</summary>
public enum MemberAction
{
    /// <summary>The address is reachable: the member counts now.</summary>
    None,
    /// <summary>An address is known but has no usable verdict yet (never verified, unknown, risky for a passing reason).</summary>
    Verify,
    /// <summary>No address, or the known one bounces: find one (the finder, then the engine).</summary>
    FindAddress,
}

namespace Enrichment.Verification.Probing;

/// <summary>
/// What is known about a domain's catch-all behaviour. <see cref="ProbeLocalPart"/> is the random recipient used for
/// the probe, the same on every attempt: greylisting keys on (client, sender, recipient), so a fresh random recipient
/// on each retry would be greylisted forever. <see cref="CatchAll"/> is null while undecided (4xx or a policy reply).
/// </summary>
public sealed record CatchAllRecord(string ProbeLocalPart, bool? CatchAll, DateTimeOffset CheckedAt)
{
    /// <summary>A local part nobody has: 16 random letters and digits.</summary>
    public static string RandomLocalPart() =>
        System.Security.Cryptography.RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyz0123456789", 16);
}

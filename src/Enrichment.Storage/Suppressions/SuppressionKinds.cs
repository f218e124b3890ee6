namespace Enrichment.Storage.Suppressions;

/// <summary>The kinds of suppressions (the CHECK of the suppressions table).</summary>
public static class SuppressionKinds
{
    public const string Email = "email";
    public const string Domain = "domain";

    /// <summary>An erased address: only its salted hash is kept (see <see cref="Erasure.ErasureHash"/>).</summary>
    public const string EmailHash = "email_hash";
}

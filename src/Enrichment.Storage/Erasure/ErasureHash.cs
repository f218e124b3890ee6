using System.Security.Cryptography;
using System.Text;

namespace Enrichment.Storage.Erasure;

/// <summary>
/// What is kept of an erased address: HMAC-SHA256 of the normalised address keyed with the installation's salt, in
/// hex. Without the salt (kept out of the database and the repository) the hash cannot be tested against a list of
/// guessed addresses.
/// </summary>
public static class ErasureHash
{
    public static string Of(ReadOnlySpan<byte> salt, string normalizedEmail)
    {
        ArgumentNullException.ThrowIfNull(normalizedEmail);
        return Convert.ToHexStringLower(HMACSHA256.HashData(salt, Encoding.UTF8.GetBytes(normalizedEmail)));
    }
}

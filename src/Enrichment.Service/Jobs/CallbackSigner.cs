using System.Security.Cryptography;
using System.Text;

namespace Enrichment.Service.Jobs;

/// <summary>
/// Signs a callback body: <c>X-Enrichment-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body with the API key's
/// callback secret&gt;</c>. A receiver recomputes it over the bytes it received and compares in constant time.
/// </summary>
public static class CallbackSigner
{
    public const string Header = "X-Enrichment-Signature";

    public static string Sign(string secret, byte[] body) =>
        "sha256=" + Convert.ToHexString(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)).ToLowerInvariant();

    public static bool Verify(string secret, byte[] body, string? header) =>
        header is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Sign(secret, body)), Encoding.ASCII.GetBytes(header));
}

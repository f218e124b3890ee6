using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Enrichment.Service.Events;

/// <summary>
/// Signed webhooks in the Outreach/Salesloft style: <c>X-Webhook-Signature</c> is the hex HMAC-SHA256 (optionally
/// "sha256=" first) of <c>{timestamp}.{raw body}</c> with the source's shared secret, and <c>X-Webhook-Timestamp</c>
/// the Unix time in seconds. Signing the timestamp with the body makes a captured request useless once it is older
/// than the tolerance. Compared in constant time (pure).
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-Webhook-Signature";
    public const string TimestampHeader = "X-Webhook-Timestamp";

    /// <summary>Null when the request is authentic and fresh; otherwise why not.</summary>
    public static string? Check(string secret, string? timestamp, string? signature, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        ArgumentNullException.ThrowIfNull(secret);
        if (string.IsNullOrEmpty(timestamp) || !long.TryParse(timestamp, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seconds))
            return $"{TimestampHeader} is missing or not Unix seconds";
        if (string.IsNullOrEmpty(signature))
            return $"{SignatureHeader} is missing";
        var hex = signature.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase) ? signature[7..] : signature;
        byte[] presented;
        try
        {
            presented = Convert.FromHexString(hex);
        }
        catch (FormatException)
        {
            return $"{SignatureHeader} is not hex";
        }

        var expected = Compute(secret, timestamp, body);
        if (!CryptographicOperations.FixedTimeEquals(presented, expected))
            return "signature does not match";
        var age = now - DateTimeOffset.FromUnixTimeSeconds(Math.Clamp(seconds, -62135596800, 253402300799));
        if (age > tolerance || age < -tolerance)
            return $"timestamp is {Math.Abs(age.TotalSeconds):F0} s away from now (tolerance {tolerance.TotalSeconds:F0} s)";
        return null;
    }

    /// <summary>The HMAC a sender computes (also used by tests and senders' examples).</summary>
    public static byte[] Compute(string secret, string timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        ArgumentNullException.ThrowIfNull(timestamp);
        var prefix = Encoding.ASCII.GetBytes(timestamp + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}

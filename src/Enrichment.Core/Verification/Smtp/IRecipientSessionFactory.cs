using System.Net;

namespace Enrichment.Verification.Smtp;

/// <summary>Opens recipient sessions: connect, greeting, EHLO (HELO fallback), opportunistic STARTTLS.</summary>
public interface IRecipientSessionFactory
{
    /// <summary>
    /// Opens a session with <paramref name="host"/> at <paramref name="address"/>. A refusal at the greeting or at
    /// EHLO/HELO comes back as a session whose <see cref="IRecipientSession.Opening"/> is that reply and which is not
    /// connected. A failed TLS handshake is retried once in plain text (RFC 7435). Throws when no TCP connection
    /// could be made (SocketException, TimeoutException) or the caller cancelled.
    /// </summary>
    Task<IRecipientSession> OpenAsync(string host, IPAddress address, CancellationToken cancellationToken);
}

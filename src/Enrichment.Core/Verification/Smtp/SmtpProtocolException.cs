namespace Enrichment.Verification.Smtp;

/// <summary>
/// The server broke the SMTP conversation: a reply that is not a reply, an over-long line or reply, a multi-line reply
/// whose lines disagree on the code, or a connection that closed or reset in the middle of the dialogue.
/// The session is unusable afterwards.
/// </summary>
public sealed class SmtpProtocolException : IOException
{
    public SmtpProtocolException()
    {
    }

    public SmtpProtocolException(string message)
        : base(message)
    {
    }

    public SmtpProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

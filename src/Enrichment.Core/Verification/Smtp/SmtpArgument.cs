namespace Enrichment.Verification.Smtp;

/// <summary>What may go into a MAIL/RCPT/EHLO argument: MailKit sends custom commands as given.</summary>
internal static class SmtpArgument
{
    public static void Validate(string value, bool allowEmpty, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(value, parameterName);
        if (!allowEmpty && value.Length == 0)
        {
            throw new ArgumentException("Value may not be empty.", parameterName);
        }

        // A CR or LF would let the value inject a second command (such as DATA). Angle brackets are legal inside a
        // quoted local part ("a<b"@x.com, RFC 5321 §4.1.2), so only an unquoted one is refused.
        var quoted = false;
        foreach (var c in value)
        {
            if (c is '\r' or '\n' || char.IsControl(c))
            {
                throw new ArgumentException("Value may not contain CR, LF or control characters.", parameterName);
            }

            if (c == '"')
            {
                quoted = !quoted;
            }
            else if (c is '<' or '>' && !quoted)
            {
                throw new ArgumentException("Value may not contain '<' or '>' outside a quoted local part.", parameterName);
            }
        }
    }
}

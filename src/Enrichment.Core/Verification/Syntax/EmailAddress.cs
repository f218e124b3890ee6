namespace Enrichment.Verification.Syntax;

/// <summary>A syntactically valid, normalised mailbox address.</summary>
/// <param name="LocalPart">
/// The part before '@'. A dot-atom is lowercased; a quoted local part is kept verbatim, quotes included,
/// because RFC 5321 section 2.4 leaves case significance of the local part to the receiving host.
/// </param>
/// <param name="Domain">The domain in ASCII: lowercase, IDN labels as punycode (xn--...).</param>
/// <param name="UnicodeDomain">The same domain in Unicode form, for display.</param>
/// <param name="QuotedLocalPart">True when the local part is an RFC 5321 quoted-string such as "john doe".</param>
public sealed record EmailAddress(string LocalPart, string Domain, string UnicodeDomain, bool QuotedLocalPart)
{
    /// <summary>The address as it goes into an SMTP RCPT TO command: local part, '@', ASCII domain.</summary>
    public string Normalized => $"{LocalPart}@{Domain}";

    public override string ToString() => Normalized;
}

namespace Enrichment.Import;

/// <summary>
/// What a row says about a person, from the mapped columns. Values are trimmed; null when the column is absent or empty.
/// </summary>
/// <param name="EmailInput">The email cell as typed (trimmed), valid or not: the verifier judges it.</param>
/// <param name="Email">The normalised address when <see cref="EmailInput"/> is a valid address, else null.</param>
/// <param name="Domain">
/// The company's mail domain: from the website column (<c>https://www.acme.co.uk/about</c> → <c>acme.co.uk</c>), else from
/// a valid email whose domain is not free mail. Never a free-mail or social host.
/// </param>
public sealed record ImportedContact(
    string? EmailInput,
    string? Email,
    string? FirstName,
    string? LastName,
    string? FullName,
    string? Company,
    string? Website,
    string? Domain,
    string? Title,
    string? Id)
{
    /// <summary>True when the row names a person (first, last or full name).</summary>
    public bool HasName => FirstName is not null || LastName is not null || FullName is not null;
}

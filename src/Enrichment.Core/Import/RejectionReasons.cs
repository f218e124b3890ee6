namespace Enrichment.Import;

/// <summary>The codes of <see cref="ImportRejection.Reason"/>: part of the API's vocabulary.</summary>
public static class RejectionReasons
{
    /// <summary>A quote opened a field that never closed where a row could end; the line is rejected and reading resumes at the next line.</summary>
    public const string UnterminatedQuote = "unterminated_quote";

    /// <summary>A field is longer than <see cref="ImportOptions.MaxFieldBytes"/>.</summary>
    public const string FieldTooLong = "field_too_long";

    /// <summary>An empty line, or one holding only separators and spaces.</summary>
    public const string Blank = "blank";

    /// <summary>Neither an email nor a name: nothing to verify or find.</summary>
    public const string NoEmailOrName = "no_email_or_name";

    /// <summary>A person without an email whose website is a free-mail or social host (gmail.com, linkedin.com …).</summary>
    public const string NotACompanyDomain = "not_a_company_domain";

    /// <summary>A person without an email and without a usable website or domain.</summary>
    public const string NoDomain = "no_domain";

    /// <summary>The header again further down: two exports pasted into one file.</summary>
    public const string RepeatedHeader = "repeated_header";

    /// <summary>NUL bytes inside a row of a text file: damage, not a contact.</summary>
    public const string BinaryData = "binary_data";
}

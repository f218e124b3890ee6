namespace Enrichment.Verification.Syntax;

/// <summary>The stable error codes of <see cref="SyntaxResult.Error"/>. Callers may switch on these; they never change.</summary>
public static class SyntaxErrors
{
    public const string Empty = "empty";
    public const string MissingAt = "missing_at";
    public const string MultipleAt = "multiple_at";
    public const string EmptyLocalPart = "empty_local_part";
    public const string LocalPartTooLong = "local_part_too_long";
    public const string InvalidLocalPart = "invalid_local_part";
    public const string EmptyDomain = "empty_domain";
    public const string DomainTooLong = "domain_too_long";
    public const string AddressTooLong = "address_too_long";
    public const string InvalidDomain = "invalid_domain";
    public const string DomainLiteral = "domain_literal";
    public const string InvalidIdn = "invalid_idn";

    /// <summary>A display-name form whose angle brackets do not pair up, e.g. "Jane &lt;jane@x.com".</summary>
    public const string InvalidAngleAddress = "invalid_angle_address";
}

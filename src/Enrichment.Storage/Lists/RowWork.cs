namespace Enrichment.Storage.Lists;

/// <summary>An accepted row of one domain as a domain job reads it.</summary>
public sealed class RowWork
{
    public int RowNo { get; init; }
    public string? Email { get; init; }
    public string? FirstName { get; init; }
    public string? LastName { get; init; }
    public string? FullName { get; init; }
    public string? Company { get; init; }
    public string? CompanyDomain { get; init; }
    public string? Title { get; init; }
    public bool Found { get; init; }
    public string? Status { get; init; }
}

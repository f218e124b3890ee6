namespace Enrichment.Import;

/// <summary>The contact fields a list column can be mapped to.</summary>
public enum ContactField
{
    Email,
    FirstName,
    LastName,
    FullName,
    Company,
    Website,
    Title,
    Id,
}

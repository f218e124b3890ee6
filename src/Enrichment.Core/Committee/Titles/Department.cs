namespace Enrichment.Committee.Titles;

/// <summary>The function a title names; <see cref="Other"/> for functions outside a business-software purchase.</summary>
public enum Department
{
    Executive,
    Finance,
    It,
    Engineering,
    Security,
    Procurement,
    Legal,
    Operations,
    Marketing,
    Sales,
    Hr,
    Product,
    Data,
    CustomerSuccess,
    Other,
}

namespace Enrichment.Storage.Contacts;

/// <summary>A person written back from a list (or the finder): one per normalised address.</summary>
public sealed record ContactRecord(
    string Email,
    string? FirstName,
    string? LastName,
    string? FullName,
    string? Title,
    string? AccountDomain,
    string Source);

namespace Enrichment.Service.Contacts;

/// <summary>A page of contacts; pass <see cref="NextCursor"/> as cursor for the next one (null: the end for now).</summary>
public sealed record ContactPage(IReadOnlyList<ContactResponse> Items, string? NextCursor);

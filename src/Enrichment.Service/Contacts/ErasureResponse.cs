namespace Enrichment.Service.Contacts;

/// <summary>What DELETE /api/contacts/{email} removed, per table, and the salted hash kept to refuse the address later.</summary>
public sealed record ErasureResponse(string EmailHash, IReadOnlyDictionary<string, int> Deleted);

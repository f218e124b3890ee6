namespace Enrichment.Storage.Contacts;

/// <summary>The latest verification of an address.</summary>
public sealed record VerificationRecord(
    string Email,
    string Domain,
    string Status,
    int Risk,
    IReadOnlyList<string> Reasons,
    int? SmtpCode,
    string? SmtpReply,
    string? MxHost,
    bool? CatchAll,
    DateTimeOffset VerifiedAt,
    long? ListId);

namespace Enrichment.Verification.MailHosts;

/// <summary>One mail exchanger.</summary>
/// <remarks>
/// RFC 1035 §3.3.9, MX RDATA format:
/// <code>
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     |                  PREFERENCE                   |
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
///     /                   EXCHANGE                    /
///     /                                               /
///     +--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+--+
/// </code>
/// PREFERENCE is a 16-bit integer, lower values are preferred; EXCHANGE is a domain name (possibly compressed).
/// The exchange is lowercase without a trailing dot; the root name is ".".
/// </remarks>
public sealed record MxRecord(ushort Preference, string Exchange);

using Enrichment.Verification.Smtp;

namespace Enrichment.Verification.Probing;

/// <summary>
/// What the SMTP step learned about one recipient. <see cref="CatchAllUntested"/>: the domain's random recipient got
/// a 4xx or a policy reply, so an acceptance here proves nothing.
/// </summary>
public sealed record RecipientProbe(SmtpFinding Finding, SmtpReply? Reply, string? MxHost, bool? Tls, bool? CatchAll, string? Detail, bool CatchAllUntested = false);

using System.Diagnostics.Metrics;

namespace Enrichment.Verification;

/// <summary>The "Enrichment" meter: sessions, RCPTs, verdicts by status and reason, greylist retries pending.</summary>
public static class VerificationMetrics
{
    public const string MeterName = "Enrichment";

    private static readonly Meter Meter = new(MeterName);

    internal static readonly Counter<long> Sessions = Meter.CreateCounter<long>("enrichment.smtp.sessions", description: "SMTP sessions opened");

    internal static readonly Counter<long> Recipients = Meter.CreateCounter<long>("enrichment.smtp.rcpts", description: "RCPT commands answered");

    internal static readonly Counter<long> Verdicts = Meter.CreateCounter<long>("enrichment.verdicts", description: "verdicts by status and first reason");

    internal static readonly UpDownCounter<long> GreylistPending = Meter.CreateUpDownCounter<long>(
        "enrichment.greylist.pending", description: "addresses waiting to be asked again after a 4xx");

    internal static void Verdict(VerificationResult result) =>
        Verdicts.Add(
            1,
            new KeyValuePair<string, object?>("status", VerificationResult.StatusText(result.Status)),
            new KeyValuePair<string, object?>("reason", result.Reasons.Count > 0 ? result.Reasons[0] : "none"));
}

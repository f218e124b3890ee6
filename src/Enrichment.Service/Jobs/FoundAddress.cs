using Enrichment.Verification;

namespace Enrichment.Service.Jobs;

/// <summary>
/// Which of a person's ranked guesses to keep once the domain's session has judged them (pure): the first one
/// accepted (deliverable or risky) wins; otherwise the first the server would not judge (unknown); otherwise none —
/// every guess was rejected, and the person is not found.
/// </summary>
public static class FoundAddress
{
    public static VerificationResult? Choose(IReadOnlyList<string> rankedCandidates, IReadOnlyDictionary<string, VerificationResult> verdicts)
    {
        ArgumentNullException.ThrowIfNull(rankedCandidates);
        ArgumentNullException.ThrowIfNull(verdicts);
        VerificationResult? undecided = null;
        foreach (var candidate in rankedCandidates)
        {
            if (!verdicts.TryGetValue(candidate, out var verdict))
                continue;
            if (verdict.Status is VerificationStatus.Deliverable or VerificationStatus.Risky && !verdict.Reasons.Contains(Reasons.MailboxNotFound))
                return verdict;
            if (verdict.Status == VerificationStatus.Unknown)
                undecided ??= verdict;
        }

        return undecided;
    }
}

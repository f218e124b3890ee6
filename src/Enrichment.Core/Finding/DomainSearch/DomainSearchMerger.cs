namespace Enrichment.Finding.DomainSearch;

/// <summary>All sources' answers for one domain, merged.</summary>
/// <param name="Contacts">One entry per address (compared case-insensitively, emitted lower-case), in order of first appearance.</param>
/// <param name="DeclaredPatterns">Distinct address patterns the providers declared (e.g. "{first}.{last}"), in source order.</param>
/// <param name="Errors">Sources that failed, with their error code; their partial contacts are still merged.</param>
public sealed record MergedDomainSearch(
    string Domain,
    IReadOnlyList<FoundContact> Contacts,
    IReadOnlyList<string> DeclaredPatterns,
    IReadOnlyList<(string Source, string Error)> Errors);

/// <summary>Pure merge of per-source results: de-duplication by address, best-source field filling, provenance union.</summary>
public static class DomainSearchMerger
{
    /// <summary>
    /// Merges <paramref name="results"/>. For each address the candidates are ranked: our own data first
    /// (a person we already know beats a crawler's guess), then higher confidence, then source order.
    /// Each field is taken from the best-ranked candidate that has it; Confidence is the highest reported;
    /// Sources and Provenance are unions.
    /// </summary>
    public static MergedDomainSearch Merge(string domain, IEnumerable<DomainSearchResult> results)
    {
        ArgumentNullException.ThrowIfNull(results);
        var order = new List<string>();
        var byEmail = new Dictionary<string, List<(FoundContact Contact, int SourceIndex)>>(StringComparer.Ordinal);
        var patterns = new List<string>();
        var errors = new List<(string Source, string Error)>();
        var sourceIndex = 0;
        foreach (var result in results)
        {
            if (result.Error is not null)
            {
                errors.Add((result.Source, result.Error));
            }

            if (!string.IsNullOrWhiteSpace(result.DeclaredPattern) && !patterns.Contains(result.DeclaredPattern.Trim(), StringComparer.Ordinal))
            {
                patterns.Add(result.DeclaredPattern.Trim());
            }

            foreach (var contact in result.Contacts)
            {
                var key = NormalizeEmail(contact.Email);
                if (key is null)
                {
                    continue;
                }

                if (!byEmail.TryGetValue(key, out var list))
                {
                    list = [];
                    byEmail[key] = list;
                    order.Add(key);
                }

                // A contact without provenance is attributed to the source that returned it.
                var attributed = contact.Provenance.Count == 0 ? contact with { Provenance = [result.Source] } : contact;
                list.Add((attributed, sourceIndex));
            }

            sourceIndex++;
        }

        var merged = order.Select(key => Combine(key, byEmail[key])).ToList();
        return new MergedDomainSearch(domain, merged, patterns, errors);
    }

    internal static string? NormalizeEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            return null;
        }

        var trimmed = email.Trim().ToLowerInvariant();
        var at = trimmed.LastIndexOf('@');
        return at > 0 && at < trimmed.Length - 1 ? trimmed : null;
    }

    private static FoundContact Combine(string email, List<(FoundContact Contact, int SourceIndex)> candidates)
    {
        var ranked = candidates
            .OrderByDescending(c => c.Contact.Provenance.Contains(KnownAddressSource.SourceName, StringComparer.Ordinal))
            .ThenByDescending(c => c.Contact.Confidence ?? -1)
            .ThenBy(c => c.SourceIndex)
            .Select(c => c.Contact)
            .ToList();

        string? Pick(Func<FoundContact, string?> field) =>
            ranked.Select(field).FirstOrDefault(v => !string.IsNullOrWhiteSpace(v));

        var confidence = ranked.Max(c => c.Confidence);
        var sources = ranked.SelectMany(c => c.Sources).Where(s => !string.IsNullOrWhiteSpace(s)).Distinct(StringComparer.Ordinal).ToList();
        var provenance = candidates.SelectMany(c => c.Contact.Provenance).Distinct(StringComparer.Ordinal).ToList();
        return new FoundContact(
            email,
            Pick(c => c.FirstName),
            Pick(c => c.LastName),
            Pick(c => c.Position),
            Pick(c => c.Seniority),
            Pick(c => c.Department),
            confidence,
            sources,
            provenance);
    }
}

using System.Globalization;
using Enrichment.Storage.Contacts;

namespace Enrichment.Service.Contacts;

/// <summary>
/// The filters of GET /api/contacts and of claims as the client writes them, checked into a
/// <see cref="ContactFilter"/>; every bad value is reported under its parameter's name (pure).
/// </summary>
public sealed record ContactQueryText(
    IReadOnlyList<string>? Status = null,
    string? MaxRisk = null,
    string? ListId = null,
    string? AccountDomain = null,
    string? UpdatedSince = null,
    string? VerifiedWithin = null)
{
    public static readonly string[] Statuses = ["deliverable", "risky", "undeliverable", "unknown"];

    public (ContactFilter Filter, Dictionary<string, string[]> Errors) Parse(DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        var statuses = Status?.SelectMany(s => s.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(s => s.ToLowerInvariant()).Distinct().ToList();
        if (statuses?.FirstOrDefault(s => !Statuses.Contains(s)) is { } badStatus)
            errors["status"] = [$"unknown status \"{badStatus}\" (expected {string.Join(", ", Statuses)})"];

        int? maxRisk = null;
        if (MaxRisk is not null)
        {
            if (int.TryParse(MaxRisk, NumberStyles.None, CultureInfo.InvariantCulture, out var r) && r <= 100)
                maxRisk = r;
            else
                errors["max_risk"] = [$"must be a whole number from 0 to 100 (was \"{MaxRisk}\")"];
        }

        long? listId = null;
        if (ListId is not null)
        {
            if (long.TryParse(ListId, NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
                listId = id;
            else
                errors["list_id"] = [$"must be a list id, a positive whole number (was \"{ListId}\")"];
        }

        string? accountDomain = null;
        if (AccountDomain is not null)
        {
            accountDomain = AccountDomain.Trim().TrimEnd('.').ToLowerInvariant();
            if (accountDomain.Length is 0 or > 253 || accountDomain.Contains('@', StringComparison.Ordinal) || accountDomain.Contains(' ', StringComparison.Ordinal))
                errors["account_domain"] = [$"must be a domain such as acme.com (was \"{AccountDomain}\")"];
        }

        DateTimeOffset? updatedSince = null;
        if (UpdatedSince is not null)
        {
            if (DateTimeOffset.TryParse(UpdatedSince, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var since))
                updatedSince = since;
            else
                errors["updated_since"] = [$"must be an ISO 8601 time such as 2026-11-30T12:00:00Z (was \"{UpdatedSince}\")"];
        }

        DateTimeOffset? verifiedSince = null;
        if (VerifiedWithin is not null)
        {
            if (AgeText.Parse(VerifiedWithin) is { } age)
                verifiedSince = now - age;
            else
                errors["verified_within"] = [$"must be {AgeText.Expected} (was \"{VerifiedWithin}\")"];
        }

        return (new ContactFilter(statuses is { Count: > 0 } ? statuses : null, maxRisk, listId, accountDomain, updatedSince, verifiedSince), errors);
    }
}

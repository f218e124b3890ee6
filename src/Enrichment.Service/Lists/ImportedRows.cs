using Enrichment.Import;
using Enrichment.Storage.Lists;
using Enrichment.Verification;

namespace Enrichment.Service.Lists;

/// <summary>
/// Turns the import module's records into stored rows (pure). A row with an address is verified under the address's
/// domain; a row without one (a person and a company domain) is searched under the company domain first. An address
/// typed but not valid is judged here (undeliverable, syntax) and never reaches a job.
/// </summary>
public static class ImportedRows
{
    /// <summary>Marks a duplicate whose first row is resolved in SQL after the import (no address set in memory).</summary>
    public const int DuplicateToResolve = 0;

    public static ListRowInsert ToRow(int rowNo, ImportRecord record, IReadOnlyList<string> header)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(header);
        var line = (int)Math.Min(record.Line, int.MaxValue);
        if (record.Rejection is { } rejection)
        {
            var column = rejection.Column is { } c
                ? c - 1 < header.Count && header[c - 1].Length > 0 ? header[c - 1] : $"column {c}"
                : null;
            return new ListRowInsert(rowNo, line, record.Fields, null, null, RejectionReason: rejection.Reason, RejectionColumn: column);
        }

        var contact = record.Contact!;
        var duplicateOf = record.Duplicate ? DuplicateToResolve : (int?)null;
        if (contact.Email is { } email)
        {
            return new ListRowInsert(rowNo, line, record.Fields, email, email[(email.LastIndexOf('@') + 1)..],
                contact.FirstName, contact.LastName, contact.FullName, contact.Company, contact.Domain, contact.Title, contact.Id, DuplicateOf: duplicateOf);
        }

        if (contact.EmailInput is { } typed)
        {
            return new ListRowInsert(rowNo, line, record.Fields, typed, null,
                contact.FirstName, contact.LastName, contact.FullName, contact.Company, contact.Domain, contact.Title, contact.Id,
                DuplicateOf: duplicateOf, Status: "undeliverable", Risk: 100, Reasons: [Reasons.Syntax]);
        }

        return new ListRowInsert(rowNo, line, record.Fields, null, contact.Domain,
            contact.FirstName, contact.LastName, contact.FullName, contact.Company, contact.Domain, contact.Title, contact.Id);
    }
}

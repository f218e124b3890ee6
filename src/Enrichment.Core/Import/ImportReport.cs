using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Enrichment.Import;

/// <summary>
/// The accounting of one import, in the manner of an import API's response: every data row is counted once, as
/// imported or rejected (blank rows are rejections with reason <c>blank</c>). Updated as rows are read; complete once
/// the enumeration ends. Serialised with <see cref="ToJson"/> for the service to store.
/// </summary>
public sealed class ImportReport
{
    private readonly Dictionary<string, long> _rejected = new(StringComparer.Ordinal);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
    };

    internal ImportReport(string source, ImportDetection detection)
    {
        Source = source;
        Detection = detection;
        Encoding = detection.Encoding;
    }

    public string Source { get; }

    /// <summary>Data rows read (header, title rows and <c>sep=</c> not included) = <see cref="Imported"/> + <see cref="RejectedTotal"/>.</summary>
    public long RowsRead { get; private set; }

    /// <summary>Rows handed on as contacts (duplicates included: each keeps its row).</summary>
    public long Imported { get; private set; }

    /// <summary>Blank rows (also counted under <see cref="Rejected"/>["blank"]).</summary>
    public long Blank => _rejected.GetValueOrDefault(RejectionReasons.Blank);

    /// <summary>Rejected rows by reason code.</summary>
    public IReadOnlyDictionary<string, long> Rejected => _rejected;

    public long RejectedTotal { get; private set; }

    /// <summary>Imported rows whose normalised address an earlier row already had.</summary>
    public long Duplicates { get; private set; }

    /// <summary>Imported rows whose field count differs from the header's (extra fields kept, missing ones empty).</summary>
    public long Ragged { get; private set; }

    /// <summary>Rows that were not valid UTF-8 and were read as Windows-1252.</summary>
    public long Windows1252Rows { get; private set; }

    /// <summary>The encoding: the detected one, or "windows-1252"/"utf-8+windows-1252" once rows needed the fallback.</summary>
    public string Encoding { get; private set; }

    /// <summary>How the file was understood: separator, header, mapping, notes.</summary>
    public ImportDetection Detection { get; }

    /// <summary>True once every row has been read.</summary>
    public bool Complete { get; private set; }

    internal void Count(ImportRecord record, bool ragged)
    {
        RowsRead++;
        if (record.Rejection is { } rejection)
        {
            RejectedTotal++;
            _rejected[rejection.Reason] = _rejected.GetValueOrDefault(rejection.Reason) + 1;
            return;
        }

        Imported++;
        if (record.Duplicate)
        {
            Duplicates++;
        }

        if (ragged)
        {
            Ragged++;
        }
    }

    internal void CountWindows1252Row()
    {
        if (Windows1252Rows++ == 0 && Encoding is "utf-8" or "utf-8-bom")
        {
            Encoding = "utf-8+windows-1252";
        }
    }

    internal void MarkComplete() => Complete = true;

    /// <summary>One line for people: "1,000 rows: 990 imported (3 duplicates), 10 rejected (blank 4, unterminated_quote 6); utf-8, comma".</summary>
    public string Summary()
    {
        var rejected = _rejected.Count == 0 ? "" : " (" + string.Join(", ", _rejected.OrderByDescending(p => p.Value).Select(p => FormattableString.Invariant($"{p.Key} {p.Value:N0}"))) + ")";
        return FormattableString.Invariant(
            $"{RowsRead:N0} rows: {Imported:N0} imported ({Duplicates:N0} duplicates), {RejectedTotal:N0} rejected{rejected}; {Encoding}, {Detection.SeparatorName}");
    }

    public string ToJson() => JsonSerializer.Serialize(ToDocument(), Json);

    private object ToDocument() => new
    {
        Source,
        RowsRead,
        Imported,
        Duplicates,
        RejectedTotal,
        Rejected = _rejected.OrderBy(p => p.Key, StringComparer.Ordinal).ToDictionary(p => p.Key, p => p.Value),
        Blank,
        Ragged,
        Encoding,
        Windows1252Rows,
        Separator = Detection.Separator.ToString(),
        SeparatorName = Detection.SeparatorName,
        Detection.SeparatorSource,
        Detection.HeaderLine,
        Detection.Header,
        Mapping = Detection.Mapping.Select(m => new { Field = m.FieldName, m.Column, m.Header, m.Explicit }),
        Detection.SkippedLines,
        Detection.Notes,
        Complete,
    };
}

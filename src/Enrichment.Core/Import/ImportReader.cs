using System.Buffers;
using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Unicode;
using System.Threading.Channels;
using Enrichment.Finding;
using Enrichment.Verification.Syntax;

namespace Enrichment.Import;

/// <summary>
/// One list being read: <see cref="Detection"/> is known as soon as <see cref="ListImporter.OpenAsync"/> returns;
/// <see cref="ReadAsync"/> then streams the records in file order while <see cref="Report"/> counts them. Memory is
/// one buffer (64 KiB, growing to hold the longest record, at most about twice the field limit) plus 16–32 bytes per
/// distinct address for the duplicate check, up to 2,048 decoded rows between the reading and the mapping stage, the
/// website cache (at most 65,536 websites, about 5 MB) and the interned strings of repeated values (about 1 MB).
/// </summary>
public sealed class ImportReader : IAsyncDisposable, IDisposable
{
    private const int SampleBytes = 64 * 1024;
    private const int SampleRecordCount = 30;
    private const int HeaderSearchRecords = 10;
    private static readonly byte[] Candidates = [(byte)',', (byte)';', (byte)'\t', (byte)'|'];

    private readonly ImportOptions _options;
    private readonly NonCompanyDomains _nonCompany;
    private readonly int _cap;

    private readonly AddressHashes _seen = new();
    private readonly FieldInterner _interner = new();
    private readonly WebsiteCache _websites = new();
    private readonly Func<string, (string? Domain, bool NonCompany)> _computeWebsite;
    private Stream _stream;
    private byte[] _buffer;
    private int _start;
    private int _end;
    private bool _eof;
    private long _line = 1;
    private bool _all1252;
    // With _all1252: the whole file is Mac Roman, not Windows-1252 (rows of a UTF-8 file that are not UTF-8 stay 1252).
    private bool _macRoman;
    private CsvRowParser _parser = new((byte)',', 0);
    private Columns _columns = Columns.None;
    private bool _emailOnly;
    private int _headerCount;
    private bool _reading;

    internal ImportReader(Stream stream, ImportOptions options, NonCompanyDomains nonCompany)
    {
        _stream = stream;
        _options = options;
        _nonCompany = nonCompany;
        _computeWebsite = ComputeWebsite;
        _cap = (int)Math.Min(int.MaxValue / 2, Math.Max(SampleBytes, 2L * options.MaxFieldBytes + SampleBytes));
        _buffer = ArrayPool<byte>.Shared.Rent(SampleBytes);
    }

    /// <summary>Encoding, separator, header and mapping, found before any record is read.</summary>
    public ImportDetection Detection { get; private set; } = null!;

    /// <summary>The counts so far; complete when <see cref="ReadAsync"/> has finished.</summary>
    public ImportReport Report { get; private set; } = null!;

    internal async Task DetectAsync(CancellationToken cancellationToken)
    {
        await FillToAsync(SampleBytes, cancellationToken);
        var notes = new List<string>();
        var encoding = "utf-8";
        var data = Data;
        if (data.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
        {
            encoding = "utf-8-bom";
            _start += 3;
        }
        else if (Utf16(data, notes) is { } utf16)
        {
            encoding = utf16.BigEndian ? "utf-16be" : "utf-16le";
            var rest = new PrefixedStream(data[utf16.BomLength..].ToArray(), _stream);
            _stream = Encoding.CreateTranscodingStream(rest, utf16.BigEndian ? Encoding.BigEndianUnicode : Encoding.Unicode, new UTF8Encoding(false));
            _start = _end = 0;
            _eof = false;
            await FillToAsync(SampleBytes, cancellationToken);
        }

        CheckNotBinary();
        if (encoding == "utf-8" && LooksLikeWindows1252(CompleteLines(Data)))
        {
            _all1252 = true;
            _macRoman = MacRoman.IsLikely(CompleteLines(Data));
            encoding = _macRoman ? "macintosh" : "windows-1252";
            notes.Add(_macRoman ? "not UTF-8: read as Mac Roman (accented letters where Mac Roman has them)" : "not UTF-8: read as Windows-1252");
        }

        var separatorSource = "sniffed";
        byte? separator = _options.Separator is { } given ? (byte)given : null;
        if (_options.Separator is not null)
        {
            separatorSource = "option";
        }

        var skipped = 0;
        if (SepLine(Data) is { } sep)
        {
            // Excel's "sep=;" first line: a hint for spreadsheets, not a header.
            separator ??= sep.Separator;
            separatorSource = _options.Separator is null ? "sep-line" : separatorSource;
            _start += sep.Length;
            _line++;
            skipped++;
        }

        Decide(separator ?? SniffSeparator(), separatorSource, encoding, skipped, notes);
    }

    /// <summary>The records, in file order; each data row exactly once, as a contact or a rejection.</summary>
    public async IAsyncEnumerable<ImportRecord> ReadAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        if (_reading)
        {
            throw new InvalidOperationException("the records of a list can be read once");
        }

        _reading = true;
        // Two stages on two cores, joined by a bounded channel of batches, in file order: this producer reads, splits
        // and decodes (and rejects what the bytes alone condemn); the caller's thread maps and validates each row, checks
        // duplicates and counts. A batch a hand-off: one row a hand-off cost more than it saved.
        var channel = Channel.CreateBounded<Pending[]>(new BoundedChannelOptions(BatchesInFlight) { SingleReader = true, SingleWriter = true });
        _stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var stop = _stop.Token;
        _producer = Task.Run(() => ProduceAsync(channel.Writer, stop), CancellationToken.None);
        try
        {
            while (await channel.Reader.WaitToReadAsync(cancellationToken))
            {
                while (channel.Reader.TryRead(out var batch))
                {
                    foreach (var pending in batch)
                    {
                        if (pending.Fields is null)
                        {
                            break; // the end of a short last batch
                        }

                        if (pending.Windows1252Row)
                        {
                            Report.CountWindows1252Row();
                        }

                        var record = pending.Done ?? Contact(pending.Line, pending.Fields);
                        Report.Count(record, pending.Done is null && _headerCount > 0 && pending.Fields.Length != _headerCount);
                        yield return record;
                    }
                }
            }

            // The channel ends when the producer does; a read error it met is thrown here, as it was.
            await _producer;
            Report.MarkComplete();
        }
        finally
        {
            await StopProducerAsync();
        }
    }

    private const int BatchRows = 256;
    private const int BatchesInFlight = 8;

    /// <summary>A row between the stages: decoded, and either already rejected (<see cref="Done"/>) or still to map.</summary>
    private readonly record struct Pending(long Line, string[] Fields, ImportRecord? Done, bool Windows1252Row);

    private Task? _producer;
    private CancellationTokenSource? _stop;
    private bool _lastRow1252;

    private async Task ProduceAsync(ChannelWriter<Pending[]> writer, CancellationToken cancellationToken)
    {
        try
        {
            var batch = new Pending[BatchRows];
            var count = 0;
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var status = _parser.Parse(Data, _eof);
                if (status == ParseStatus.End)
                {
                    break;
                }

                _lastRow1252 = false;
                Pending pending;
                if (status == ParseStatus.NeedMore)
                {
                    if (_end - _start < _cap)
                    {
                        await FillAsync(cancellationToken);
                        continue;
                    }

                    var record = Data.IndexOfAny((byte)'\r', (byte)'\n') >= 0
                        ? RejectFirstLine(RejectionReasons.UnterminatedQuote, _parser.QuoteColumn)
                        : await DiscardLongLineAsync(cancellationToken);
                    pending = new Pending(record.Line, record.Fields, record, _lastRow1252);
                }
                else if (status == ParseStatus.QuoteFailure)
                {
                    var record = RejectFirstLine(RejectionReasons.UnterminatedQuote, _parser.QuoteColumn);
                    pending = new Pending(record.Line, record.Fields, record, _lastRow1252);
                }
                else
                {
                    pending = Build();
                }

                batch[count++] = pending;
                if (count == BatchRows)
                {
                    await writer.WriteAsync(batch, cancellationToken);
                    batch = new Pending[BatchRows];
                    count = 0;
                }
            }

            if (count > 0)
            {
                await writer.WriteAsync(batch, cancellationToken);
            }
        }
        finally
        {
            writer.Complete();
        }
    }

    /// <summary>Stops the producer (the caller stopped early, failed or finished) and waits until it no longer touches the buffer or the stream.</summary>
    private async Task StopProducerAsync()
    {
        if (_stop is null)
        {
            return;
        }

        await _stop.CancelAsync();
        if (_producer is { } producer)
        {
            await producer.ContinueWith(static _ => { }, CancellationToken.None, TaskContinuationOptions.ExecuteSynchronously, TaskScheduler.Default);
        }

        _stop.Dispose();
        _stop = null;
    }

    private ReadOnlySpan<byte> Data => _buffer.AsSpan(_start, _end - _start);

    // The per-row methods (here, in CsvRowParser, PlainAddress and AddressHashes) are compiled fully optimised at once:
    // tier-up waits for a background JIT that a busy machine delays, and a batch import spent its first seconds in
    // unoptimised code.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Pending Build()
    {
        var line = _line;
        var bytes = Data[.._parser.Consumed];
        _start += _parser.Consumed;
        _line += _parser.LineEnds;

        var fields = Decode(bytes, _parser.FieldSpans);
        if (bytes.Contains((byte)0))
        {
            return Done(Rejected(line, fields, null, RejectionReasons.BinaryData, "the row holds NUL bytes: binary damage, not text"));
        }

        var spans = _parser.FieldSpans;
        for (var i = 0; i < spans.Length; i++)
        {
            if (spans[i].Length > _options.MaxFieldBytes)
            {
                return Done(Rejected(line, fields, i, RejectionReasons.FieldTooLong, FormattableString.Invariant(
                    $"column {i + 1}{HeaderName(i)} holds {spans[i].Length:N0} bytes; the limit is {_options.MaxFieldBytes:N0}")));
            }
        }

        if (IsBlank(fields))
        {
            return Done(Rejected(line, fields, null, RejectionReasons.Blank, "blank line"));
        }

        if (_headerCount > 0 && IsHeaderAgain(fields))
        {
            return Done(Rejected(line, fields, null, RejectionReasons.RepeatedHeader, FormattableString.Invariant(
                $"the header of line {Detection.HeaderLine} again: two exports pasted into one file?")));
        }

        return new Pending(line, fields, null, _lastRow1252);
    }

    private Pending Done(ImportRecord record) => new(record.Line, record.Fields, record, _lastRow1252);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ImportRecord Contact(long line, string[] fields)
    {
        var emailInput = Columns.First(fields, _columns.Email);
        var first = Columns.Get(fields, _columns.FirstName);
        var last = Columns.Get(fields, _columns.LastName);
        var full = Columns.Get(fields, _columns.FullName);
        var website = Columns.First(fields, _columns.Website);
        var hasName = first is not null || last is not null || full is not null;

        string? email = null;
        var at = -1;
        if (emailInput is not null)
        {
            if (PlainAddress.TryNormalize(emailInput, out var plain, out at))
            {
                email = plain;
            }
            else if (EmailCell.Tidy(emailInput) is var tidy && (EmailSyntax.Parse(tidy).Address ?? EmailCell.FirstAddress(tidy)) is { } address)
            {
                email = address.Normalized;
                at = address.LocalPart.Length;
            }
        }

        // With names to go on, a cell like "n/a" or "-" is no address: the person is one to find. Without names, the
        // cell is what there is to verify, and the verifier says what is wrong with it.
        var hasEmail = email is not null || (emailInput is not null && (!hasName || _emailOnly || emailInput.Contains('@', StringComparison.Ordinal)));

        string? domain = null;
        var (websiteDomain, websiteIsNonCompany) = website is null ? (null, false) : WebsiteDomain(website);
        if (websiteDomain is not null && !websiteIsNonCompany)
        {
            domain = websiteDomain;
        }
        else if (email is not null && !_nonCompany.Contains(email.AsSpan(at + 1)))
        {
            domain = email[(at + 1)..];
        }

        if (!hasEmail)
        {
            if (!hasName)
            {
                return Rejected(line, fields, _columns.Email.Length > 0 ? _columns.Email[0] : null, RejectionReasons.NoEmailOrName, "no email and no name");
            }

            if (websiteIsNonCompany)
            {
                var column = _columns.Website.FirstOrDefault(c => Columns.Get(fields, c) is not null);
                return Rejected(line, fields, column, RejectionReasons.NotACompanyDomain,
                    $"'{website}' is {websiteDomain}, a free-mail or social host, not the company's domain");
            }

            if (domain is null)
            {
                return website is null
                    ? Rejected(line, fields, null, RejectionReasons.NoDomain, "no email and no website or domain to find one at")
                    : Rejected(line, fields, _columns.Website.FirstOrDefault(c => Columns.Get(fields, c) is not null), RejectionReasons.NoDomain,
                        $"'{website}' is not a website or domain");
            }
        }

        var duplicate = email is not null && !_seen.Add(FastHash.Of(email));
        var contact = new ImportedContact(
            hasEmail ? emailInput : null,
            email,
            first,
            last,
            full,
            Columns.Get(fields, _columns.Company),
            website,
            domain,
            Columns.Get(fields, _columns.Title),
            Columns.Get(fields, _columns.Id));
        return new ImportRecord(line, fields, contact, null, duplicate);
    }

    private (string? Domain, bool NonCompany) WebsiteDomain(string website) => _websites.Get(website, _computeWebsite);

    private (string? Domain, bool NonCompany) ComputeWebsite(string website)
    {
        var domain = CompanyDomain.Normalize(website);
        return (domain, domain is not null && _nonCompany.Contains(domain));
    }

    private static ImportRecord Rejected(long line, string[] fields, int? column, string reason, string detail) =>
        new(line, fields, null, new ImportRejection(line, column + 1, reason, detail), false);

    private string HeaderName(int column) =>
        column < Detection.Header.Count ? $" ({Detection.Header[column]})" : "";

    /// <summary>After a quote that never closed where a record could end: the first line goes, reading resumes at the next.</summary>
    private ImportRecord RejectFirstLine(string reason, int quoteColumn)
    {
        var line = _line;
        var (length, endLength) = CsvRowParser.FirstLine(Data);
        var text = Data[..length];
        var fields = NaiveSplit(text);
        _start += length + endLength;
        _line += endLength > 0 ? 1 : 0;
        var column = quoteColumn >= 0 ? quoteColumn : (int?)null;
        return Rejected(line, fields, column, reason,
            FormattableString.Invariant($"a quote opened in column {(column ?? 0) + 1}{HeaderName(column ?? 0)} does not close on this line or cleanly on a later one; the line is skipped and reading goes on at line {line + 1}"));
    }

    /// <summary>A line longer than the buffer limit without a line end: dropped unread up to its end.</summary>
    private async Task<ImportRecord> DiscardLongLineAsync(CancellationToken cancellationToken)
    {
        var line = _line;
        long dropped = 0;
        while (true)
        {
            var end = Data.IndexOfAny((byte)'\r', (byte)'\n');
            if (end >= 0)
            {
                if (Data[end] == '\r' && end + 1 >= Data.Length && !_eof)
                {
                    await FillAsync(cancellationToken); // is the CR followed by LF?
                    continue;
                }

                var endLength = Data[end] == '\r' && end + 1 < Data.Length && Data[end + 1] == '\n' ? 2 : 1;
                dropped += end;
                _start += end + endLength;
                _line++;
                break;
            }

            dropped += _end - _start;
            _start = _end;
            if (_eof)
            {
                break;
            }

            await FillAsync(cancellationToken);
        }

        return Rejected(line, [], null, RejectionReasons.FieldTooLong,
            FormattableString.Invariant($"a line of {dropped:N0} bytes without a line end; the field limit is {_options.MaxFieldBytes:N0} bytes"));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private string[] Decode(ReadOnlySpan<byte> bytes, ReadOnlySpan<FieldSpan> spans)
    {
        var as1252 = _all1252;
        if (!as1252 && !Utf8.IsValid(bytes))
        {
            as1252 = true;
            _lastRow1252 = true; // counted by the consumer, which owns the report
        }

        // A row decoded unlike the file's other rows (Windows-1252 in a UTF-8 file) keeps out of the interner, whose
        // strings are keyed by bytes alone.
        var intern = as1252 == _all1252;
        var fields = new string[spans.Length];
        for (var i = 0; i < fields.Length; i++)
        {
            var span = spans[i];
            var raw = bytes.Slice(span.Start, span.Length);
            if (span.Kind == FieldKind.Escaped)
            {
                var escaped = as1252 ? Legacy(raw) : Encoding.UTF8.GetString(raw);
                fields[i] = escaped.Replace("\"\"", "\"", StringComparison.Ordinal);
            }
            else if (raw.IsEmpty)
            {
                fields[i] = "";
            }
            else if (intern && _interner.Wants(i, raw.Length))
            {
                if (_interner.Find(i, raw, out var hash) is not { } known)
                {
                    known = as1252 ? Legacy(raw) : Encoding.UTF8.GetString(raw);
                    _interner.Add(raw, hash, known);
                }

                fields[i] = known;
            }
            else
            {
                fields[i] = as1252 ? Legacy(raw) : Encoding.UTF8.GetString(raw);
            }
        }

        return fields;
    }

    /// <summary>Bytes that are not UTF-8: the file's single-byte code page (Mac Roman when detected, else Windows-1252).</summary>
    private string Legacy(ReadOnlySpan<byte> raw) => _macRoman ? MacRoman.GetString(raw) : Windows1252.GetString(raw);

    private string[] NaiveSplit(ReadOnlySpan<byte> line)
    {
        var spans = new List<FieldSpan>();
        var start = 0;
        for (var i = 0; i <= line.Length; i++)
        {
            if (i == line.Length || line[i] == _parser.Separator)
            {
                spans.Add(new FieldSpan(start, i - start, FieldKind.Plain));
                start = i + 1;
            }
        }

        return Decode(line, System.Runtime.InteropServices.CollectionsMarshal.AsSpan(spans));
    }

    /// <summary>The header repeated exactly (case aside): compared on spans, as it runs on every row.</summary>
    private bool IsHeaderAgain(string[] fields)
    {
        var header = Detection.Header;
        if (fields.Length != header.Count)
        {
            return false;
        }

        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i].AsSpan().Trim();
            if (i == 0)
            {
                field = field.TrimStart('\uFEFF');
            }

            if (!field.Equals(header[i].AsSpan().Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return false;
            }
        }

        return true;
    }

    private static bool IsBlank(string[] fields)
    {
        foreach (var field in fields)
        {
            if (!string.IsNullOrWhiteSpace(field))
            {
                return false;
            }
        }

        return true;
    }

    // ---- detection ----

    private void CheckNotBinary()
    {
        // A run of NULs at the very end is padding (a file cut short by a crash, a disk image's slack): the rows before
        // it are text, and the run itself becomes one binary_data row.
        var sample = Data;
        if (_eof)
        {
            sample = sample.TrimEnd((byte)0);
        }

        var nul = sample.Count((byte)0);
        if (nul == 0)
        {
            return;
        }

        var (firstLine, _) = CsvRowParser.FirstLine(sample);
        int lines = 0, linesWithNul = 0;
        for (var rest = sample; !rest.IsEmpty; lines++)
        {
            var (length, endLength) = CsvRowParser.FirstLine(rest);
            linesWithNul += rest[..length].Contains((byte)0) ? 1 : 0;
            rest = rest[(length + Math.Max(endLength, length == rest.Length ? 0 : 1))..];
        }

        // A NUL in the first line, NULs in a third of the lines or a tenth of the bytes: a program, an image, an
        // archive — not a list. A NUL in a damaged row or two further down only costs those rows (binary_data).
        if (sample[..firstLine].Contains((byte)0) || linesWithNul * 3 > lines || nul * 10L > sample.Length)
        {
            throw new ImportException($"{_options.SourceName}: this is binary data, not a text list (NUL bytes); export the list as CSV or plain text");
        }
    }

    /// <summary>
    /// More lines that are not UTF-8 than lines with UTF-8 beyond ASCII: a Windows-1252 file. A UTF-8 file with a damaged
    /// line or two stays UTF-8, and only those lines are read as Windows-1252.
    /// </summary>
    private static bool LooksLikeWindows1252(ReadOnlySpan<byte> sample)
    {
        if (Utf8.IsValid(sample))
        {
            return false;
        }

        int valid = 0, invalid = 0;
        while (!sample.IsEmpty)
        {
            var (length, endLength) = CsvRowParser.FirstLine(sample);
            var line = sample[..length];
            if (line.ContainsAnyExceptInRange((byte)0, (byte)0x7F))
            {
                if (Utf8.IsValid(line))
                {
                    valid++;
                }
                else
                {
                    invalid++;
                }
            }

            sample = sample[(length + Math.Max(endLength, length == sample.Length ? 0 : 1))..];
        }

        return invalid > valid;
    }

    /// <summary>The sample without a character cut off at its end (by the sample size or a truncated file).</summary>
    private static ReadOnlySpan<byte> CompleteLines(ReadOnlySpan<byte> sample)
    {
        for (var back = 1; back <= 3 && back <= sample.Length; back++)
        {
            var b = sample[^back];
            if (b < 0x80)
            {
                break;
            }

            if (b >= 0xC0)
            {
                var length = b >= 0xF0 ? 4 : b >= 0xE0 ? 3 : 2;
                return length > back ? sample[..^back] : sample;
            }
        }

        return sample;
    }

    private static (bool BigEndian, int BomLength)? Utf16(ReadOnlySpan<byte> data, List<string> notes)
    {
        if (data.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
        {
            return (false, 2);
        }

        if (data.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
        {
            return (true, 2);
        }

        // No BOM: mostly-ASCII UTF-16 has a zero in every other byte.
        var pairs = Math.Min(data.Length, 4096) / 2;
        if (pairs < 2)
        {
            return null;
        }

        int evenZero = 0, oddZero = 0;
        for (var i = 0; i < pairs * 2; i += 2)
        {
            evenZero += data[i] == 0 ? 1 : 0;
            oddZero += data[i + 1] == 0 ? 1 : 0;
        }

        if (oddZero * 10 >= pairs * 7 && evenZero * 20 < pairs)
        {
            notes.Add("no byte order mark: read as UTF-16LE (every other byte is zero)");
            return (false, 0);
        }

        if (evenZero * 10 >= pairs * 7 && oddZero * 20 < pairs)
        {
            notes.Add("no byte order mark: read as UTF-16BE (every other byte is zero)");
            return (true, 0);
        }

        return null;
    }

    private static (byte Separator, int Length)? SepLine(ReadOnlySpan<byte> data)
    {
        if (data.Length < 5 || !Ascii.EqualsIgnoreCase(data[..4], "sep="u8))
        {
            return null;
        }

        var (length, endLength) = CsvRowParser.FirstLine(data);
        if (length != 5 || data[4] is (byte)'"' or 0)
        {
            return null;
        }

        return (data[4], length + endLength);
    }

    /// <summary>The first records of the sample split with <paramref name="separator"/>, with their lines.</summary>
    private List<(long Line, string[] Fields, int Consumed, long NextLine)> SampleRecords(byte separator, int expected, int max)
    {
        var parser = new CsvRowParser(separator, expected);
        var records = new List<(long, string[], int, long)>();
        var offset = 0;
        var line = _line;
        var data = Data;
        while (records.Count < max)
        {
            var status = parser.Parse(data[offset..], _eof);
            if (status != ParseStatus.Record)
            {
                if (status == ParseStatus.QuoteFailure)
                {
                    // Sniffing only: skip the broken line as the reader will.
                    var (length, endLength) = CsvRowParser.FirstLine(data[offset..]);
                    offset += length + endLength;
                    line++;
                    continue;
                }

                break;
            }

            var bytes = data.Slice(offset, parser.Consumed);
            var fields = new string[parser.Fields.Count];
            for (var i = 0; i < fields.Length; i++)
            {
                var span = parser.Fields[i];
                var raw = bytes.Slice(span.Start, span.Length);
                fields[i] = _all1252 || !Utf8.IsValid(raw) ? Legacy(raw) : Encoding.UTF8.GetString(raw);
            }

            var next = line + CsvRowParser.CountLineEnds(bytes);
            records.Add((line, fields, offset + parser.Consumed, next));
            line = next;
            offset += parser.Consumed;
        }

        return records;
    }

    /// <summary>
    /// The separator that splits the first records into the most recognised header names, then into the most
    /// consistent number of fields (more than one), then comma, semicolon, tab, pipe in that order.
    /// </summary>
    private byte SniffSeparator()
    {
        var best = (Separator: (byte)',', Score: (Mapped: 0, Share: 0.0, Count: 0));
        foreach (var candidate in Candidates)
        {
            var records = SampleRecords(candidate, 0, SampleRecordCount).Where(r => !IsBlank(r.Fields)).ToList();
            if (records.Count == 0)
            {
                continue;
            }

            var headerLike = records.Take(HeaderSearchRecords)
                .Select(r => (Record: r, Mapped: r.Fields.Select(HeaderSynonyms.Match).Where(f => f is not null).Distinct().Count()))
                .MaxBy(r => r.Mapped);
            var mode = records.GroupBy(r => r.Fields.Length).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).First();
            // The header (or, without one, the first row) must have the common width: a separator that only splits
            // data rows ("ab|cd@x.test" under "email") is part of the values, not the format.
            var top = headerLike.Mapped > 0 ? headerLike.Record : records[0];
            var share = mode.Key > 1 && top.Fields.Length == mode.Key ? (double)mode.Count() / records.Count : 0;
            var score = (Mapped: headerLike.Mapped, Share: share, Count: mode.Key);
            if (score.Mapped > best.Score.Mapped
                || (score.Mapped == best.Score.Mapped && (score.Share > best.Score.Share || (score.Share == best.Score.Share && score.Count > best.Score.Count))))
            {
                best = (candidate, score);
            }
        }

        return best.Score.Share > 0 || best.Score.Mapped > 1 ? best.Separator : (byte)',';
    }

    private void Decide(byte separator, string separatorSource, string encoding, int skipped, List<string> notes)
    {
        var records = SampleRecords(separator, 0, HeaderSearchRecords + skipped);
        var nonBlank = records.Where(r => !IsBlank(r.Fields)).Take(HeaderSearchRecords).ToList();
        var header = FindHeader(nonBlank, out var mapping);
        if (header is { } h)
        {
            var index = records.FindIndex(r => r.Line == h.Line);
            skipped += index;
            _start += records[index].Consumed;
            _line = records[index].NextLine;
            _headerCount = h.Fields.Length;
            if (index > 0)
            {
                notes.Add(FormattableString.Invariant($"header on line {h.Line}: {index} line(s) before it skipped"));
            }

            Finish(separator, separatorSource, encoding, h.Line, h.Fields, mapping!, skipped, notes);
            return;
        }

        // No header: a plain list of addresses (one a line), or a headerless table with an address column.
        var first = nonBlank.FirstOrDefault();
        var consistent = nonBlank.Count > 0 && nonBlank.All(r => r.Fields.Length == first.Fields.Length) && first.Fields.Length > 1;
        var emailColumn = consistent ? Array.FindIndex(first.Fields, f => f.Contains('@', StringComparison.Ordinal)) : -1;
        if (emailColumn >= 0)
        {
            var headerless = new List<ColumnMapping> { new(ContactField.Email, emailColumn, $"column {emailColumn + 1}", false) };
            notes.Add(FormattableString.Invariant($"no header: column {emailColumn + 1} holds the addresses"));
            Finish(separator, separatorSource, encoding, 0, [], headerless, skipped, notes);
            return;
        }

        _emailOnly = true;
        Finish(0, "single-column", encoding, 0, [], [new ColumnMapping(ContactField.Email, 0, "column 1", false)], skipped, notes);
    }

    private (long Line, string[] Fields)? FindHeader(List<(long Line, string[] Fields, int Consumed, long NextLine)> records, out List<ColumnMapping>? mapping)
    {
        mapping = null;
        if (records.Count == 0)
        {
            return null;
        }

        if (_options.Columns.Count > 0)
        {
            foreach (var record in records)
            {
                if (_options.Columns.Values.All(name => Array.Exists(record.Fields, f => SameHeader(f, name))))
                {
                    mapping = Map(record.Fields);
                    return (record.Line, record.Fields);
                }
            }

            var found = records[0].Fields;
            var missing = _options.Columns.First(c => !Array.Exists(found, f => SameHeader(f, c.Value)));
            throw new ImportException(FormattableString.Invariant(
                $"{_options.SourceName}: no column \"{missing.Value}\" for {ContactFields.Name(missing.Key)} in the header (line {records[0].Line}: {Quoted(found)})"));
        }

        foreach (var record in records)
        {
            if (record.Fields.Any(f => f.Contains('@', StringComparison.Ordinal)))
            {
                break; // data, not a header: any header comes before the first address
            }

            var candidate = Map(record.Fields);
            if (candidate.Any(m => m.Field is ContactField.Email or ContactField.FirstName or ContactField.LastName or ContactField.FullName))
            {
                mapping = candidate;
                return (record.Line, record.Fields);
            }
        }

        var top = records[0];
        if (top.Fields.Any(f => f.Contains('@', StringComparison.Ordinal)))
        {
            return null;
        }

        // One column, a word on top and addresses below: the word is the header of the address column.
        if (records.All(r => r.Fields.Length == 1) && records.Skip(1).Any(r => r.Fields[0].Contains('@', StringComparison.Ordinal)))
        {
            mapping = [new ColumnMapping(ContactField.Email, 0, top.Fields[0], false)];
            return (top.Line, top.Fields);
        }

        // A line of several fields before any address, none of them a known column: a header we cannot read.
        // Refuse it, rather than verify every row of a table as if it were an address.
        var beforeAddresses = records.TakeWhile(r => !r.Fields.Any(f => f.Contains('@', StringComparison.Ordinal)));
        if (beforeAddresses.FirstOrDefault(r => r.Fields.Length > 1) is { Fields: not null } headerLike)
        {
            var example = headerLike.Fields.FirstOrDefault(f => !string.IsNullOrWhiteSpace(f))?.Trim() ?? "Work Mail";
            throw new ImportException(FormattableString.Invariant(
                $"{_options.SourceName}: line {headerLike.Line} looks like a header but no column is an email or a name (found {Quoted(headerLike.Fields)}); name the columns, e.g. email=\"{example}\" (CLI: --column email=\"{example}\")"));
        }

        return null; // one value a line: a plain list, verified as typed
    }

    private static string Quoted(string[] fields) => string.Join(", ", fields.Take(20).Select(f => $"\"{f}\"")) + (fields.Length > 20 ? ", …" : "");

    private static bool SameHeader(string header, string name) =>
        string.Equals(header.Trim(), name.Trim(), StringComparison.OrdinalIgnoreCase) || HeaderSynonyms.Key(header) == HeaderSynonyms.Key(name);

    /// <summary>Explicit columns first, then synonyms for the fields still open; repeated email and website columns are kept as fallbacks.</summary>
    private List<ColumnMapping> Map(string[] header)
    {
        var mapping = new List<ColumnMapping>();
        foreach (var (field, name) in _options.Columns)
        {
            var index = Array.FindIndex(header, f => SameHeader(f, name));
            if (index >= 0)
            {
                mapping.Add(new ColumnMapping(field, index, header[index], true));
            }
        }

        var explicitFields = _options.Columns.Keys.ToHashSet();
        var used = mapping.Select(m => m.Column).ToHashSet();
        for (var i = 0; i < header.Length; i++)
        {
            if (used.Contains(i) || HeaderSynonyms.Match(header[i]) is not { } field || explicitFields.Contains(field))
            {
                continue;
            }

            if (field is ContactField.Email or ContactField.Website || !mapping.Exists(m => m.Field == field))
            {
                mapping.Add(new ColumnMapping(field, i, header[i], false));
            }
        }

        // "Vorname" + "Name" (German), "Nome" + "Sobrenome" (Portuguese): beside one name part, a "name" column is the other.
        var full = mapping.FindIndex(m => m.Field == ContactField.FullName && !m.Explicit);
        var hasFirst = mapping.Exists(m => m.Field == ContactField.FirstName);
        var hasLast = mapping.Exists(m => m.Field == ContactField.LastName);
        if (full >= 0 && hasFirst != hasLast)
        {
            mapping[full] = mapping[full] with { Field = hasFirst ? ContactField.LastName : ContactField.FirstName };
        }

        return mapping;
    }

    private void Finish(byte separator, string separatorSource, string encoding, long headerLine, string[] header, List<ColumnMapping> mapping, int skipped, List<string> notes)
    {
        _parser = new CsvRowParser(separator, headerLine > 0 ? header.Length : 0);
        _columns = Columns.From(mapping);
        if (!mapping.Exists(m => m.Field is ContactField.FirstName or ContactField.LastName or ContactField.FullName))
        {
            _emailOnly = true;
        }

        Detection = new ImportDetection(encoding, separator == 0 ? ',' : (char)separator, separatorSource, headerLine, header, mapping, skipped, notes);
        Report = new ImportReport(_options.SourceName, Detection);
    }

    // ---- buffer ----

    private async Task FillToAsync(int bytes, CancellationToken cancellationToken)
    {
        while (!_eof && _end - _start < bytes)
        {
            await FillAsync(cancellationToken);
        }
    }

    private async Task FillAsync(CancellationToken cancellationToken)
    {
        if (_eof)
        {
            return;
        }

        if (_start > 0)
        {
            Buffer.BlockCopy(_buffer, _start, _buffer, 0, _end - _start);
            _end -= _start;
            _start = 0;
        }

        if (_end == _buffer.Length)
        {
            var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
            Buffer.BlockCopy(_buffer, 0, bigger, 0, _end);
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = bigger;
        }

        // A FileStream opened without FileOptions.Asynchronous (File.OpenRead) serves ReadAsync by queueing the same
        // blocking read to the thread pool: a thread hop a buffer, a fifth of the import's time on a busy machine.
        // Reading a regular file (seekable: not a pipe that could wait for a writer) in place does the same read
        // without the hop.
        var read = _stream is FileStream { IsAsync: false, CanSeek: true }
            ? _stream.Read(_buffer, _end, _buffer.Length - _end)
            : await _stream.ReadAsync(_buffer.AsMemory(_end), cancellationToken);
        if (read == 0)
        {
            _eof = true;
        }

        _end += read;
    }

    public void Dispose()
    {
        if (_stop is not null)
        {
            // Abandoned mid-read: the producer must let go of the buffer before it goes back to the pool.
            _stop.Cancel();
            ((IAsyncResult?)_producer)?.AsyncWaitHandle.WaitOne();
            _stop.Dispose();
            _stop = null;
        }

        _stream.Dispose();
        if (_buffer.Length > 0)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = [];
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopProducerAsync();
        await _stream.DisposeAsync();
        Dispose();
    }
}

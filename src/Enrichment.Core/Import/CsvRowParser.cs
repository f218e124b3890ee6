namespace Enrichment.Import;

/// <summary>
/// An RFC 4180 record parser over bytes (UTF-8, Windows-1252 or UTF-16 already transcoded to UTF-8: the separator,
/// the quote and line ends are ASCII in all of them, and no multi-byte UTF-8 sequence contains an ASCII byte).
/// Pure and allocation-free apart from the field list: it reads one record from the start of a span and says how many
/// bytes it took, or that it needs more bytes, or that a quote never closed where a record could end.
///
/// Lenient where exports are sloppy and strict where damage hides: a quote inside an unquoted field is a character
/// (<c>John "JJ" Smith</c>); text after a closing quote on the same line is kept verbatim (<c>"O"Brien</c>). But a quoted
/// field that runs over line ends is trusted only when it closes cleanly before a separator or line end and, with a
/// known header, the record has the header's number of fields; otherwise it is an unterminated quote, and the caller
/// rejects the first line and starts again at the next one, so a stray quote takes no neighbour with it.
/// </summary>
internal sealed class CsvRowParser(byte separator, int expectedFields)
{
    private const byte Quote = (byte)'"';
    private const byte Cr = (byte)'\r';
    private const byte Lf = (byte)'\n';
    private const byte Space = (byte)' ';

    private readonly List<FieldSpan> _fields = new(16);

    /// <summary>0 when unknown; else the header's field count, used to doubt records joined by quoted line ends.</summary>
    public int ExpectedFields { get; set; } = expectedFields;

    public byte Separator => separator;

    /// <summary>The fields of the last record: offsets into the span given to <see cref="Parse"/>.</summary>
    public IReadOnlyList<FieldSpan> Fields => _fields;

    /// <summary>The same fields as a span, for the per-row hot path.</summary>
    public ReadOnlySpan<FieldSpan> FieldSpans => System.Runtime.InteropServices.CollectionsMarshal.AsSpan(_fields);

    /// <summary>Bytes of the last record, its line end included.</summary>
    public int Consumed { get; private set; }

    /// <summary>Line ends the last record covers: its own, and those inside quoted fields.</summary>
    public int LineEnds { get; private set; }

    /// <summary>0-based field where the broken (or, on NeedMore, the still open) quote began; -1 when none.</summary>
    public int QuoteColumn { get; private set; }

    public ParseStatus Parse(ReadOnlySpan<byte> data, bool eof)
    {
        _fields.Clear();
        QuoteColumn = -1;
        Consumed = 0;
        LineEnds = 0;
        if (data.IsEmpty)
        {
            return eof ? ParseStatus.End : ParseStatus.NeedMore;
        }

        var pos = 0;
        var multiLineColumn = -1;
        while (true)
        {
            var start = pos;
            var rawStart = pos;
            if (data[pos] == Space && separator != Space)
            {
                // Hand-written CSV puts a space after the separator: ', "Acme, Inc"' is still a quoted field.
                var text = data[pos..].IndexOfAnyExcept(Space);
                if (text > 0 && data[pos + text] == Quote)
                {
                    start = pos += text;
                }
            }

            if (data[pos] == Quote)
            {
                var p = pos + 1;
                var escaped = false;
                while (true)
                {
                    var q = data[p..].IndexOf(Quote);
                    if (q < 0)
                    {
                        QuoteColumn = _fields.Count;
                        return eof ? ParseStatus.QuoteFailure : ParseStatus.NeedMore;
                    }

                    q += p;
                    if (q + 1 >= data.Length && !eof)
                    {
                        // "" or the end of the field: the next byte decides.
                        QuoteColumn = _fields.Count;
                        return ParseStatus.NeedMore;
                    }

                    if (q + 1 < data.Length && data[q + 1] == Quote)
                    {
                        escaped = true;
                        p = q + 2;
                        continue;
                    }

                    var spansLines = data[(start + 1)..q].IndexOfAny(Cr, Lf) >= 0;
                    if (spansLines && LooksLikeSwallowedRows(data[(start + 1)..q]))
                    {
                        QuoteColumn = _fields.Count;
                        return ParseStatus.QuoteFailure;
                    }

                    // Spaces after the closing quote are padding when a separator or line end follows them.
                    var next = q + 1;
                    var padded = next;
                    while (padded < data.Length && data[padded] == Space && separator != Space)
                    {
                        padded++;
                    }

                    if (padded > next && padded < data.Length && (data[padded] == separator || data[padded] is Cr or Lf))
                    {
                        next = padded;
                    }

                    if (next >= data.Length || data[next] == separator || data[next] is Cr or Lf)
                    {
                        _fields.Add(new FieldSpan(start + 1, q - start - 1, escaped ? FieldKind.Escaped : FieldKind.Plain));
                        if (spansLines)
                        {
                            LineEnds += CountLineEnds(data[(start + 1)..q]);
                            if (multiLineColumn < 0)
                            {
                                multiLineColumn = _fields.Count - 1;
                            }
                        }

                        pos = next;
                        break;
                    }

                    if (spansLines)
                    {
                        // Text after a quote that closed lines later: the quote was stray and swallowed line ends.
                        QuoteColumn = _fields.Count;
                        return ParseStatus.QuoteFailure;
                    }

                    var end = data[(q + 1)..].IndexOfAny(separator, Cr, Lf);
                    if (end < 0)
                    {
                        if (!eof)
                        {
                            return ParseStatus.NeedMore;
                        }

                        end = data.Length;
                    }
                    else
                    {
                        end += q + 1;
                    }

                    _fields.Add(new FieldSpan(rawStart, end - rawStart, FieldKind.Plain));
                    pos = end;
                    break;
                }
            }
            else
            {
                var end = data[pos..].IndexOfAny(separator, Cr, Lf);
                if (end < 0)
                {
                    if (!eof)
                    {
                        return ParseStatus.NeedMore;
                    }

                    _fields.Add(new FieldSpan(pos, data.Length - pos, FieldKind.Plain));
                    pos = data.Length;
                }
                else
                {
                    _fields.Add(new FieldSpan(pos, end, FieldKind.Plain));
                    pos += end;
                }
            }

            if (pos >= data.Length)
            {
                break; // end of input (eof checked above)
            }

            var b = data[pos];
            if (b == separator)
            {
                pos++;
                if (pos >= data.Length)
                {
                    if (!eof)
                    {
                        return ParseStatus.NeedMore;
                    }

                    _fields.Add(new FieldSpan(pos, 0, FieldKind.Plain));
                    break;
                }

                continue;
            }

            if (b == Cr)
            {
                if (pos + 1 >= data.Length && !eof)
                {
                    return ParseStatus.NeedMore;
                }

                pos += pos + 1 < data.Length && data[pos + 1] == Lf ? 2 : 1;
            }
            else
            {
                pos++;
            }

            LineEnds++;
            break;
        }

        Consumed = pos;
        if (multiLineColumn >= 0 && ExpectedFields > 1 && _fields.Count != ExpectedFields)
        {
            // A quoted line end joined lines into a record of the wrong shape: more likely a stray quote.
            QuoteColumn = multiLineColumn;
            return ParseStatus.QuoteFailure;
        }

        return ParseStatus.Record;
    }

    /// <summary>
    /// True when a quoted field's text holds a line (after its first) with a whole row's worth of separators: a
    /// stray quote that ran over rows, not a note with a line break.
    /// </summary>
    private bool LooksLikeSwallowedRows(ReadOnlySpan<byte> content)
    {
        if (ExpectedFields < 4)
        {
            return false;
        }

        var lineEnd = content.IndexOfAny(Cr, Lf);
        while (lineEnd >= 0)
        {
            content = content[(lineEnd + 1)..];
            lineEnd = content.IndexOfAny(Cr, Lf);
            var line = lineEnd >= 0 ? content[..lineEnd] : content;
            if (line.Count(separator) >= ExpectedFields - 1)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Length of the first line (without its end) and of its end (0 at the end of the input).</summary>
    public static (int Length, int EndLength) FirstLine(ReadOnlySpan<byte> data)
    {
        var end = data.IndexOfAny(Cr, Lf);
        if (end < 0)
        {
            return (data.Length, 0);
        }

        return (end, data[end] == Cr && end + 1 < data.Length && data[end + 1] == Lf ? 2 : 1);
    }

    /// <summary>Line ends in <paramref name="data"/>: LF, CRLF and a lone CR each count once.</summary>
    public static int CountLineEnds(ReadOnlySpan<byte> data)
    {
        var count = data.Count(Lf);
        if (data.IndexOf(Cr) < 0)
        {
            return count;
        }

        for (var i = 0; i < data.Length; i++)
        {
            if (data[i] == Cr && (i + 1 >= data.Length || data[i + 1] != Lf))
            {
                count++;
            }
        }

        return count;
    }
}

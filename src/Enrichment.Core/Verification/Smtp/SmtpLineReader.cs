using System.Text;

namespace Enrichment.Verification.Smtp;

/// <summary>
/// Reads reply lines from a stream through a small buffer of its own: a line may end in CRLF or a bare LF,
/// may not be longer than the configured limit, and the connection may not end in the middle of a line.
/// </summary>
internal sealed class SmtpLineReader
{
    private readonly byte[] buffer;
    private readonly int maxLineLength;
    private Stream stream;
    private int start;
    private int end;

    public SmtpLineReader(Stream stream, int maxLineLength)
    {
        ArgumentNullException.ThrowIfNull(stream);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLineLength, 3);
        this.stream = stream;
        this.maxLineLength = maxLineLength;

        // Room for the longest permitted line and its CRLF: a full buffer without LF is an over-long line.
        buffer = new byte[maxLineLength + 2];
    }

    /// <summary>Bytes received but not yet returned as lines.</summary>
    public int BufferedCount => end - start;

    /// <summary>Continues on another stream (the SslStream after STARTTLS); only allowed with nothing buffered.</summary>
    public void ReplaceStream(Stream newStream)
    {
        ArgumentNullException.ThrowIfNull(newStream);
        if (BufferedCount != 0)
        {
            throw new InvalidOperationException("Cannot switch streams with unread data buffered.");
        }

        stream = newStream;
        start = end = 0;
    }

    /// <summary>Returns the next line without its line ending, or null at a clean end of stream.</summary>
    public async ValueTask<string?> ReadLineAsync(CancellationToken cancellationToken)
    {
        var scanned = 0;
        while (true)
        {
            var newline = Array.IndexOf(buffer, (byte)'\n', start + scanned, end - start - scanned);
            if (newline >= 0)
            {
                var length = newline - start;
                if (length > 0 && buffer[newline - 1] == '\r')
                {
                    length--;
                }

                if (length > maxLineLength)
                {
                    throw new SmtpProtocolException($"Reply line longer than {maxLineLength} characters.");
                }

                var line = Encoding.UTF8.GetString(buffer, start, length);
                start = newline + 1;
                if (start == end)
                {
                    start = end = 0;
                }

                return line;
            }

            scanned = end - start;

            // Content beyond the limit even if the last byte is the CR of a CRLF still to come.
            if (scanned > maxLineLength + 1)
            {
                throw new SmtpProtocolException($"Reply line longer than {maxLineLength} characters.");
            }

            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, scanned);
                start = 0;
                end = scanned;
            }

            var read = await stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
            if (read == 0)
            {
                return end == start
                    ? null
                    : throw new SmtpProtocolException("Connection closed in the middle of a reply line.");
            }

            end += read;
        }
    }
}

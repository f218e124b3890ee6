using System.Text;

namespace Enrichment.Cli.Input;

/// <summary>
/// Bytes (UTF-8) of a <see cref="TextReader"/>: lets tests hand the CLI a string as stdin while the import module reads
/// streams. The real stdin is read as bytes, so its encoding is sniffed like a file's.
/// </summary>
internal sealed class TextReaderStream(TextReader reader) : Stream
{
    private readonly char[] _chars = new char[4096];
    private readonly Encoder _encoder = new UTF8Encoding(false).GetEncoder();
    private byte[] _pending = [];
    private int _offset;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException("a text reader's bytes are read forward only");
    public override long Position { get => throw new NotSupportedException("a text reader's bytes are read forward only"); set => throw new NotSupportedException("a text reader's bytes are read forward only"); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        while (_offset >= _pending.Length)
        {
            var read = reader.Read(_chars, 0, _chars.Length);
            var bytes = new byte[_encoder.GetByteCount(_chars.AsSpan(0, read), flush: read == 0)];
            _encoder.GetBytes(_chars.AsSpan(0, read), bytes, flush: read == 0);
            _pending = bytes;
            _offset = 0;
            if (read == 0 && bytes.Length == 0)
            {
                return 0;
            }
        }

        var n = Math.Min(buffer.Length, _pending.Length - _offset);
        _pending.AsSpan(_offset, n).CopyTo(buffer);
        _offset += n;
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("a text reader's bytes are read forward only");
    public override void SetLength(long value) => throw new NotSupportedException("a text reader's bytes are read forward only");
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("a text reader's bytes are read forward only");
}

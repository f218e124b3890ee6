namespace Enrichment.Service.Lists;

/// <summary>
/// Reads through to the upload and throws <see cref="UploadTooLargeException"/> once more than the limit has come in:
/// the limit holds whatever the web server in front does (TestServer has none, Kestrel's applies to the whole body).
/// </summary>
public sealed class UploadLimitStream(Stream inner, long limit) : Stream
{
    long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException("this stream reads forward only");
    public override long Position { get => _read; set => throw new NotSupportedException("this stream reads forward only"); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    int Count(int n)
    {
        _read += n;
        if (_read > limit)
            throw new UploadTooLargeException($"the upload is larger than {limit:N0} bytes (Enrichment:MaxUploadBytes)");
        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("this stream reads forward only");
    public override void SetLength(long value) => throw new NotSupportedException("this stream reads forward only");
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException("this stream reads forward only");
}

namespace Enrichment.Verification.Smtp;

/// <summary>
/// The connection under MailKit, refusing to read more than a set number of bytes between two writes: MailKit keeps a
/// reply of any size in memory (a 10 MB line became ~54 MB of allocations), so a hostile server is cut off here.
/// Pipelined groups raise the allowance by one command's worth per line written.
/// </summary>
internal sealed class CappedStream(Stream inner, int maxReplyBytes) : Stream
{
    private long _allowance = maxReplyBytes;

    public override bool CanRead => inner.CanRead;
    public override bool CanSeek => false;
    public override bool CanWrite => inner.CanWrite;
    public override long Length => throw new NotSupportedException("this stream reads forward only");

    public override long Position
    {
        get => throw new NotSupportedException("this stream reads forward only");
        set => throw new NotSupportedException("this stream reads forward only");
    }

    public override void Flush() => inner.Flush();

    public override Task FlushAsync(CancellationToken cancellationToken) => inner.FlushAsync(cancellationToken);

    public override int Read(byte[] buffer, int offset, int count) => Account(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Account(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Write(byte[] buffer, int offset, int count)
    {
        Allow(buffer.AsSpan(offset, count));
        inner.Write(buffer, offset, count);
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        Allow(buffer.Span);
        return inner.WriteAsync(buffer, cancellationToken);
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException("this stream reads forward only");

    public override void SetLength(long value) => throw new NotSupportedException("this stream reads forward only");

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            inner.Dispose();
        }

        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        await base.DisposeAsync();
    }

    private void Allow(ReadOnlySpan<byte> written)
    {
        var commands = Math.Max(1, written.Count((byte)'\n'));
        _allowance = (long)maxReplyBytes * commands;
    }

    private int Account(int read)
    {
        _allowance -= read;
        if (_allowance < 0)
        {
            throw new IOException($"the server's reply exceeded {maxReplyBytes:N0} bytes per command");
        }

        return read;
    }
}

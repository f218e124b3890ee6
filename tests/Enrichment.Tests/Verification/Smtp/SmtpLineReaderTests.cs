using System.Text;
using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Verification.Smtp;

public class SmtpLineReaderTests
{
    [Fact(Timeout = 5000)]
    public async Task ReadLineAsync_SplitsOnCrlfAndBareLf_ThenReturnsNullAtEnd()
    {
        var reader = Reader("220 a\r\n250-b\n250 c\r\n", 512);

        Assert.Equal("220 a", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal("250-b", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Equal("250 c", await reader.ReadLineAsync(CancellationToken.None));
        Assert.Null(await reader.ReadLineAsync(CancellationToken.None));
    }

    [Fact(Timeout = 5000)]
    public async Task ReadLineAsync_ReassemblesLines_WhenBytesTrickleInOneByOne()
    {
        var text = string.Concat(Enumerable.Range(0, 50).Select(i => $"250-line {i} {new string('x', i * 9)}\r\n")) + "250 end\r\n";
        var reader = new SmtpLineReader(new TrickleStream(Encoding.ASCII.GetBytes(text)), 512);

        var lines = new List<string>();
        while (await reader.ReadLineAsync(CancellationToken.None) is { } line)
        {
            lines.Add(line);
        }

        Assert.Equal(text.Split("\r\n", StringSplitOptions.RemoveEmptyEntries), lines);
    }

    [Fact(Timeout = 5000)]
    public async Task ReadLineAsync_AcceptsLineOfExactlyMaxLength()
    {
        var line = "250 " + new string('x', 508);
        var reader = Reader(line + "\r\n", 512);

        Assert.Equal(line, await reader.ReadLineAsync(CancellationToken.None));
    }

    [Theory(Timeout = 5000)]
    [InlineData(513, "\r\n")]
    [InlineData(513, "\n")]
    [InlineData(100_000, "\r\n")]
    public async Task ReadLineAsync_ThrowsProtocolException_WhenLineIsLongerThanMax(int length, string ending)
    {
        var reader = Reader("250 " + new string('x', length - 4) + ending, 512);

        await Assert.ThrowsAsync<SmtpProtocolException>(async () => await reader.ReadLineAsync(CancellationToken.None));
    }

    [Fact(Timeout = 5000)]
    public async Task ReadLineAsync_ThrowsProtocolException_WhenStreamEndsMidLine()
    {
        var reader = Reader("250 ok\r\n250 2.1", 512);

        Assert.Equal("250 ok", await reader.ReadLineAsync(CancellationToken.None));
        await Assert.ThrowsAsync<SmtpProtocolException>(async () => await reader.ReadLineAsync(CancellationToken.None));
    }

    private static SmtpLineReader Reader(string text, int maxLineLength) =>
        new(new MemoryStream(Encoding.ASCII.GetBytes(text)), maxLineLength);

    /// <summary>Hands out one byte per read, as a slow network might.</summary>
    private sealed class TrickleStream(byte[] data) : MemoryStream(data)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            base.ReadAsync(buffer[..Math.Min(1, buffer.Length)], cancellationToken);
    }
}

using System.Text;
using Enrichment.Import;

namespace Enrichment.Tests.Import;

/// <summary>The reading stage runs beside the caller: stopping early, a failing stream and cancellation end it cleanly.</summary>
public class ImportPipelineTests
{
    private static byte[] List(int rows)
    {
        var text = new StringBuilder("First Name,Last Name,Email\n");
        for (var i = 0; i < rows; i++)
        {
            text.Append(FormattableString.Invariant($"Ana{i},Ruiz,a{i}@x.test\n"));
        }

        return Encoding.UTF8.GetBytes(text.ToString());
    }

    /// <summary>Serves its first <paramref name="failAt"/> bytes, then fails: an upload whose connection breaks off.</summary>
    private sealed class BreakingStream(byte[] bytes, int failAt) : MemoryStream(bytes)
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position >= failAt
                ? ValueTask.FromException<int>(new IOException("connection reset by peer"))
                : base.ReadAsync(buffer[..Math.Min(buffer.Length, failAt - (int)Position)], cancellationToken);
    }

    [Fact]
    public async Task Read_StoppedEarly_LeavesTheReaderDisposable_AndTheReportIncomplete()
    {
        await using var reader = await ImportHarness.Importer.OpenAsync(new MemoryStream(List(20_000)), new ImportOptions());
        var seen = 0;
        await foreach (var record in reader.ReadAsync())
        {
            Assert.Equal($"a{seen}@x.test", record.Contact!.Email);
            if (++seen == 1000)
            {
                break;
            }
        }

        Assert.False(reader.Report.Complete);
        Assert.Equal(1000, reader.Report.RowsRead);
    }

    [Fact]
    public async Task Read_InFileOrder_AcrossManyBatches()
    {
        var result = await ImportHarness.ReadAsync(List(5_000));

        Assert.Equal(5_000, result.Contacts.Count);
        Assert.Equal(Enumerable.Range(0, 5_000).Select(i => $"a{i}@x.test"), result.Records.Select(r => r.Contact!.Email));
        Assert.Equal(Enumerable.Range(2, 5_000).Select(i => (long)i), result.Records.Select(r => r.Line));
    }

    [Fact]
    public async Task Read_ThrowsTheStreamsError_AfterTheRowsBeforeIt()
    {
        var bytes = List(20_000);
        await using var reader = await ImportHarness.Importer.OpenAsync(new BreakingStream(bytes, 200_000), new ImportOptions());
        var rows = 0;
        var error = await Assert.ThrowsAsync<IOException>(async () =>
        {
            await foreach (var _ in reader.ReadAsync())
            {
                rows++;
            }
        });

        Assert.Equal("connection reset by peer", error.Message);
        Assert.InRange(rows, 1, 20_000 - 1);
        Assert.False(reader.Report.Complete);
    }

    [Fact]
    public async Task Read_Cancelled_ThrowsOperationCanceled()
    {
        using var cancel = new CancellationTokenSource();
        await using var reader = await ImportHarness.Importer.OpenAsync(new MemoryStream(List(20_000)), new ImportOptions());
        var rows = 0;
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () =>
        {
            await foreach (var _ in reader.ReadAsync(cancel.Token))
            {
                if (++rows == 10)
                {
                    await cancel.CancelAsync();
                }
            }
        });

        Assert.False(reader.Report.Complete);
    }
}

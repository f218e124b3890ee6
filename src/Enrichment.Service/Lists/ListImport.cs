using System.Threading.Channels;
using Enrichment.Import;
using Enrichment.Service.Jobs;
using Enrichment.Storage.Lists;
using Hangfire;
using Npgsql;

namespace Enrichment.Service.Lists;

/// <summary>
/// One file into one list, for the API upload and the dashboard alike: the import module reads the stream, rows go
/// into list_rows by binary COPY, the list is planned and its plan job enqueued after the commit. Rows and plan commit
/// together (<see cref="ListImportSession"/>): a file that cannot be imported (or a client that goes away) leaves no
/// half-imported list behind, the exception goes on to the caller; a process that dies mid-upload leaves the list
/// failed, never half-imported.
/// </summary>
public sealed class ListImport(
    ListImporter importer, ListStore lists, NpgsqlDataSource dataSource, IBackgroundJobClient jobs, TimeProvider time,
    ErasedAddressScreen erased, ILogger<ListImport> log)
{
    const int RowsInFlight = 4096;
    static readonly string Owner = $"{Environment.MachineName}:{Environment.ProcessId}";

    public async Task<long> ImportAsync(NewList list, Stream file, IReadOnlyDictionary<ContactField, string> columns, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(list);
        // Lists whose upload died with its process (this one's predecessor or another worker) end failed here at the
        // latest; the service's start does the same.
        if (await ListImportSession.FailInterruptedAsync(dataSource, ct) is { Count: > 0 } interrupted)
            log.LogWarning("Upload(s) of list(s) {ListIds} were interrupted; the lists are failed", string.Join(", ", interrupted));
        var session = await ListImportSession.OpenAsync(dataSource, list, Owner, ct);
        var listId = session.ListId;
        var importOptions = new ImportOptions { Columns = columns, SourceName = list.FileName ?? $"upload {listId}" };
        try
        {
            await using var records = await importer.OpenAsync(file, importOptions, ct);
            var clock = System.Diagnostics.Stopwatch.StartNew();
            IReadOnlyList<string> header = records.Detection.Header;
            // Reading (decode, parse, map) and writing (binary COPY) run side by side, joined by a bounded channel:
            // two cores instead of one, and at most RowsInFlight rows in memory.
            var channel = Channel.CreateBounded<ListRowInsert>(new BoundedChannelOptions(RowsInFlight) { SingleReader = true, SingleWriter = true });
            using var pump = CancellationTokenSource.CreateLinkedTokenSource(ct);
            var widest = 0;
            // Erased people (GDPR art. 17) never come back through a later upload: their rows arrive blank and rejected.
            var screen = await erased.LoadAsync(ct);
            var read = Task.Run(async () =>
            {
                try
                {
                    var rowNo = 0;
                    await foreach (var record in records.ReadAsync(pump.Token))
                    {
                        widest = Math.Max(widest, record.Fields.Length);
                        await channel.Writer.WriteAsync(screen(ImportedRows.ToRow(++rowNo, record, header)), pump.Token);
                    }

                    channel.Writer.Complete();
                }
                catch (Exception e)
                {
                    channel.Writer.Complete(e);
                    throw;
                }
            }, pump.Token);
            ListRowTally tally;
            try
            {
                await using var writer = await session.BeginRowsAsync(time.GetUtcNow(), ct);
                await foreach (var row in channel.Reader.ReadAllAsync(ct))
                    writer.Write(row);
                await writer.CompleteAsync(ct);
                tally = writer.Tally;
            }
            catch
            {
                // The writer failed (or the reader did, and its exception surfaced here): stop the other side.
                await pump.CancelAsync();
                throw;
            }
            finally
            {
                await Task.WhenAny(read); // never leave the reader running; its exception is the one already thrown
            }

            var copied = clock.Elapsed;
            // A list without a header (one address per line) gets column_1 … names for the download.
            if (!records.Detection.HasHeader)
                header = [.. Enumerable.Range(1, Math.Max(1, widest)).Select(i => $"column_{i}")];
            await session.FinishAsync(header, records.Report.ToJson(), tally, ct);
            log.LogInformation("List {ListId} imported: {Summary}; rows copied in {Copy:F1} s, planned and committed in {Plan:F1} s",
                listId, records.Report.Summary(), copied.TotalSeconds, (clock.Elapsed - copied).TotalSeconds);
        }
        catch
        {
            // Bad file, too large, or the client went away mid-upload: the rows roll back, and the list goes too.
            await session.DisposeAsync();
            await lists.DeleteAsync(listId, CancellationToken.None);
            throw;
        }

        await session.DisposeAsync();
        // Enqueued after the commit (a job enqueued inside the import's transaction could run before it commits).
        jobs.Enqueue<PlanListJob>(job => job.RunAsync(listId, CancellationToken.None));
        return listId;
    }
}

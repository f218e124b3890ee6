using Dapper;
using Enrichment.Storage.Lists;
using Npgsql;

namespace Enrichment.Service.Tests.Storage;

/// <summary>The upload's transaction: rows and plan commit together; an upload whose process dies ends failed.</summary>
[Collection(PostgresGroup.Name)]
public sealed class ListImportSessionTests(PostgresFixture postgres) : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    NpgsqlDataSource _dataSource = null!;
    ListStore _lists = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await postgres.DatabaseForAsync(GetType()));
        _lists = new ListStore(_dataSource);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    static NewList List(string name) => new(null, name, $"{name}.csv", null, null);

    /// <summary>Every kind of row the import stores: plain, duplicate, rejected, to find, settled at import.</summary>
    static readonly ListRowInsert[] Mixed =
    [
        new(1, 2, ["a@acme.test"], "a@acme.test", "acme.test"),
        new(2, 3, ["b@acme.test"], "b@acme.test", "acme.test"),
        new(3, 4, ["a@acme.test"], "a@acme.test", "acme.test", DuplicateOf: 0),
        new(4, 5, [""], null, null, RejectionReason: "blank", RejectionColumn: "email"),
        new(5, 6, ["c@other.test"], "c@other.test", "other.test"),
        new(6, 7, ["Ann", "find.test"], null, "find.test", FirstName: "Ann", CompanyDomain: "find.test"),
        new(7, 8, ["x@"], "x@", null, Status: "undeliverable", Risk: 100, Reasons: ["syntax"]),
        new(8, 9, ["x@"], "x@", null, DuplicateOf: 0, RejectionReason: "erased"),
    ];

    async Task<ListRowTally> WriteAsync(ListImportSession session, IEnumerable<ListRowInsert> rows)
    {
        await using var writer = await session.BeginRowsAsync(Now, default);
        foreach (var row in rows)
            writer.Write(row);
        await writer.CompleteAsync(default);
        return writer.Tally;
    }

    async Task<long> RowCountAsync(long listId)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT count(*) FROM list_rows WHERE list_id = @listId", new { listId });
    }

    async Task<IReadOnlyList<(string Domain, int Rows)>> PlanAsync(long listId)
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        return [.. await connection.QueryAsync<(string, int)>("SELECT domain, rows FROM list_domains WHERE list_id = @listId ORDER BY domain", new { listId })];
    }

    static object Counters(ListRecord list) => new
    {
        list.State, list.RowsTotal, list.RowsRejected, list.RowsDuplicate, list.RowsToFind, list.RowsSettled,
        list.CountUndeliverable, list.DomainsTotal, list.DomainsPending,
    };

    [Fact]
    public async Task FinishAsync_StoresTheSameCountersAndPlan_AsCountingTheStoredRowsInSql()
    {
        long uploaded;
        await using (var session = await ListImportSession.OpenAsync(_dataSource, List("session"), "test:1", default))
        {
            var tally = await WriteAsync(session, Mixed);
            await session.FinishAsync(["email"], "{}", tally, default);
            uploaded = session.ListId;
        }

        var counted = await _lists.CreateAsync(List("counted"), default);
        await using (var writer = await new ListRowStore(_dataSource).BeginImportAsync(counted, Now, default))
        {
            foreach (var row in Mixed)
                writer.Write(row);
            await writer.CompleteAsync(default);
        }

        await _lists.FinishImportAsync(counted, ["email"], "{}", default);

        var (byTally, bySql) = ((await _lists.GetAsync(uploaded, default))!, (await _lists.GetAsync(counted, default))!);
        Assert.Equal(Counters(bySql), Counters(byTally));
        Assert.Equal((ListStates.Queued, 8, 2, 2, 1, 1), (byTally.State, byTally.RowsTotal, byTally.RowsRejected, byTally.RowsDuplicate, byTally.RowsToFind, byTally.RowsSettled));
        Assert.Equal(await PlanAsync(counted), await PlanAsync(uploaded));
        Assert.Equal([("acme.test", 3), ("find.test", 1), ("other.test", 1)], await PlanAsync(uploaded));
        // The duplicate points at the first row with its address, as the SQL path does.
        await using var connection = await _dataSource.OpenConnectionAsync();
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>("SELECT duplicate_of FROM list_rows WHERE list_id = @uploaded AND row_no = 3", new { uploaded }));
    }

    [Fact]
    public async Task RowsAreInvisibleUntilFinished_AndRolledBackWhenTheSessionEndsUnfinished()
    {
        long listId;
        await using (var session = await ListImportSession.OpenAsync(_dataSource, List("unfinished"), "test:1", default))
        {
            listId = session.ListId;
            await WriteAsync(session, Mixed);
            Assert.Equal(0, await RowCountAsync(listId));
            Assert.Equal(ListStates.Importing, (await _lists.GetAsync(listId, default))!.State);
        }

        Assert.Equal(0, await RowCountAsync(listId));
        Assert.Equal(ListStates.Importing, (await _lists.GetAsync(listId, default))!.State);
    }

    [Fact]
    public async Task FailInterrupted_FailsTheListOfAnUploadWhoseConnectionDied_AndLeavesALiveUploadImporting()
    {
        await using var live = await ListImportSession.OpenAsync(_dataSource, List("live"), "test:1", default);
        var dead = await ListImportSession.OpenAsync(_dataSource, List("dead"), "test:2", default);
        await WriteAsync(dead, Mixed);
        await WriteAsync(live, Mixed);
        // The process dies mid-upload: PostgreSQL sees its connection end (the timeout form waits until it has gone).
        await using (var kill = _dataSource.CreateCommand($"SELECT pg_terminate_backend({dead.BackendPid}, 60000)"))
            Assert.True((bool)(await kill.ExecuteScalarAsync())!);
        await dead.DisposeAsync(); // on a dead connection: no exception

        var failed = await ListImportSession.FailInterruptedAsync(_dataSource, default);

        Assert.Contains(dead.ListId, failed);
        Assert.DoesNotContain(live.ListId, failed);
        var list = (await _lists.GetAsync(dead.ListId, default))!;
        Assert.Equal((ListStates.Failed, ListImportSession.InterruptedError), (list.State, list.Error));
        Assert.Equal(0, await RowCountAsync(dead.ListId));
        Assert.Equal(ListStates.Importing, (await _lists.GetAsync(live.ListId, default))!.State);
        Assert.Empty(await ListImportSession.FailInterruptedAsync(_dataSource, default));

        // The live upload still finishes normally.
        await live.FinishAsync(["email"], "{}", new ListRowTally(), default);
        Assert.Equal(ListStates.Queued, (await _lists.GetAsync(live.ListId, default))!.State);
    }

    [Fact]
    public async Task FailInterrupted_LeavesListsMadeOutsideAnUpload()
    {
        var id = await _lists.CreateAsync(List("made by a dashboard retry"), default);

        await ListImportSession.FailInterruptedAsync(_dataSource, default);

        Assert.Equal(ListStates.Importing, (await _lists.GetAsync(id, default))!.State);
    }

    [Fact]
    public async Task DeletingAList_DeletesItsRows()
    {
        long listId;
        await using (var session = await ListImportSession.OpenAsync(_dataSource, List("deleted"), "test:1", default))
        {
            await session.FinishAsync(["email"], "{}", await WriteAsync(session, Mixed), default);
            listId = session.ListId;
        }

        Assert.Equal(Mixed.Length, await RowCountAsync(listId));
        Assert.True(await _lists.DeleteAsync(listId, default));
        Assert.Equal(0, await RowCountAsync(listId));
    }
}

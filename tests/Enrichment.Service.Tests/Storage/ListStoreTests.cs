using Enrichment.Storage.Lists;
using Npgsql;

namespace Enrichment.Service.Tests.Storage;

[Collection(PostgresGroup.Name)]
public sealed class ListStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    NpgsqlDataSource _dataSource = null!;
    ListStore _lists = null!;
    ListRowStore _rows = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await postgres.DatabaseForAsync(GetType()));
        _lists = new ListStore(_dataSource);
        _rows = new ListRowStore(_dataSource);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    async Task<long> ImportAsync(params ListRowInsert[] rows)
    {
        var id = await _lists.CreateAsync(new NewList(null, "test", "t.csv", null, null), default);
        await using (var writer = await _rows.BeginImportAsync(id, Now, default))
        {
            foreach (var row in rows)
                writer.Write(row);
            await writer.CompleteAsync(default);
        }

        return id;
    }

    static ListRowInsert Row(int no, string? email, string? domain, string? rejection = null, int? duplicateOf = null) =>
        new(no, no + 1, [$"f{no}", email ?? ""], email, domain, RejectionReason: rejection, RejectionColumn: rejection is null ? null : "email", DuplicateOf: duplicateOf);

    [Fact]
    public async Task FinishImport_PlansOneDomainPerAcceptedDomain_AndCountsRejectedAndDuplicates()
    {
        var id = await ImportAsync(
            Row(1, "a@acme.test", "acme.test"),
            Row(2, "b@acme.test", "acme.test"),
            Row(3, "a@acme.test", "acme.test", duplicateOf: 1),
            Row(4, null, null, rejection: "blank"),
            Row(5, "c@other.test", "other.test"));

        var plan = await _lists.FinishImportAsync(id, ["name", "email"], """{"rows":5}""", default);
        var again = await _lists.FinishImportAsync(id, ["name", "email"], """{"rows":5}""", default);

        Assert.Equal(["acme.test", "other.test"], plan.Select(d => d.Domain));
        Assert.Equal(3, plan[0].Rows);
        Assert.Equal(plan.Select(d => d.Domain), again.Select(d => d.Domain));
        var list = (await _lists.GetAsync(id, default))!;
        Assert.Equal((ListStates.Queued, 5, 1, 1, 2, 2), (list.State, list.RowsTotal, list.RowsRejected, list.RowsDuplicate, list.DomainsTotal, list.DomainsPending));
        Assert.Equal(["name", "email"], list.Header);
    }

    [Fact]
    public async Task SettleDomain_CountsOnce_AndCompletesWhenLastDomainSettles()
    {
        var id = await ImportAsync(Row(1, "a@acme.test", "acme.test"), Row(2, "b@acme.test", "acme.test"), Row(3, "c@other.test", "other.test"));
        await _lists.FinishImportAsync(id, ["name", "email"], "{}", default);
        var start = await new DomainLeaseStore(_dataSource).StartAsync(id, "acme.test", "w1:a", "w1", Now, Now.AddMinutes(1), default);
        Assert.Equal((ListStates.Running, 1), (start.ListState, start.Lease!.Attempt));
        RowResult Result(int no, string status) => new(no, null, false, null, status, status == "deliverable" ? 5 : 95, status == "deliverable" ? [] : ["mailbox_not_found"], 250, "mx.acme.test", Now);
        await _rows.WriteResultsAsync(id, [Result(1, "deliverable"), Result(2, "undeliverable")], Now, default);
        await _rows.WriteResultsAsync(id, [Result(1, "deliverable"), Result(2, "undeliverable")], Now, default); // a job that ran twice

        Assert.Equal(1, await _lists.SettleDomainAsync(id, "acme.test", default));
        Assert.Null(await _lists.SettleDomainAsync(id, "acme.test", default));
        Assert.False(await _lists.TryCompleteAsync(id, "{}", default));

        await _rows.WriteResultsAsync(id, [Result(3, "deliverable")], Now, default);
        Assert.Equal(0, await _lists.SettleDomainAsync(id, "other.test", default));
        Assert.True(await _lists.TryCompleteAsync(id, """{"done":true}""", default));
        Assert.False(await _lists.TryCompleteAsync(id, """{"done":true}""", default));

        var list = (await _lists.GetAsync(id, default))!;
        Assert.Equal((ListStates.Complete, 3, 2, 1), (list.State, list.RowsSettled, list.CountDeliverable, list.CountUndeliverable));
        var totals = await _lists.TotalsAsync(id, default);
        Assert.Equal(5.0, totals.MeanRiskSendable);
    }

    [Fact]
    public async Task Defer_MovesListToWaitingRetry_OnlyWhenNoOtherDomainIsActive()
    {
        var id = await ImportAsync(Row(1, "a@grey.test", "grey.test"), Row(2, "b@other.test", "other.test"));
        await _lists.FinishImportAsync(id, ["name", "email"], "{}", default);
        await new DomainLeaseStore(_dataSource).StartAsync(id, "grey.test", "w1:a", "w1", Now, Now.AddMinutes(1), default);
        await _lists.DeferDomainAsync(id, "grey.test", Now.AddMinutes(5), default);
        Assert.Equal(ListStates.Running, (await _lists.GetAsync(id, default))!.State);

        await new DomainLeaseStore(_dataSource).StartAsync(id, "other.test", "w1:b", "w1", Now, Now.AddMinutes(1), default);
        await _lists.SettleDomainAsync(id, "other.test", default);
        await _lists.DeferDomainAsync(id, "grey.test", Now.AddMinutes(10), default);

        Assert.Equal(ListStates.WaitingRetry, (await _lists.GetAsync(id, default))!.State);
        var domain = (await _lists.GetDomainAsync(id, "grey.test", default))!;
        Assert.Equal(("waiting_retry", 1), (domain.State, domain.Attempts));
    }

    [Fact]
    public async Task Results_StreamSegmentsInInputOrder_WithOriginalFields()
    {
        var id = await ImportAsync(Row(1, "a@acme.test", "acme.test"), Row(2, null, null, rejection: "no_email_or_name"), Row(3, "c@acme.test", "acme.test"));
        await _lists.FinishImportAsync(id, ["name", "email"], "{}", default);
        await _rows.WriteResultsAsync(id, [
            new RowResult(3, "c@acme.test", false, null, "risky", 45, ["catch_all"], 250, "mx", Now),
            new RowResult(1, "a@acme.test", false, null, "deliverable", 5, [], 250, "mx", Now)], Now, default);

        var all = await _rows.ResultsAsync(id, ResultSegment.All, default).ToListAsync();
        var sendable = await _rows.ResultsAsync(id, ResultSegment.DeliverableRisky, default).ToListAsync();
        var rejected = await _rows.ResultsAsync(id, ResultSegment.Rejected, default).ToListAsync();

        Assert.Equal([1, 2, 3], all.Select(r => r.RowNo));
        Assert.Equal(["f1", "a@acme.test"], all[0].Fields);
        Assert.Equal([1, 3], sendable.Select(r => r.RowNo));
        Assert.Equal(["catch_all"], sendable[1].Reasons!);
        Assert.Equal(("no_email_or_name", "email", 3), (rejected.Single().RejectionReason, rejected.Single().RejectionColumn, rejected.Single().Line));
    }

    [Fact]
    public async Task Delete_ErasesTheListAndItsRows()
    {
        var id = await ImportAsync(Row(1, "a@acme.test", "acme.test"));
        await _lists.FinishImportAsync(id, ["email"], "{}", default);

        Assert.True(await _lists.DeleteAsync(id, default));

        Assert.Null(await _lists.GetAsync(id, default));
        Assert.Empty(await _rows.ResultsAsync(id, ResultSegment.All, default).ToListAsync());
    }

    [Fact]
    public async Task Page_SearchesNameAndFile_FiltersState_AndPagesByKeysetBothWays()
    {
        // A tag of its own: other tests of this class add lists to the same database.
        var tag = "pg" + Guid.NewGuid().ToString("N")[..8];
        var ids = new List<long>();
        for (var i = 0; i < 7; i++)
            ids.Add(await _lists.CreateAsync(new NewList(null, $"{tag} list {i}", i == 6 ? "other.csv" : $"{tag}_{i}.csv", null, null), default));
        await _lists.CancelAsync(ids[1], default);
        await _lists.CancelAsync(ids[4], default);
        var filesOnly = await _lists.CreateAsync(new NewList(null, "renamed", $"{tag.ToUpperInvariant()}-upload.csv", null, null), default);

        var first = await _lists.PageAsync(new ListQuery(tag, null, null, null, 3), default);
        Assert.Equal([filesOnly, ids[6], ids[5]], first.Lists.Select(l => l.Id)); // the file name matches too, any case
        Assert.True(first.More);
        var second = await _lists.PageAsync(new ListQuery(tag, null, first.Lists[^1].Id, null, 3), default);
        Assert.Equal([ids[4], ids[3], ids[2]], second.Lists.Select(l => l.Id));
        Assert.True(second.More);
        var last = await _lists.PageAsync(new ListQuery(tag, null, second.Lists[^1].Id, null, 3), default);
        Assert.Equal([ids[1], ids[0]], last.Lists.Select(l => l.Id));
        Assert.False(last.More);
        // Back from the last page: the three just newer than its first, still newest first.
        var back = await _lists.PageAsync(new ListQuery(tag, null, null, last.Lists[0].Id, 3), default);
        Assert.Equal([ids[4], ids[3], ids[2]], back.Lists.Select(l => l.Id));
        Assert.True(back.More);

        var cancelled = await _lists.PageAsync(new ListQuery(tag, ListStates.Cancelled, null, null, 10), default);
        Assert.Equal([ids[4], ids[1]], cancelled.Lists.Select(l => l.Id));
        Assert.False(cancelled.More);
        Assert.Equal([ids[3]], (await _lists.PageAsync(new ListQuery($"{tag} list 3", null, null, null, 10), default)).Lists.Select(l => l.Id));
        // LIKE's wildcards in the search are plain characters: "_" does not match any one character.
        Assert.Empty((await _lists.PageAsync(new ListQuery(tag + " list_3", null, null, null, 10), default)).Lists);
        Assert.Equal([ids[3]], (await _lists.PageAsync(new ListQuery(tag + "_3", null, null, null, 10), default)).Lists.Select(l => l.Id));
        Assert.Empty((await _lists.PageAsync(new ListQuery(tag + "%", null, null, null, 10), default)).Lists);
    }
}

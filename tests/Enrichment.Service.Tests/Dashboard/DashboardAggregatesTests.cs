using Enrichment.Storage.Dashboard;
using Enrichment.Storage.Lists;
using Npgsql;

namespace Enrichment.Service.Tests.Dashboard;

/// <summary>The aggregates of script 0200 follow the jobs' writes (settle, import), so the pages never count rows.</summary>
[Collection(PostgresGroup.Name)]
public sealed class DashboardAggregatesTests(PostgresFixture postgres) : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    NpgsqlDataSource _dataSource = null!;
    ListStore _lists = null!;
    ListRowStore _rows = null!;
    DashboardStore _dashboard = null!;

    public async Task InitializeAsync()
    {
        _dataSource = NpgsqlDataSource.Create(await postgres.DatabaseForAsync(GetType()));
        _lists = new ListStore(_dataSource);
        _rows = new ListRowStore(_dataSource);
        _dashboard = new DashboardStore(_dataSource);
    }

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    static ListRowInsert Row(int no, string? email, string? rejection = null, string? status = null, IReadOnlyList<string>? reasons = null) =>
        new(no, no + 1, [$"f{no}", email ?? ""], email, email?[(email.IndexOf('@') + 1)..], RejectionReason: rejection,
            RejectionColumn: rejection is null ? null : "email", Status: status, Risk: status is null ? null : 100, Reasons: reasons);

    async Task<long> ImportAsync(params ListRowInsert[] rows)
    {
        var id = await _lists.CreateAsync(new NewList(null, "aggregates", "a.csv", null, null), default);
        await using (var writer = await _rows.BeginImportAsync(id, Now, default))
        {
            foreach (var row in rows)
                await writer.WriteAsync(row, default);
            await writer.CompleteAsync(default);
        }

        await _lists.FinishImportAsync(id, ["id", "email"], "{}", default);
        return id;
    }

    static RowResult Result(int rowNo, string email, string status, int risk, params string[] reasons) =>
        new(rowNo, email, false, null, status, risk, reasons, status == "deliverable" ? 250 : 550, "mx.a.test", Now);

    [Fact]
    public async Task SettlingADomain_FillsItsVerdicts_TheReasonCounts_AndTheBounceEstimate_Once()
    {
        var id = await ImportAsync(
            Row(1, "a@a.test"), Row(2, "b@a.test"), Row(3, "c@a.test"), Row(4, "d@b.test"),
            Row(5, null, rejection: "blank"), Row(6, "bad@", status: "undeliverable", reasons: ["syntax"]));

        await _rows.WriteResultsAsync(id, [Result(1, "a@a.test", "deliverable", 2), Result(2, "b@a.test", "risky", 40, "catch_all", "role"),
            Result(3, "c@a.test", "undeliverable", 100, "mailbox_not_found")], Now, default);
        Assert.Equal(1, await _lists.SettleDomainAsync(id, "a.test", default));
        Assert.Null(await _lists.SettleDomainAsync(id, "a.test", default)); // a job that runs twice adds nothing

        var domains = await _dashboard.TopDomainsAsync(id, 10, default);
        var a = Assert.Single(domains, d => d.Domain == "a.test");
        Assert.Equal((1, 1, 1, 0, "done"), (a.NDeliverable, a.NRisky, a.NUndeliverable, a.NUnknown, a.State));
        var b = Assert.Single(domains, d => d.Domain == "b.test");
        Assert.Equal((0, "pending"), (b.NDeliverable, b.State));
        Assert.Equal("a.test", domains[0].Domain); // most rows first

        var reasons = (await _dashboard.ReasonsAsync(id, default)).Select(r => $"{r.Status}/{r.Reason}={r.Rows}").Order().ToArray();
        Assert.Equal(["deliverable/=1", "risky/catch_all=1", "risky/role=1", "undeliverable/mailbox_not_found=1", "undeliverable/syntax=1"], reasons);

        var facts = (await _dashboard.LiveFactsAsync([id], default))[id];
        Assert.Equal(2, facts.Sendable);
        Assert.Equal(0.21, facts.BounceEstimate!.Value, 3); // (2 + 40) / 2 / 100
    }

    [Fact]
    public async Task RejectedAndDuplicatePages_FollowRowOrder_AndRetryCopiesOnlyUnknownRows()
    {
        var rows = new List<ListRowInsert>();
        for (var i = 1; i <= 7; i++)
            rows.Add(Row(i, null, rejection: "no_email_or_name"));
        rows.Add(Row(8, "x@c.test"));
        rows.Add(Row(9, "y@c.test"));
        var id = await ImportAsync([.. rows]);

        var first = await _dashboard.RejectedAsync(id, 0, 5, default);
        Assert.Equal([1, 2, 3, 4, 5], first.Select(r => r.RowNo));
        Assert.Equal([6, 7], (await _dashboard.RejectedAsync(id, first[^1].RowNo, 5, default)).Select(r => r.RowNo));
        Assert.All(first, r => Assert.Equal("no_email_or_name", r.RejectionReason));

        Assert.Null(await _dashboard.CopyUnknownRowsAsync(id, "retry", default)); // nothing unknown yet
        await _rows.WriteResultsAsync(id, [Result(8, "x@c.test", "unknown", 50, "smtp_timeout"), Result(9, "y@c.test", "deliverable", 2)], Now, default);
        await _lists.SettleDomainAsync(id, "c.test", default);
        var retry = await _dashboard.CopyUnknownRowsAsync(id, "retry", default);
        Assert.NotNull(retry);
        await _lists.FinishImportAsync(retry.Value, ["id", "email"], "{}", default);
        var copy = await _lists.GetAsync(retry.Value, default);
        Assert.Equal((1, 0, 1, "queued"), (copy!.RowsTotal, copy.RowsSettled, copy.DomainsPending, copy.State));
    }
}

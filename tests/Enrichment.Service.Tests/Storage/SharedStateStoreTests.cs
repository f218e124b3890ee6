using Enrichment.Storage.Contacts;
using Enrichment.Storage.Domains;
using Enrichment.Storage.Keys;
using Npgsql;

namespace Enrichment.Service.Tests.Storage;

/// <summary>Keys, slots, domain facts, verifications and contacts: the state every worker shares.</summary>
[Collection(PostgresGroup.Name)]
public sealed class SharedStateStoreTests(PostgresFixture postgres) : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync() => _dataSource = NpgsqlDataSource.Create(await postgres.DatabaseForAsync(GetType()));

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task ApiKey_IsFoundByItsKeyOnly_AndNotAfterRevocation()
    {
        var keys = new ApiKeyStore(_dataSource);
        var created = await keys.CreateAsync("ops", default);

        var found = await keys.FindAsync(created.Key, default);
        var tampered = await keys.FindAsync(created.Key[..^1] + (created.Key[^1] == 'a' ? 'b' : 'a'), default);
        await keys.RevokeAsync(created.Id, default);
        var revoked = await keys.FindAsync(created.Key, default);

        Assert.Equal(("ops", created.CallbackSecret), (found!.Name, found.CallbackSecret));
        Assert.Null(tampered);
        Assert.Null(revoked);
        Assert.Null(await keys.FindAsync("not-a-key", default));
    }

    [Fact]
    public async Task SmtpSlots_CapHoldersAcrossConnections_AndExpiredLeasesAreTakenOver()
    {
        var slots = new SmtpSlotStore(_dataSource);
        var lease = Now.AddMinutes(2);

        var taken = await Task.WhenAll(Enumerable.Range(0, 6).Select(i => slots.TryAcquireAsync("microsoft", 3, $"w{i}", Now, lease, default)));

        Assert.Equal([1, 2, 3], taken.OfType<int>().Order());
        Assert.Equal(3, taken.Count(t => t is null));
        Assert.Null(await slots.TryAcquireAsync("microsoft", 3, "late", Now.AddMinutes(1), lease, default));
        Assert.NotNull(await slots.TryAcquireAsync("google", 3, "other-provider", Now, lease, default));
        var afterExpiry = await slots.TryAcquireAsync("microsoft", 3, "rescuer", Now.AddMinutes(3), Now.AddMinutes(5), default);
        Assert.NotNull(afterExpiry);
        var holderOfFirst = taken.Select((slot, i) => (slot, i)).First(x => x.slot is not null);
        await slots.ReleaseAsync("microsoft", afterExpiry.Value, "rescuer", default);
        Assert.Equal(0, await slots.HeldAsync("microsoft", Now.AddMinutes(3), default));
        Assert.False(await slots.RenewAsync("microsoft", holderOfFirst.slot!.Value, "someone-else", Now.AddMinutes(9), default));
    }

    [Fact]
    public async Task CatchAll_IsSharedWithItsAge()
    {
        var domains = new DomainStore(_dataSource);
        await domains.SetCatchAllAsync("catch.test", true, "probe123", Now, default);
        await domains.SetMailHostsAsync("catch.test", [new MxHostEntry("mx1.catch.test", 10)], "catch.test", Now, default);

        Assert.True(await domains.CatchAllAsync("catch.test", Now.AddDays(-1), default));
        Assert.Null(await domains.CatchAllAsync("catch.test", Now.AddHours(1), default));
        Assert.Null(await domains.CatchAllAsync("never.test", Now.AddDays(-1), default));
        var facts = (await domains.GetAsync("catch.test", default))!;
        Assert.Equal((true, "mx1.catch.test"), (facts.CatchAll!.Value, facts.MxHosts!.Single()));
    }

    [Fact]
    public async Task MailHosts_AreStoredAllInPreferenceOrder_AndNeverReplacedByAnOlderLookup()
    {
        var domains = new DomainStore(_dataSource);
        // DNS answers in any order; equal preferences are peers and keep the order they came in.
        await domains.SetMailHostsAsync("many.test",
            [new MxHostEntry("backup.many.test", 30), new MxHostEntry("mx-a.many.test", 10), new MxHostEntry("mx-b.many.test", 10), new MxHostEntry("mid.many.test", 20)],
            "many.test", Now, default);
        await domains.SetMailHostsAsync("many.test", [new MxHostEntry("old.many.test", 5)], "many.test", Now.AddHours(-1), default); // older: ignored

        var facts = (await domains.GetAsync("many.test", default))!;

        Assert.Equal(["mx-a.many.test", "mx-b.many.test", "mid.many.test", "backup.many.test"], facts.MxHosts!);
        Assert.Equal([10, 10, 20, 30], facts.MxPreferences!);

        await domains.SetMailHostsAsync("many.test", [new MxHostEntry("new.many.test", 0)], "many.test", Now.AddHours(1), default);
        var newer = (await domains.GetAsync("many.test", default))!;
        Assert.Equal(["new.many.test"], newer.MxHosts!);
        Assert.Equal([0], newer.MxPreferences!);
    }

    [Fact]
    public async Task Verifications_AreReusedPerVerdictAge_AndNeverOverwrittenByOlder()
    {
        var store = new VerificationStore(_dataSource);
        VerificationRecord V(string email, string status, DateTimeOffset at) =>
            new(email, "v.test", status, status == "deliverable" ? 5 : 50, status == "unknown" ? ["timeout"] : [], 250, "250 2.1.5 ok", "mx.v.test", false, at, null);
        await store.UpsertAsync([V("old@v.test", "deliverable", Now.AddDays(-40)), V("fresh@v.test", "deliverable", Now.AddDays(-2)), V("unk@v.test", "unknown", Now.AddDays(-2))], default);
        await store.UpsertAsync([V("fresh@v.test", "undeliverable", Now.AddDays(-3))], default); // older: ignored

        var reusable = await store.ReusableAsync(["old@v.test", "fresh@v.test", "unk@v.test", "none@v.test"],
            new Dictionary<string, TimeSpan> { ["deliverable"] = TimeSpan.FromDays(30), ["unknown"] = TimeSpan.FromDays(1) }, Now, default);

        Assert.Equal(["fresh@v.test"], reusable.Keys);
        Assert.Equal("deliverable", reusable["fresh@v.test"].Status);
    }

    [Fact]
    public async Task Contacts_UpsertByAddress_FillingGapsWithoutBlanking()
    {
        var store = new ContactStore(_dataSource);
        await store.UpsertAsync([new ContactRecord("jane@acme.test", "Jane", null, null, "CFO", "acme.test", "list:1")], default);
        await store.UpsertAsync([new ContactRecord("jane@acme.test", null, "Doe", null, null, "acme.test", "list:2"),
            new ContactRecord("john@acme.test", "John", "Roe", null, null, "acme.test", "list:2")], default);

        Assert.Equal(2, await store.CountAsync("acme.test", default));
        await using var connection = await _dataSource.OpenConnectionAsync();
        await using var command = new NpgsqlCommand("SELECT first_name || ' ' || last_name || ' ' || title FROM contacts WHERE email = 'jane@acme.test'", connection);
        Assert.Equal("Jane Doe CFO", await command.ExecuteScalarAsync());
    }
}

using Enrichment.Storage.Consumers;
using Enrichment.Storage.Contacts;
using Enrichment.Storage.Keys;
using Npgsql;

namespace Enrichment.Service.Tests.LeadGen;

/// <summary>A consumer's max_age: stale contacts are skipped, or queued once for re-verification and handed out when fresh.</summary>
[Collection(PostgresGroup.Name)]
public sealed class StalePolicyTests(PostgresFixture postgres) : IAsyncLifetime
{
    static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync() =>
        _dataSource = NpgsqlDataSource.Create(await postgres.DatabaseForAsync(GetType()));

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    [Fact]
    public async Task StaleContacts_AreSkippedOrQueuedForReverification_PerConsumerPolicy()
    {
        await using var connection = await _dataSource.OpenConnectionAsync();
        var key = await new ApiKeyStore(_dataSource).CreateAsync("stale", default);
        var consumers = new ConsumerStore(_dataSource);
        await using (var contacts = new NpgsqlCommand(
            "INSERT INTO contacts (email, account_domain, source) VALUES ('fresh@stale.test', 'stale.test', 'seed2'), ('old@stale.test', 'stale.test', 'seed2')", connection))
            await contacts.ExecuteNonQueryAsync();
        await using (var insert = new NpgsqlCommand("""
            INSERT INTO verifications (email, domain, status, risk, verified_at) VALUES
                ('fresh@stale.test', 'stale.test', 'deliverable', 5, $1), ('old@stale.test', 'stale.test', 'deliverable', 5, $2)
            """, connection))
        {
            insert.Parameters.AddWithValue(Now.AddDays(-2).UtcDateTime);
            insert.Parameters.AddWithValue(Now.AddDays(-40).UtcDateTime);
            await insert.ExecuteNonQueryAsync();
        }

        var skip = await consumers.PutAsync(key.Id, "skipper", TimeSpan.FromDays(30), StalePolicies.Skip, default);
        var reverify = await consumers.PutAsync(key.Id, "reverifier", TimeSpan.FromDays(30), StalePolicies.Reverify, default);
        var claims = new ClaimStore(_dataSource);
        var filter = new ContactFilter(["deliverable"], AccountDomain: "stale.test");

        var skipped = await claims.ClaimAsync(new ClaimRequest(skip.Id, filter, 10, skip.MaxAge, skip.StalePolicy, Now), default);
        var queued = await claims.ClaimAsync(new ClaimRequest(reverify.Id, filter, 10, reverify.MaxAge, reverify.StalePolicy, Now), default);
        var again = await claims.ClaimAsync(new ClaimRequest(reverify.Id, filter, 10, reverify.MaxAge, reverify.StalePolicy, Now), default);

        Assert.Equal(["fresh@stale.test"], skipped.Items.Select(i => i.Email));
        Assert.Equal(1, skipped.Skipped["stale"]);
        Assert.Empty(skipped.ToReverify);
        Assert.Equal(["fresh@stale.test"], queued.Items.Select(i => i.Email));
        Assert.Equal(1, queued.Skipped["stale_reverifying"]);
        Assert.Single(queued.ToReverify);
        Assert.Empty(again.Items);
        Assert.Empty(again.ToReverify); // queued once, not on every claim

        // Once re-verified (fresh verdict), the next claim hands it out.
        await new VerificationStore(_dataSource).UpsertAsync([new VerificationRecord("old@stale.test", "stale.test", "deliverable", 5, [], 250, null, null, false, Now, null)], default);
        var fresh = await claims.ClaimAsync(new ClaimRequest(reverify.Id, filter, 10, reverify.MaxAge, reverify.StalePolicy, Now), default);
        Assert.Equal(["old@stale.test"], fresh.Items.Select(i => i.Email));
    }
}

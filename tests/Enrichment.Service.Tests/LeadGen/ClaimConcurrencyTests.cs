using System.Collections.Concurrent;
using Enrichment.Storage.Consumers;
using Enrichment.Storage.Contacts;
using Enrichment.Storage.Keys;
using Enrichment.Storage.Suppressions;
using Enrichment.Testing;
using Npgsql;

namespace Enrichment.Service.Tests.LeadGen;

/// <summary>
/// Claims under contention on a real PostgreSQL: 100,000 contacts (deliverable, risky, undeliverable, unknown; some
/// suppressed by address or domain), four consumers pulling at once, one of them with eight concurrent pullers.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class ClaimConcurrencyTests(PostgresFixture postgres) : IAsyncLifetime
{
    const int Contacts = 100_000;
    static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    NpgsqlDataSource _dataSource = null!;

    public async Task InitializeAsync() =>
        _dataSource = NpgsqlDataSource.Create(await postgres.DatabaseForAsync(GetType()));

    public async Task DisposeAsync() => await _dataSource.DisposeAsync();

    static string StatusOf(int i) => (i % 20) switch
    {
        < 15 => "deliverable",
        < 17 => "risky",
        < 19 => "undeliverable",
        _ => "unknown",
    };

    [Fact]
    public async Task ConcurrentPullers_NeverGetAContactTwice_AndEveryEligibleContactExactlyOncePerConsumer()
    {
        var seeded = await ContactSeeder.SeedAsync(_dataSource, Contacts, StatusOf, i => $"company{i % 500}.test", Now.AddDays(-1));
        var suppressions = new SuppressionStore(_dataSource);
        await suppressions.AddAsync(SuppressionKinds.Domain, "company7.test", "test", "tests", default);
        foreach (var s in seeded.Where((_, i) => i % 997 == 0))
            await suppressions.AddAsync(SuppressionKinds.Email, s.Email, "test", "tests", default);
        var suppressed = (await suppressions.SuppressedAsync([.. seeded.Select(s => s.Email)], default)).ToHashSet();
        var eligible = seeded.Where(s => s.Status == "deliverable" && !suppressed.Contains(s.Email)).Select(s => s.Id).ToHashSet();
        Assert.InRange(eligible.Count, 70_000, 75_000);

        var key = await new ApiKeyStore(_dataSource).CreateAsync("claims", default);
        var consumers = new ConsumerStore(_dataSource);
        var claims = new ClaimStore(_dataSource);
        var pullersPerConsumer = new[] { 8, 2, 2, 2 };
        var received = new ConcurrentDictionary<int, ConcurrentBag<long>>();
        var skippedSuppressed = new ConcurrentDictionary<int, int>();
        var tasks = new List<Task>();
        for (var c = 0; c < pullersPerConsumer.Length; c++)
        {
            var consumer = await consumers.GetOrCreateAsync(key.Id, $"sequence-{c}", default);
            var bag = received.GetOrAdd(c, _ => []);
            var index = c;
            for (var p = 0; p < pullersPerConsumer[c]; p++)
            {
                tasks.Add(Task.Run(async () =>
                {
                    while (true)
                    {
                        var result = await claims.ClaimAsync(new ClaimRequest(consumer.Id, new ContactFilter(["deliverable"]), 500, null, StalePolicies.Skip, Now), default);
                        foreach (var item in result.Items)
                            bag.Add(item.Id);
                        skippedSuppressed.AddOrUpdate(index, result.Skipped.GetValueOrDefault("suppressed"), (_, n) => n + result.Skipped.GetValueOrDefault("suppressed"));
                        if (result.Items.Count == 0)
                            return;
                    }
                }));
            }
        }

        await Task.WhenAll(tasks);

        foreach (var (c, bag) in received)
        {
            var ids = bag.ToList();
            Assert.Equal(ids.Count, ids.Distinct().Count()); // never twice to one consumer
            Assert.True(eligible.SetEquals(ids), $"consumer {c}: {ids.Count} handed out, {eligible.Count} eligible");
            // Each passed-over suppressed deliverable-or-not contact is reported once per consumer.
            Assert.Equal(suppressed.Count, skippedSuppressed[c]);
        }
    }

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

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
}

using Dapper;
using Enrichment.Storage.Database;
using Npgsql;

namespace Enrichment.Service.Tests.Storage;

[Collection(PostgresGroup.Name)]
public sealed class SchemaMigratorTests(PostgresFixture postgres)
{
    [Fact]
    public async Task ApplyAsync_AppliesEveryScriptOnce_WhenRunConcurrentlyAndAgain()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync(nameof(ApplyAsync_AppliesEveryScriptOnce_WhenRunConcurrentlyAndAgain));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);

        var runs = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None)));
        var again = await SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None);

        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Version), runs.SelectMany(r => r).Order());
        Assert.Empty(again);
        await using var connection = await dataSource.OpenConnectionAsync();
        var versions = (await connection.QueryAsync<int>("SELECT version FROM schema_version ORDER BY version")).ToList();
        Assert.Equal(SchemaMigrator.Scripts.Select(s => s.Version), versions);
        var tables = (await connection.QueryAsync<string>(
            "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'")).ToHashSet();
        foreach (var table in new[] { "api_keys", "lists", "list_rows", "list_domains", "domains", "contacts", "verifications", "accounts", "suppressions", "smtp_session_slots", "callbacks" })
            Assert.Contains(table, tables);
    }

    [Fact]
    public async Task ApplyAsync_RollsBackAFailingScript_AndRecordsNothing()
    {
        var connectionString = await postgres.Server.CreateDatabaseAsync(nameof(ApplyAsync_RollsBackAFailingScript_AndRecordsNothing));
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await using (var connection = await dataSource.OpenConnectionAsync())
            await connection.ExecuteAsync("CREATE TABLE lists (id int)"); // collides with script 1

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => SchemaMigrator.ApplyAsync(dataSource, CancellationToken.None));

        Assert.Contains("0001_core.sql", error.Message);
        await using var check = await dataSource.OpenConnectionAsync();
        Assert.Equal(0, await check.ExecuteScalarAsync<int>("SELECT count(*) FROM schema_version"));
        Assert.Equal(0, await check.ExecuteScalarAsync<int>("SELECT count(*) FROM information_schema.tables WHERE table_name = 'api_keys'"));
    }
}

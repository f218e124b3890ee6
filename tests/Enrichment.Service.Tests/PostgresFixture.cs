using System.Collections.Concurrent;
using Enrichment.Testing;

namespace Enrichment.Service.Tests;

/// <summary>
/// One private PostgreSQL cluster for the whole test run (every class that needs it joins the "postgres"
/// collection); each test class gets its own migrated database, created on first use and dropped at the end.
/// Missing PostgreSQL binaries fail the tests with the command to install them.
/// </summary>
public sealed class PostgresFixture : IAsyncLifetime
{
    readonly ConcurrentDictionary<Type, Lazy<Task<string>>> _databases = new();
    PostgresServer? _server;

    public PostgresServer Server => _server ?? throw new InvalidOperationException("PostgreSQL fixture not started");

    /// <summary>The fixture of the running collection, for class fixtures (created after it, disposed before it).</summary>
    public static PostgresFixture Current { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _server = await PostgresServer.StartAsync();
        Current = this;
    }

    /// <summary>The migrated database of <paramref name="testClass"/> (one per class, shared by its tests).</summary>
    public Task<string> DatabaseForAsync(Type testClass) =>
        _databases.GetOrAdd(testClass, t => new Lazy<Task<string>>(() => Server.CreateMigratedDatabaseAsync(t.Name))).Value;

    public async Task DisposeAsync()
    {
        if (_server is null)
            return;
        foreach (var database in _databases.Values.Where(d => d.IsValueCreated && d.Value.IsCompletedSuccessfully))
            await _server.DropDatabaseAsync(database.Value.Result);
        await _server.DisposeAsync();
    }
}

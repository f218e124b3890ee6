using System.Globalization;
using Enrichment.Storage.Database;
using Npgsql;

namespace Enrichment.Testing;

/// <summary>
/// A private, throwaway PostgreSQL cluster of the machine's Debian binaries on 127.0.0.1:&lt;free port&gt;, with trust
/// authentication, under /tmp (the postgres user must reach it). As root, initdb and pg_ctl run as the postgres user.
/// Missing binaries are a failure with the command to fix it, never a skip. Dispose stops it and deletes it.
/// </summary>
public sealed class PostgresServer : IAsyncDisposable
{
    const string TempBase = "/tmp";
    const string InstancePrefix = "enrichment-pg-";
    const string OwnerFile = "owner.pid";
    const int MaxPortAttempts = 5;

    readonly string _root;
    readonly LocalCluster _cluster;
    int _databases;
    int _disposed;

    PostgresServer(string root, LocalCluster cluster, int port)
    {
        _root = root;
        _cluster = cluster;
        Port = port;
    }

    public int Port { get; }

    /// <summary>The server's log, for diagnostics in failing tests.</summary>
    public string LogTail => _cluster.ReadLogTail(50);

    /// <summary>A connection string to <paramref name="database"/> as the superuser.</summary>
    public string ConnectionString(string database = "postgres") => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = Port,
        Username = "postgres",
        Database = database,
        // Tests open many short-lived pools (one per test class, plus service processes): keep each small.
        MaxPoolSize = 40,
    }.ConnectionString;

    public static async Task<PostgresServer> StartAsync(CancellationToken ct = default)
    {
        if (LocalCluster.FindBinaries() is null)
            throw new InvalidOperationException(LocalCluster.NotInstalledMessage);
        StopAbandonedInstances();
        var root = Path.Combine(TempBase, InstancePrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        UnixMode.Set(root, (UnixFileMode)0b111_101_101);
        await File.WriteAllTextAsync(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture), ct);
        var failures = new List<string>();
        try
        {
            for (var attempt = 1; attempt <= MaxPortAttempts; attempt++)
            {
                var data = Path.Combine(root, "data" + attempt.ToString(CultureInfo.InvariantCulture));
                var cluster = LocalCluster.At(data);
                var port = LocalCluster.FreeLoopbackPort();
                await cluster.InitAsync(port, password: null, ct);
                try
                {
                    await cluster.StartAsync(ct);
                    return new PostgresServer(root, cluster, port);
                }
                catch (InvalidOperationException e) when (attempt < MaxPortAttempts)
                {
                    // Most likely the port was taken between choosing and binding: try another.
                    failures.Add(e.Message);
                }
            }
        }
        catch
        {
            TryDelete(root);
            throw;
        }

        TryDelete(root);
        throw new InvalidOperationException("PostgreSQL did not start: " + string.Join("\n", failures));
    }

    /// <summary>Creates a fresh, empty database with a unique name derived from <paramref name="hint"/>.</summary>
    public async Task<string> CreateDatabaseAsync(string hint, CancellationToken ct = default)
    {
        var clean = new string([.. hint.ToLowerInvariant().Where(c => char.IsAsciiLetterOrDigit(c) || c == '_')]);
        var name = $"t{Interlocked.Increment(ref _databases)}_{clean[..Math.Min(clean.Length, 40)]}";
        await DatabaseLocation.EnsureDatabaseAsync(ConnectionString(), name, ct);
        return ConnectionString(name);
    }

    /// <summary>Creates a database and applies the service's schema scripts to it.</summary>
    public async Task<string> CreateMigratedDatabaseAsync(string hint, CancellationToken ct = default)
    {
        var connectionString = await CreateDatabaseAsync(hint, ct);
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        await SchemaMigrator.ApplyAsync(dataSource, ct);
        return connectionString;
    }

    public async Task DropDatabaseAsync(string connectionString, CancellationToken ct = default)
    {
        var name = new NpgsqlConnectionStringBuilder(connectionString).Database!;
        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(ConnectionString());
        await connection.OpenAsync(ct);
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Stops the server abruptly (as a crash would) and starts it again on the same port.</summary>
    public async Task RestartAsync(CancellationToken ct = default)
    {
        await _cluster.StopAsync(immediate: true, ct);
        await _cluster.StartAsync(ct);
        // This process's pooled connections died with the server.
        NpgsqlConnection.ClearAllPools();
    }

    public async Task StopAsync(CancellationToken ct = default) => await _cluster.StopAsync(immediate: true, ct);

    public async Task StartAgainAsync(CancellationToken ct = default) => await _cluster.StartAsync(ct);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await _cluster.StopAsync(immediate: true, CancellationToken.None);
        }
        finally
        {
            TryDelete(_root);
        }
    }

    /// <summary>Instances left by a test host that died without disposing: stop them and delete their folders.</summary>
    static void StopAbandonedInstances()
    {
        foreach (var dir in Directory.GetDirectories(TempBase, InstancePrefix + "*"))
        {
            var owner = Path.Combine(dir, OwnerFile);
            if (File.Exists(owner) && int.TryParse(File.ReadAllText(owner), CultureInfo.InvariantCulture, out var pid) && IsAlive(pid))
                continue;
            foreach (var data in Directory.GetDirectories(dir, "data*"))
            {
                try
                {
                    LocalCluster.At(data).StopAsync(immediate: true, CancellationToken.None).GetAwaiter().GetResult();
                }
                catch (InvalidOperationException)
                {
                    // Already gone or never started: deleting the folder is all that is left.
                }
            }

            TryDelete(dir);
        }
    }

    static bool IsAlive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    static void TryDelete(string dir)
    {
        try
        {
            Directory.Delete(dir, recursive: true);
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

using System.Security.Cryptography;
using Npgsql;

namespace Enrichment.Storage.Database;

/// <summary>
/// Finds the database the way the service and the CLI (<c>enrichment keys create</c>) both do: the connection string
/// <c>ConnectionStrings:Enrichment</c> when set; otherwise a private cluster in the data folder
/// (<c>ENRICHMENT_DATA</c>, default <c>./enrichment-data</c>), created on first use and started when stopped.
/// </summary>
public static class DatabaseLocation
{
    public const string ConnectionStringName = "Enrichment";
    public const string DataFolderVariable = "ENRICHMENT_DATA";
    public const string DefaultDataFolder = "enrichment-data";
    const string DatabaseName = "enrichment";

    /// <summary>The data folder: <paramref name="configured"/>, else ENRICHMENT_DATA, else ./enrichment-data.</summary>
    public static string DataFolder(string? configured) =>
        Path.GetFullPath(!string.IsNullOrWhiteSpace(configured) ? configured
            : Environment.GetEnvironmentVariable(DataFolderVariable) is { Length: > 0 } env ? env
            : DefaultDataFolder);

    /// <summary>The connection string to use; with none configured, makes sure the private cluster runs and says where.</summary>
    public static async Task<string> ResolveAsync(string? connectionString, string dataFolder, Action<string> say, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(say);
        if (!string.IsNullOrWhiteSpace(connectionString))
            return connectionString;

        Directory.CreateDirectory(dataFolder);
        // Two processes starting together must not both initdb: a lock file serialises them.
        await using var gate = await LockAsync(Path.Combine(dataFolder, ".lock"), ct);
        var secretPath = Path.Combine(dataFolder, "postgres.secret");
        var cluster = LocalCluster.At(Path.Combine(dataFolder, "postgres"));
        var created = false;
        if (!cluster.IsInitialised)
        {
            await LocalCluster.EnsureInstalledAsync(say, ct);
            cluster = LocalCluster.At(cluster.DataDirectory);
            var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
            await File.WriteAllTextAsync(secretPath, password, ct);
            UnixMode.Set(secretPath, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            // The folder must be reachable by the postgres user when we run as root.
            UnixMode.Set(dataFolder, UnixMode.Get(dataFolder) | UnixFileMode.OtherExecute | UnixFileMode.GroupExecute);
            await cluster.InitAsync(LocalCluster.FreeLoopbackPort(), password, ct);
            created = true;
        }

        await cluster.StartAsync(ct);
        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = "127.0.0.1",
            Port = cluster.ReadPort(),
            Username = "postgres",
            Password = (await File.ReadAllTextAsync(secretPath, ct)).Trim(),
            Database = "postgres",
        };
        await EnsureDatabaseAsync(builder.ConnectionString, DatabaseName, ct);
        builder.Database = DatabaseName;
        say($"PostgreSQL: {(created ? "created" : "using")} the private cluster in {cluster.DataDirectory} on 127.0.0.1:{builder.Port} (log {cluster.LogPath}); set ConnectionStrings__Enrichment to use another server");
        return builder.ConnectionString;
    }

    /// <summary>CREATE DATABASE unless it exists (CREATE DATABASE cannot run in a transaction or take IF NOT EXISTS).</summary>
    public static async Task EnsureDatabaseAsync(string maintenanceConnectionString, string database, CancellationToken ct)
    {
        await using var connection = new NpgsqlConnection(maintenanceConnectionString);
        await connection.OpenAsync(ct);
        await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = $1", connection);
        exists.Parameters.AddWithValue(database);
        if (await exists.ExecuteScalarAsync(ct) is not null)
            return;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{database.Replace("\"", "\"\"", StringComparison.Ordinal)}\"", connection);
        try
        {
            await create.ExecuteNonQueryAsync(ct);
        }
        catch (PostgresException e) when (e.SqlState == PostgresErrorCodes.DuplicateDatabase)
        {
            // Created by a concurrent start.
        }
    }

    static async Task<FileStream> LockAsync(string path, CancellationToken ct)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, ct);
            }
        }
    }
}

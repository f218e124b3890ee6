using Enrichment.Storage.Database;
using Enrichment.Storage.Lists;
using Npgsql;

namespace Enrichment.Service.Hosting;

/// <summary>Before the host is built: find (or make) the database and bring its schema up to date.</summary>
public static class ServiceStartup
{
    /// <summary>The connection string from configuration, or the private cluster in the data folder (started if needed).</summary>
    public static async Task<string> ResolveDatabaseAsync(IConfiguration configuration, ServiceOptions options, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(options);
        var connectionString = configuration.GetConnectionString(DatabaseLocation.ConnectionStringName);
        var folder = DatabaseLocation.DataFolder(options.DataFolder);
        var resolved = await DatabaseLocation.ResolveAsync(connectionString, folder, message => Console.Error.WriteLine(message), ct);
        await using var dataSource = NpgsqlDataSource.Create(resolved);
        var applied = await SchemaMigrator.ApplyAsync(dataSource, ct);
        if (applied.Count > 0)
            Console.Error.WriteLine($"Database schema: applied script(s) {string.Join(", ", applied)}");
        // A list whose upload died with a previous run ends failed rather than importing for ever.
        if (await ListImportSession.FailInterruptedAsync(dataSource, ct) is { Count: > 0 } interrupted)
            Console.Error.WriteLine($"Interrupted upload(s) of list(s) {string.Join(", ", interrupted)}: the lists are failed; upload the files again");
        return resolved;
    }
}

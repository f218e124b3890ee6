using System.Globalization;
using System.Reflection;
using Dapper;
using Npgsql;

namespace Enrichment.Storage.Database;

/// <summary>
/// Applies the numbered scripts embedded as <c>Scripts/NNNN_name.sql</c>, in order, each in its own transaction,
/// under an advisory lock so that two processes starting together apply each script once. Applied versions are
/// recorded in <c>schema_version</c>. Tests apply the same scripts.
/// </summary>
public static class SchemaMigrator
{
    /// <summary>Arbitrary but fixed: the advisory lock key every process agrees on.</summary>
    const long LockKey = 0x456E_7269_6368_0001;
    const string Prefix = "Scripts/";

    public sealed record Script(int Version, string Name, string Sql);

    /// <summary>The embedded scripts, by version; a gap or a duplicate number is a build mistake and throws.</summary>
    public static IReadOnlyList<Script> Scripts { get; } = LoadScripts();

    /// <summary>Applies the scripts not yet applied; returns the versions applied now.</summary>
    public static async Task<IReadOnlyList<int>> ApplyAsync(NpgsqlDataSource dataSource, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(dataSource);
        await using var connection = await dataSource.OpenConnectionAsync(ct);
        await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_lock(@LockKey)", new { LockKey }, cancellationToken: ct));
        try
        {
            await connection.ExecuteAsync(new CommandDefinition("""
                CREATE TABLE IF NOT EXISTS schema_version (
                    version     integer PRIMARY KEY,
                    name        text NOT NULL,
                    applied_at  timestamptz NOT NULL DEFAULT now()
                )
                """, cancellationToken: ct));
            var applied = (await connection.QueryAsync<int>(new CommandDefinition(
                "SELECT version FROM schema_version", cancellationToken: ct))).ToHashSet();
            var done = new List<int>();
            foreach (var script in Scripts.Where(s => !applied.Contains(s.Version)))
            {
                await using var tx = await connection.BeginTransactionAsync(ct);
                try
                {
                    await connection.ExecuteAsync(new CommandDefinition(script.Sql, transaction: tx, cancellationToken: ct));
                }
                catch (PostgresException e)
                {
                    throw new InvalidOperationException($"Schema script {script.Name} failed: {e.MessageText} (at {e.Position})", e);
                }

                await connection.ExecuteAsync(new CommandDefinition(
                    "INSERT INTO schema_version (version, name) VALUES (@Version, @Name)",
                    new { script.Version, script.Name }, tx, cancellationToken: ct));
                await tx.CommitAsync(ct);
                done.Add(script.Version);
            }

            return done;
        }
        finally
        {
            await connection.ExecuteAsync(new CommandDefinition("SELECT pg_advisory_unlock(@LockKey)", new { LockKey }, cancellationToken: CancellationToken.None));
        }
    }

    static List<Script> LoadScripts()
    {
        var assembly = typeof(SchemaMigrator).Assembly;
        var scripts = new List<Script>();
        foreach (var resource in assembly.GetManifestResourceNames().Where(n => n.StartsWith(Prefix, StringComparison.Ordinal)))
        {
            var name = resource[Prefix.Length..];
            var underscore = name.IndexOf('_', StringComparison.Ordinal);
            if (underscore <= 0 || !int.TryParse(name.AsSpan(0, underscore), NumberStyles.None, CultureInfo.InvariantCulture, out var version))
                throw new InvalidOperationException($"Schema script {name} must be named NNNN_name.sql");
            scripts.Add(new Script(version, name, Read(assembly, resource)));
        }

        scripts.Sort((a, b) => a.Version.CompareTo(b.Version));
        // Numbers may have gaps: each feature owns a range (core 0001-0099, lead-gen 0100-0199, dashboard 0200-0299,
        // committee 0300-0399), so parallel branches never pick the same number. A repeat is still an error.
        for (var i = 1; i < scripts.Count; i++)
        {
            if (scripts[i].Version == scripts[i - 1].Version)
                throw new InvalidOperationException($"Schema scripts {scripts[i - 1].Name} and {scripts[i].Name} have the same number");
        }

        return scripts;
    }

    static string Read(Assembly assembly, string resource)
    {
        using var stream = assembly.GetManifestResourceStream(resource)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}

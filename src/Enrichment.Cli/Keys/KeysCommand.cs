using System.CommandLine;
using Enrichment.Storage.Database;
using Enrichment.Storage.Keys;
using Npgsql;

namespace Enrichment.Cli.Keys;

/// <summary>
/// <c>enrichment keys create NAME</c>: a new API key for the service, printed once (only its hash is stored), with the
/// secret that signs its list callbacks. Finds the database exactly as the service does: ConnectionStrings__Enrichment,
/// else the private cluster in ENRICHMENT_DATA (default ./enrichment-data), started if it is stopped.
/// </summary>
public static class KeysCommand
{
    public static Command Create(CliContext context)
    {
        var name = new Argument<string>("name") { Description = "who the key is for (shown in the dashboard)" };
        var dataFolder = new Option<string?>("--data") { Description = "the service's data folder (default: ENRICHMENT_DATA or ./enrichment-data)" };
        var create = new Command("create", "Create an API key and print it once") { name, dataFolder };
        create.SetAction((parse, ct) => CliContext.GuardAsync(context, async () =>
        {
            var keyName = parse.GetValue(name)!.Trim();
            if (keyName.Length is 0 or > 100)
            {
                await context.Error.WriteLineAsync("enrichment keys create: NAME must be 1 to 100 characters");
                return ExitCodes.Usage;
            }

            var connectionString = await DatabaseLocation.ResolveAsync(
                Environment.GetEnvironmentVariable("ConnectionStrings__Enrichment"),
                DatabaseLocation.DataFolder(parse.GetValue(dataFolder)),
                message => context.Error.WriteLine(message),
                ct);
            await using var dataSource = NpgsqlDataSource.Create(connectionString);
            await SchemaMigrator.ApplyAsync(dataSource, ct);
            var key = await new ApiKeyStore(dataSource).CreateAsync(keyName, ct);
            await context.Output.WriteLineAsync($"api_key: {key.Key}");
            await context.Output.WriteLineAsync($"callback_secret: {key.CallbackSecret}");
            await context.Error.WriteLineAsync($"Key {key.Id} \"{key.Name}\" created. Shown once: store both values now. Send the key as the X-Api-Key header; callbacks carry X-Enrichment-Signature: sha256=HMAC(callback_secret, body).");
            return ExitCodes.Ok;
        }));
        return new Command("keys", "API keys of the batch service") { create };
    }
}

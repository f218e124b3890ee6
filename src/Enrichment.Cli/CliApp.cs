using System.CommandLine;

namespace Enrichment.Cli;

/// <summary>The command tree.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("Enrichment: contact enrichment and email verification")
        {
            Verification.VerifyCommand.Create(context),
            Finding.FindCommand.Create(context),
            Keys.KeysCommand.Create(context),
            Committee.TitlesCommand.Create(context),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            var commands = root.Subcommands.Select(c => c.Name).ToList();
            var message = args.Length > 0 && !args[0].StartsWith('-') && !commands.Contains(args[0], StringComparer.Ordinal)
                ? $"unknown command '{args[0]}'; the commands are {string.Join(", ", commands)}"
                : CliContext.OneLine(parse.Errors[0].Message);
            await context.Error.WriteLineAsync($"enrichment: {message} (see enrichment --help)");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error }, cancellationToken);
    }
}

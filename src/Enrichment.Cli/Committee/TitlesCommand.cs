using System.CommandLine;
using Enrichment.Cli.Input;
using Enrichment.Cli.Output;
using Enrichment.Committee.Titles;

namespace Enrichment.Cli.Committee;

/// <summary>
/// <c>enrichment titles [FILE|-]</c>: a CSV with a title column, or one title a line; writes every input column plus
/// seniority, department and role.
/// </summary>
public static class TitlesCommand
{
    public static readonly string[] Added = ["seniority", "department", "role"];

    internal static readonly string[] TitleColumnNames = ["title", "job_title", "jobtitle", "position", "job", "job_position", "headline"];

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "input file, or - for stdin", DefaultValueFactory = _ => "-" };
        var format = new Option<OutputFormat>("--format", "-f") { Description = "csv or jsonl", DefaultValueFactory = _ => OutputFormat.Csv };
        var output = new Option<string?>("--output", "-o") { Description = "output file (default: stdout)" };
        var command = new Command("titles", "Classify job titles: seniority, department and buying-committee role") { file, format, output };
        command.SetAction((parse, ct) => CliContext.GuardAsync(context, async () =>
        {
            var path = CliContext.InputPath(parse.GetValue(file));
            await using var input = await InputFile.OpenAsync(path, context.Input, h => h.Any(TitleColumnNames.Contains), ct);
            var header = input.Header ?? ["title"];
            var titleColumn = input.Header is null ? 0 : input.Column(TitleColumnNames);
            await using var sink = context.OpenOutput(parse.GetValue(output), path);
            await using var writer = new RecordWriter(sink, parse.GetValue(format), OutputColumn.Combine(header, [.. Added.Select(a => new OutputColumn(a))], "titles_"));
            var row = new string?[header.Count + Added.Length];
            await foreach (var record in input.ReadAsync(ct))
            {
                Array.Clear(row);
                for (var i = 0; i < header.Count && i < record.Fields.Length; i++)
                {
                    row[i] = record.Fields[i];
                }

                var classification = TitleClassifier.Classify(titleColumn < record.Fields.Length ? record.Fields[titleColumn] : null);
                row[header.Count] = classification.Seniority.Name();
                row[header.Count + 1] = classification.Department.Name();
                row[header.Count + 2] = classification.Role.Name();
                await writer.WriteAsync(row, ct);
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}

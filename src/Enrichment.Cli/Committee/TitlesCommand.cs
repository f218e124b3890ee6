using System.CommandLine;
using Enrichment.Cli.Input;
using Enrichment.Cli.Output;
using Enrichment.Committee.Titles;
using Enrichment.Import;

namespace Enrichment.Cli.Committee;

/// <summary>
/// <c>enrichment titles [FILE|-]</c>: a list with a title column (any separator and encoding the import module reads),
/// or one title a line; writes every input column plus seniority, department and role. Every row comes out: the
/// import's rejections (no email or name, blank lines) do not matter here, only the title does.
/// </summary>
public static class TitlesCommand
{
    public static readonly OutputColumn[] Added = [new("seniority"), new("department"), new("role")];

    // A one-column file whose first line is one of these has a header, not a title: "position" is not a job.
    private static readonly HashSet<string> SingleColumnHeaders = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "job title", "job_title", "jobtitle", "position", "job position", "headline", "job",
    };

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("file") { Description = "input file, or - for stdin", DefaultValueFactory = _ => "-" };
        var format = new Option<string>("--format", "-f") { Description = "csv or jsonl", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--output", "-o") { Description = "output file (default: stdout)" };
        var noGuard = new Option<bool>("--no-formula-guard") { Description = "write CSV cells starting with = + - @ as they are (default: prefixed with ')" };
        var input = new InputOptions();
        var command = new Command("titles", "Classify job titles: seniority, department and buying-committee role") { file, format, output, noGuard };
        foreach (var option in input.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CliContext.GuardAsync(context, async () =>
        {
            var path = CliContext.InputPath(parse.GetValue(file));
            var outputFormat = CliContext.ParseFormat(parse.GetValue(format));
            var outputPath = parse.GetValue(output);
            CliContext.CheckOutput(outputPath, path);
            await using var list = await ListInput.OpenAsync(context, path, input.ToImportOptions(parse, path), ListImporter.LoadDefault(), ct);
            var detection = list.Detection;
            var singleColumn = detection.SeparatorSource == "single-column";
            var titleColumn = singleColumn ? 0 : detection.Column(ContactField.Title)?.Column
                ?? throw new ArgumentException($"{list.Name}: no title column (columns: {string.Join(", ", detection.Header)}); name it title, job title or position, or pass --column title=NAME");
            IReadOnlyList<string> inputColumns = singleColumn ? ["title"]
                : detection.HasHeader ? [.. detection.Header.Select((h, i) => string.IsNullOrWhiteSpace(h) ? $"column_{i + 1}" : h)]
                : [.. Enumerable.Range(1, detection.Mapping.Max(m => m.Column) + 1).Select(i => $"column_{i}")];
            await using var sink = context.OpenOutput(outputPath, path);
            RecordWriter? writer = null;
            var row = new string?[inputColumns.Count + Added.Length];
            try
            {
                await foreach (var record in list.Reader.ReadAsync(ct))
                {
                    if (writer is null)
                    {
                        var header = singleColumn && record.Fields.Length == 1 && SingleColumnHeaders.Contains(record.Fields[0].Trim());
                        writer = new RecordWriter(sink, outputFormat, OutputColumn.Combine(header ? [record.Fields[0].Trim()] : inputColumns, Added, "title_"), !parse.GetValue(noGuard));
                        if (header)
                        {
                            continue;
                        }
                    }

                    Array.Clear(row);
                    for (var i = 0; i < inputColumns.Count && i < record.Fields.Length; i++)
                    {
                        row[i] = record.Fields[i];
                    }

                    var classification = TitleClassifier.Classify(titleColumn < record.Fields.Length ? record.Fields[titleColumn] : null);
                    row[inputColumns.Count] = classification.Seniority.Name();
                    row[inputColumns.Count + 1] = classification.Department.Name();
                    row[inputColumns.Count + 2] = classification.Role.Name();
                    await writer.WriteAsync(row, ct);
                }

                writer ??= new RecordWriter(sink, outputFormat, OutputColumn.Combine(inputColumns, Added, "title_"), !parse.GetValue(noGuard));
            }
            finally
            {
                // Interrupted or not, the rows classified so far reach the output.
                if (writer is not null)
                {
                    await writer.DisposeAsync();
                }
            }

            return ExitCodes.Ok;
        }));
        return command;
    }
}

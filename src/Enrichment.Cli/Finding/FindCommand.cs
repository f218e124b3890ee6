using System.CommandLine;
using System.Globalization;
using Enrichment.Cli.Input;
using Enrichment.Cli.Output;
using Enrichment.Finding;
using Enrichment.Finding.DomainSearch;
using Enrichment.Finding.DomainSearch.Providers;
using Enrichment.Import;
using Enrichment.Verification.Syntax;
using Microsoft.Extensions.DependencyInjection;

namespace Enrichment.Cli.Finding;

/// <summary>
/// <c>enrichment find [FILE|-]</c>: CSV rows of people (names + company domain or website) in, the same rows
/// out with the address found, how it was found and what verification said.
/// </summary>
public static class FindCommand
{
    public const string Rejected = "rejected";

    public static readonly OutputColumn[] AddedColumns =
    [
        new("line", ColumnKind.Number), new("email"), new("status"), new("risk", ColumnKind.Number), new("reasons", ColumnKind.List),
        new("source"), new("pattern"), new("confidence", ColumnKind.Number), new("candidates", ColumnKind.List),
        new("domain_patterns", ColumnKind.List), new("detail"),
    ];

    private const int DomainBatch = 1000;
    private const int KnownPerDomain = 200;
    private const int DomainsAtOnce = 8;
    private const long BucketBytes = 2L << 20;

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("file") { Description = "CSV input file, or - for stdin", DefaultValueFactory = _ => "-" };
        var format = new Option<string>("--format", "-f") { Description = "csv or jsonl", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--output", "-o") { Description = "output file (default: stdout)" };
        var noVerify = new Option<bool>("--no-verify") { Description = "rank candidates only: no DNS, no SMTP" };
        var noGuard = new Option<bool>("--no-formula-guard") { Description = "write CSV cells starting with = + - @ as they are (default: prefixed with ')" };
        var input = new InputOptions();
        var engine = new EngineOptions();
        var command = new Command("find", "Find addresses for people: domain search, pattern guessing, verification") { file, format, output, noVerify, noGuard };
        foreach (var option in input.All.Concat(engine.All))
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CliContext.GuardAsync(context, async () =>
        {
            var path = CliContext.InputPath(parse.GetValue(file));
            var outputFormat = CliContext.ParseFormat(parse.GetValue(format));
            var outputPath = parse.GetValue(output);
            CliContext.CheckOutput(outputPath, path); // before reading anything
            var importOptions = input.ToImportOptions(parse, path);

            using var built = parse.GetValue(noVerify) ? null : engine.Build(parse, context.Error);
            if (built is not null)
            {
                await built.WarnAboutHeloAsync(ct);
            }

            using var providers = ProviderServices.FromEnvironment();
            var finder = new AddressFinder(built?.Verifier, parse.GetValue(noVerify) ? null : providers.Search);
            await using var list = await ListInput.OpenAsync(context, path, importOptions, ListImporter.LoadDefault(), ct);
            await RunAsync(context, path, list, finder, outputFormat, outputPath, !parse.GetValue(noGuard), ct);
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Rows of one domain may be spread over the whole file, and a domain's formats are learned from all of its
    /// known addresses. So the input is read once and each row is appended to a private temporary bucket file chosen by
    /// a hash of its domain (every row of a domain lands in the same bucket); then bucket by bucket, all of a domain's
    /// rows are in memory together and it is learned once. Memory is one bucket, not the file.
    /// </summary>
    private static async Task RunAsync(CliContext context, string path, ListInput list, AddressFinder finder, OutputFormat format, string? outputPath, bool guardFormulas, CancellationToken ct)
    {
        var detection = list.Detection;
        if (!detection.Mapping.Any(m => m.Field is ContactField.FirstName or ContactField.LastName or ContactField.FullName))
        {
            throw new InvalidDataException(
                $"{list.Name}: find needs a header with the people's names (first and last name, or full name) and a website or domain column; "
                + (detection.HasHeader ? $"line {detection.HeaderLine} has {string.Join(", ", detection.Header.Select(h => $"\"{h}\""))}; name columns with --column first_name=\"…\"" : "line 1 is not such a header"));
        }

        using var work = PrivateTempDirectory.Create("enrichment-find-");
        var header = detection.Header;
        await using var sink = context.OpenOutput(outputPath, path);
        await using var writer = new RecordWriter(sink, format, OutputColumn.Combine(header, AddedColumns, "found_"), guardFormulas);
        using var gate = new SemaphoreSlim(1, 1);
        using var progress = context.CreateProgress("find", () => list.Fraction is > 0.001 and var f ? (long)(list.Reader.Report.RowsRead / f) : null, TimeSpan.Zero);
        var interrupted = false;

        async Task WriteAsync(long line, string[] fields, FindResult result, string? domainPatterns)
        {
            var values = new string?[header.Count + AddedColumns.Length];
            for (var i = 0; i < header.Count && i < fields.Length; i++)
            {
                values[i] = fields[i];
            }

            string?[] added =
            [
                line.ToString(CultureInfo.InvariantCulture), result.Email, result.Status,
                result.Risk?.ToString(CultureInfo.InvariantCulture), string.Join('|', result.Reasons), result.Source, result.Pattern,
                result.Confidence?.ToString("F2", CultureInfo.InvariantCulture), string.Join('|', result.Candidates), domainPatterns, result.Detail,
            ];
            if (fields.Length > header.Count)
            {
                // Fields beyond the header have no column to go to: say so rather than drop them silently.
                added[^1] = string.Join("; ", new[] { added[^1], $"row has {fields.Length} fields, the header {header.Count}" }.Where(t => !string.IsNullOrEmpty(t)));
            }

            added.CopyTo(values, header.Count);
            await gate.WaitAsync(ct);
            try
            {
                await writer.WriteAsync(values, ct);
                progress.Advance(result.Status);
            }
            finally
            {
                gate.Release();
            }
        }

        try
        {
            // Pass 1: rejected rows and rows without a usable domain are answered at once; the rest go to their domain's bucket.
            var buckets = new RowBucket?[BucketCount(path)];
            try
            {
                await foreach (var record in list.Reader.ReadAsync(ct))
                {
                    if (record.Rejection is { } rejection)
                    {
                        var detail = rejection.Column is { } c ? $"{rejection.Detail} (column {c})" : rejection.Detail;
                        await WriteAsync(record.Line, record.Fields, new FindResult(record.Line, null, Rejected, null, [rejection.Reason], "", null, null, [], detail), null);
                        continue;
                    }

                    var contact = record.Contact!;
                    var request = new FindRequest(record.Line, contact.FirstName, contact.LastName, contact.FullName, contact.Title, contact.EmailInput);
                    if ((contact.Domain ?? EmailDomain(contact.EmailInput)) is not { } domain)
                    {
                        await WriteAsync(record.Line, record.Fields, new FindResult(record.Line, null, "error", null, ["missing_domain"], "", null, null, [],
                            "no domain: give a domain or website column, or an email"), null);
                        continue;
                    }

                    var b = (int)((uint)StringComparer.Ordinal.GetHashCode(domain) % (uint)buckets.Length);
                    (buckets[b] ??= new RowBucket(work, $"{b}.bin")).Add(new BucketRow(record.Line, record.Fields, domain, request));
                }
            }
            finally
            {
                foreach (var bucket in buckets)
                {
                    bucket?.CloseWriter();
                }
            }

            // Pass 2: a bucket at a time, its domains a few at a time.
            foreach (var bucket in buckets)
            {
                if (bucket is null)
                {
                    continue;
                }

                var byDomain = new Dictionary<string, List<BucketRow>>(StringComparer.Ordinal);
                foreach (var row in bucket.ReadAll())
                {
                    if (!byDomain.TryGetValue(row.Domain, out var rows))
                    {
                        byDomain[row.Domain] = rows = [];
                    }

                    rows.Add(row);
                }

                await Parallel.ForEachAsync(
                    byDomain,
                    new ParallelOptions { MaxDegreeOfParallelism = DomainsAtOnce, CancellationToken = ct },
                    async (pair, token) =>
                    {
                        var (domain, rows) = pair;
                        var requests = rows.Select(r => r.Request).ToList();

                        // A few hundred addresses teach a domain's formats as well as a hundred thousand do.
                        // Every row of the domain: namesakes get different best guesses however the rows are chunked.
                        var knowledge = AddressFinder.WithNamesakes(
                            await finder.LearnAsync(domain, requests.Where(AddressFinder.HasAddress).Take(KnownPerDomain), token),
                            requests);
                        var described = knowledge.Patterns.Describe();
                        var byLine = rows.ToDictionary(r => r.Line);
                        foreach (var chunk in requests.Chunk(DomainBatch))
                        {
                            var found = await finder.FindAsync(domain, chunk, knowledge, token);
                            foreach (var result in found.Results)
                            {
                                var row = byLine[result.Id];
                                await WriteAsync(row.Line, row.Fields, result, described);
                            }
                        }
                    });
                bucket.Delete();
            }
        }
        catch (OperationCanceledException)
        {
            interrupted = true;
            throw;
        }
        finally
        {
            progress.Finish(list.Reader.Report, interrupted);
        }
    }

    private static string? EmailDomain(string? email) =>
        email is not null && EmailSyntax.Parse(email).Address is { } address ? address.Domain : null;

    /// <summary>Buckets for the input's size: about 2 MiB of input each, at most 512 (64 for stdin, whose size is unknown).</summary>
    private static int BucketCount(string path) =>
        path != "-" && new FileInfo(path) is { Exists: true } info && (info.Attributes & FileAttributes.Device) == 0 && info.Length > 0
            ? (int)Math.Clamp(info.Length / BucketBytes + 1, 1, 512)
            : 64;
}

/// <summary>Provider clients configured from the environment (keys never appear on the command line or in logs).</summary>
internal sealed class ProviderServices : IDisposable
{
    private readonly ServiceProvider _services;

    private ProviderServices(ServiceProvider services, DomainSearchService search)
    {
        _services = services;
        Search = search;
    }

    public DomainSearchService Search { get; }

    public static ProviderServices FromEnvironment()
    {
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddDomainSearch(DomainSearchOptions.FromEnvironment(Environment.GetEnvironmentVariable));
        var provider = services.BuildServiceProvider();
        return new ProviderServices(provider, provider.GetRequiredService<DomainSearchService>());
    }

    public void Dispose() => _services.Dispose();
}

using System.CommandLine;
using System.Globalization;
using Enrichment.Cli.Input;
using Enrichment.Cli.Output;
using Enrichment.Finding;
using Enrichment.Finding.DomainSearch;
using Enrichment.Finding.DomainSearch.Providers;
using Enrichment.Verification.Syntax;
using Microsoft.Extensions.DependencyInjection;

namespace Enrichment.Cli.Finding;

/// <summary>
/// <c>enrichment find [FILE|-]</c>: CSV rows of people (names + company domain or website) in, the same rows
/// out with the address found, how it was found and what verification said.
/// </summary>
public static class FindCommand
{
    public static readonly string[] AddedColumns =
        ["line", "email", "status", "risk", "reasons", "source", "pattern", "confidence", "candidates", "domain_patterns", "detail"];

    private const int DomainBatch = 1000;
    private const int KnownPerDomain = 200;
    private const int DomainsAtOnce = 8;
    private const long BucketBytes = 2L << 20;

    private static readonly string[] FirstNames = ["first_name", "firstname", "first", "given_name"];
    private static readonly string[] LastNames = ["last_name", "lastname", "last", "surname", "family_name"];
    private static readonly string[] FullNames = ["full_name", "fullname", "name"];
    private static readonly string[] Domains = ["domain", "company_domain", "website", "company_website", "url"];
    private static readonly string[] Titles = ["title", "job_title", "position"];
    private static readonly string[] Emails = ["email", "e_mail", "email_address"];

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "CSV input file, or - for stdin", DefaultValueFactory = _ => "-" };
        var format = new Option<OutputFormat>("--format", "-f") { Description = "csv or jsonl", DefaultValueFactory = _ => OutputFormat.Csv };
        var output = new Option<string?>("--output", "-o") { Description = "output file (default: stdout)" };
        var noVerify = new Option<bool>("--no-verify") { Description = "rank candidates only: no DNS, no SMTP" };
        var engine = new EngineOptions();
        var command = new Command("find", "Find addresses for people: domain search, pattern guessing, verification") { file, format, output, noVerify };
        foreach (var option in engine.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CliContext.GuardAsync(context, async () =>
        {
            var path = CliContext.InputPath(parse.GetValue(file));
            var outputPath = parse.GetValue(output);
            CliContext.CheckOutput(outputPath, path); // before reading anything

            using var built = parse.GetValue(noVerify) ? null : engine.Build(parse, context.Error);
            if (built is not null)
            {
                await built.WarnAboutHeloAsync(ct);
            }

            using var providers = ProviderServices.FromEnvironment();
            var finder = new AddressFinder(built?.Verifier, parse.GetValue(noVerify) ? null : providers.Search);
            await RunAsync(context, path, path == "-" ? "stdin" : path, finder, parse.GetValue(format), outputPath, ct);
            return 0;
        }));
        return command;
    }

    private sealed record Columns(int First, int Last, int Full, int Domain, int Title, int Email)
    {
        public static Columns From(InputFile input) => new(
            input.Column(FirstNames), input.Column(LastNames), input.Column(FullNames),
            input.Column(Domains), input.Column(Titles), input.Column(Emails));

        public static string? Get(InputRow row, int column) =>
            column >= 0 && column < row.Fields.Length && !string.IsNullOrWhiteSpace(row.Fields[column]) ? row.Fields[column].Trim() : null;

        /// <summary>The row's domain: the email's when there is one, else the domain/website column's.</summary>
        public string? DomainOf(InputRow row)
        {
            if (Get(row, Email) is { } email && EmailSyntax.Parse(email).Address is { } address)
            {
                return address.Domain;
            }

            return CompanyDomain.Normalize(Get(row, Domain));
        }

        public FindRequest Request(InputRow row) =>
            new(row.Line, Get(row, First), Get(row, Last), Get(row, Full), Get(row, Title), Get(row, Email));
    }

    /// <summary>
    /// Rows of one domain may be spread over the whole file, and a domain's formats are learned from all of its
    /// known addresses. So the input is read once and each row is appended to a temporary bucket file chosen by a
    /// hash of its domain (every row of a domain lands in the same bucket); then bucket by bucket, all of a
    /// domain's rows are in memory together and it is learned once. Memory is one bucket, not the file.
    /// </summary>
    private static async Task RunAsync(CliContext context, string path, string displayName, AddressFinder finder, OutputFormat format, string? outputPath, CancellationToken ct)
    {
        var work = Directory.CreateTempSubdirectory("enrichment-find-");
        try
        {
            await using var input = await OpenAsync(path, displayName, context, ct);
            var columns = Columns.From(input);
            var header = input.Header!;
            var ours = AddedColumns.Select(c => header.Contains(c, StringComparer.OrdinalIgnoreCase) ? "found_" + c : c);
            await using var sink = context.OpenOutput(outputPath, path);
            await using var writer = new RecordWriter(sink, format, [.. header, .. ours]);
            using var gate = new SemaphoreSlim(1, 1);
            Progress? progress = null;

            async Task WriteAsync(InputRow row, FindResult result, string? domainPatterns)
            {
                var values = new string?[header.Count + AddedColumns.Length];
                for (var i = 0; i < header.Count; i++)
                {
                    values[i] = i < row.Fields.Length ? row.Fields[i] : null;
                }

                string?[] added =
                [
                    row.Line.ToString(CultureInfo.InvariantCulture), result.Email, result.Status,
                    result.Risk?.ToString(CultureInfo.InvariantCulture), string.Join('|', result.Reasons), result.Source, result.Pattern,
                    result.Confidence?.ToString("F2", CultureInfo.InvariantCulture), string.Join('|', result.Candidates), domainPatterns, result.Detail,
                ];
                if (row.Fields.Length != header.Count)
                {
                    // Fields beyond the header have no column to go to: say so rather than drop them silently.
                    added[^1] = string.Join("; ", new[] { added[^1], $"row has {row.Fields.Length} fields, the header {header.Count}" }.Where(t => !string.IsNullOrEmpty(t)));
                }

                added.CopyTo(values, header.Count);
                await gate.WaitAsync(ct);
                try
                {
                    await writer.WriteAsync(values, ct);
                    progress?.Advance();
                }
                finally
                {
                    gate.Release();
                }
            }

            // Pass 1: rows without a usable domain are answered at once; the rest go to their domain's bucket.
            var buckets = new RowBucket[BucketCount(path)];
            long rowCount = 0;
            try
            {
                await foreach (var row in input.ReadAsync(ct))
                {
                    rowCount++;
                    if (columns.DomainOf(row) is not { } domain)
                    {
                        var problem = Columns.Get(row, columns.Domain) is { } given
                            ? $"'{given}' in column {header[columns.Domain]} is not a domain or website"
                            : "no domain: give a domain or website column, or an email";
                        await WriteAsync(row, new FindResult(row.Line, null, "error", null, ["missing_domain"], "", null, null, [], problem), null);
                        continue;
                    }

                    var b = (int)((uint)StringComparer.Ordinal.GetHashCode(domain) % (uint)buckets.Length);
                    (buckets[b] ??= new RowBucket(Path.Combine(work.FullName, $"{b}.csv"))).Add(row);
                }
            }
            finally
            {
                foreach (var bucket in buckets)
                {
                    bucket?.CloseWriter();
                }
            }

            progress = context.ShowProgress ? new Progress(context.Error, rowCount, TimeProvider.System) : null;
            try
            {
                // Pass 2: a bucket at a time, its domains a few at a time.
                foreach (var bucket in buckets.Where(b => b is not null))
                {
                    var byDomain = new Dictionary<string, List<InputRow>>(StringComparer.Ordinal);
                    foreach (var row in bucket!.ReadAll())
                    {
                        var domain = columns.DomainOf(row)!;
                        if (!byDomain.TryGetValue(domain, out var rows))
                        {
                            byDomain[domain] = rows = [];
                        }

                        rows.Add(row);
                    }

                    await Parallel.ForEachAsync(
                        byDomain,
                        new ParallelOptions { MaxDegreeOfParallelism = DomainsAtOnce, CancellationToken = ct },
                        async (pair, token) =>
                        {
                            var (domain, rows) = pair;
                            var requests = rows.Select(columns.Request).ToList();

                            // A few hundred addresses teach a domain's formats as well as a hundred thousand do.
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
                                    await WriteAsync(byLine[result.Id], result, described);
                                }
                            }
                        });
                    bucket.Delete();
                }
            }
            finally
            {
                progress?.Dispose();
            }
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>Buckets for the input's size: about 2 MiB of input each, at most 512 (64 for stdin, whose size is unknown).</summary>
    private static int BucketCount(string path) =>
        CliContext.IsRereadable(path) ? (int)Math.Clamp(new FileInfo(path).Length / BucketBytes + 1, 1, 512) : 64;

    private static async Task<InputFile> OpenAsync(string path, string displayName, CliContext context, CancellationToken ct)
    {
        var input = await InputFile.OpenAsync(path, context.Input, h => h.Any(c => Domains.Contains(c) || Emails.Contains(c)), ct);
        if (input.Header is null)
        {
            await input.DisposeAsync();
            throw new InvalidDataException($"{displayName}: line 1: find needs a CSV header with a domain or website column (and first_name,last_name or full_name)");
        }

        return input;
    }

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

using System.Collections.Concurrent;
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
    private const int MaxBuffered = 20_000;

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

            // Two passes need a file that can be read twice: stdin and pipes are spooled to a temporary file first.
            var spooled = CliContext.IsRereadable(path) ? null : await SpoolAsync(path, context.Input, ct);
            try
            {
                using var built = parse.GetValue(noVerify) ? null : engine.Build(parse, context.Error);
                if (built is not null)
                {
                    await built.WarnAboutHeloAsync(ct);
                }

                using var providers = ProviderServices.FromEnvironment();
                var finder = new AddressFinder(built?.Verifier, parse.GetValue(noVerify) ? null : providers.Search);
                await RunAsync(context, spooled ?? path, path == "-" ? "stdin" : path, finder, parse.GetValue(format), outputPath, ct);
                return 0;
            }
            finally
            {
                if (spooled is not null)
                {
                    File.Delete(spooled);
                }
            }
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

    private static async Task RunAsync(CliContext context, string path, string displayName, AddressFinder finder, OutputFormat format, string? outputPath, CancellationToken ct)
    {
        // Pass 1: every domain's known addresses and row count, since rows of one domain may be spread
        // across the file and the format is learned from all of them.
        var known = new Dictionary<string, List<FindRequest>>(StringComparer.Ordinal);
        var remaining = new Dictionary<string, int>(StringComparer.Ordinal);
        long rowCount = 0;
        Columns columns;
        IReadOnlyList<string> header;
        await using (var input = await OpenAsync(path, displayName, context, ct))
        {
            columns = Columns.From(input);
            header = input.Header!;
            await foreach (var row in input.ReadAsync(ct))
            {
                rowCount++;
                if (columns.DomainOf(row) is not { } domain)
                {
                    continue;
                }

                remaining[domain] = remaining.GetValueOrDefault(domain) + 1;
                var request = columns.Request(row);
                if (AddressFinder.HasAddress(request))
                {
                    if (!known.TryGetValue(domain, out var list))
                    {
                        known[domain] = list = [];
                    }

                    // A few hundred addresses teach a domain's formats as well as a hundred thousand do; keeping
                    // them all would make memory grow with the input.
                    if (list.Count < KnownPerDomain)
                    {
                        list.Add(request);
                    }
                }
            }
        }

        var ours = AddedColumns.Select(c => header.Contains(c, StringComparer.OrdinalIgnoreCase) ? "found_" + c : c);
        await using var sink = context.OpenOutput(outputPath, path);
        await using var writer = new RecordWriter(sink, format, [.. header, .. ours]);
        using var progress = context.ShowProgress ? new Progress(context.Error, rowCount, TimeProvider.System) : null;
        using var gate = new SemaphoreSlim(1, 1);
        using var slots = new SemaphoreSlim(8);
        var inFlight = new List<Task>();

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

        // Each domain is learned once (provider calls cost money), shared by its batches, dropped after its last.
        var knowledge = new ConcurrentDictionary<string, Lazy<Task<DomainKnowledge>>>(StringComparer.Ordinal);

        async Task DispatchAsync(string domain, List<InputRow> rows, bool last)
        {
            await slots.WaitAsync(ct);
            inFlight.RemoveAll(t => t.IsCompletedSuccessfully);
            inFlight.Add(Task.Run(
                async () =>
                {
                    try
                    {
                        var requests = rows.Select(columns.Request).ToList();
                        var learned = knowledge.GetOrAdd(domain, d => new Lazy<Task<DomainKnowledge>>(() => finder.LearnAsync(d, known.GetValueOrDefault(d) ?? [], ct)));
                        var found = await finder.FindAsync(domain, requests, await learned.Value, ct);
                        if (last)
                        {
                            knowledge.TryRemove(domain, out _);
                        }

                        var byId = rows.ToDictionary(r => r.Line);
                        var described = found.Patterns.Describe();
                        foreach (var result in found.Results)
                        {
                            await WriteAsync(byId[result.Id], result, described);
                        }
                    }
                    finally
                    {
                        slots.Release();
                    }
                },
                ct));
        }

        // Pass 2: collect each domain's rows; a domain goes as soon as all its rows are in (or its batch is full).
        var buffers = new Dictionary<string, List<InputRow>>(StringComparer.Ordinal);
        var buffered = 0;
        try
        {
            await using (var input = await OpenAsync(path, displayName, context, ct))
            {
                await foreach (var row in input.ReadAsync(ct))
                {
                    if (columns.DomainOf(row) is not { } domain)
                    {
                        var problem = Columns.Get(row, columns.Domain) is { } given
                            ? $"'{given}' in column {header[columns.Domain]} is not a domain or website"
                            : "no domain: give a domain or website column, or an email";
                        await WriteAsync(row, new FindResult(row.Line, null, "error", null, ["missing_domain"], "", null, null, [], problem), null);
                        continue;
                    }

                    if (!buffers.TryGetValue(domain, out var list))
                    {
                        buffers[domain] = list = [];
                    }

                    list.Add(row);
                    buffered++;
                    var left = remaining[domain] -= 1;
                    if (left == 0 || list.Count >= DomainBatch)
                    {
                        buffers.Remove(domain);
                        buffered -= list.Count;
                        await DispatchAsync(domain, list, last: left == 0);
                    }
                    else if (buffered >= MaxBuffered)
                    {
                        // Rows of many domains spread thinly over a huge file: send the largest half on their way
                        // (each still learns from all of its domain's known addresses, gathered in pass 1).
                        foreach (var (largest, rows) in buffers.OrderByDescending(b => b.Value.Count).ToList())
                        {
                            buffers.Remove(largest);
                            buffered -= rows.Count;
                            await DispatchAsync(largest, rows, last: false);
                            if (buffered < MaxBuffered / 2)
                            {
                                break;
                            }
                        }
                    }
                }
            }

            await Task.WhenAll(inFlight);
        }
        finally
        {
            // On an error or Ctrl-C, the domains under way finish (or see the cancellation) before the writer goes.
            await Task.WhenAll(inFlight).ContinueWith(static _ => { }, TaskScheduler.Default);
        }
    }

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

    private static async Task<string> SpoolAsync(string path, TextReader stdin, CancellationToken ct)
    {
        var spool = Path.Combine(Path.GetTempPath(), $"enrichment-find-{Guid.NewGuid():N}.csv");
        using var source = path == "-" ? null : new StreamReader(path);
        var reader = source ?? stdin;
        await using var file = new StreamWriter(spool);
        var buffer = new char[81920];
        int read;
        while ((read = await reader.ReadAsync(buffer, ct)) > 0)
        {
            await file.WriteAsync(buffer.AsMemory(0, read), ct);
        }

        return spool;
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

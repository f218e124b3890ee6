using System.CommandLine;
using System.Globalization;
using Enrichment.Cli.Input;
using Enrichment.Cli.Output;
using Enrichment.Import;
using Enrichment.Verification;
using Enrichment.Verification.Smtp;

namespace Enrichment.Cli.Verification;

/// <summary>
/// <c>enrichment verify [FILE|-]</c>: one address a line, or a list with an email column (any separator, encoding and
/// header language the import module reads). Writes every input column followed by the result columns, in input
/// order (or as finished with <c>--unordered</c>); rows the import rejected come out in place with status
/// <c>rejected</c> and the reason.
/// </summary>
public static class VerifyCommand
{
    public const string Rejected = "rejected";

    public static readonly OutputColumn[] ResultColumns =
    [
        new("line", ColumnKind.Number), new("email"), new("normalized"), new("status"), new("risk", ColumnKind.Number),
        new("reasons", ColumnKind.List), new("mx_host"), new("catch_all", ColumnKind.Boolean), new("smtp_code", ColumnKind.Number),
        new("enhanced_code"), new("smtp_text"), new("tls", ColumnKind.Boolean), new("verified_at"), new("suggestion"), new("detail"),
        new("duplicate", ColumnKind.Boolean),
    ];

    private const int StatusColumn = 3;
    private const int ReasonsColumn = 5;
    private const int DetailColumn = 14;

    public static Command Create(CliContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var file = new Argument<string>("file") { Description = "input file, or - for stdin", DefaultValueFactory = _ => "-" };
        var format = new Option<string>("--format", "-f") { Description = "csv or jsonl", DefaultValueFactory = _ => "csv" };
        var output = new Option<string?>("--output", "-o") { Description = "output file (default: stdout)" };
        var unordered = new Option<bool>("--unordered") { Description = "write rows as they finish instead of in input order (no temporary files)" };
        var noGuard = new Option<bool>("--no-formula-guard") { Description = "write CSV cells starting with = + - @ as they are (default: prefixed with ')" };
        var input = new InputOptions();
        var engine = new EngineOptions();
        var command = new Command("verify", "Verify email addresses: syntax, MX, SMTP, bounce risk") { file, format, output, unordered, noGuard };
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
            using var built = engine.Build(parse, context.Error);
            await using var list = await ListInput.OpenAsync(context, path, importOptions, ListImporter.LoadDefault(), ct);
            await built.WarnAboutHeloAsync(ct);
            var layout = new Layout(list.Detection);
            await using var sink = context.OpenOutput(outputPath, path);
            await using var writer = new RecordWriter(sink, outputFormat, layout.Columns, !parse.GetValue(noGuard));
            using var progress = context.CreateProgress("verify", () => Estimate(list), RetryWindow(parse.GetValue(engine.Retry), parse.GetValue(engine.NoSmtp)));
            var interrupted = false;
            try
            {
                var reach = new SmtpReach();
                if (parse.GetValue(unordered))
                {
                    await RunUnorderedAsync(list, built.Verifier, layout, writer, progress, reach, ct);
                }
                else
                {
                    await RunOrderedAsync(list, built.Verifier, layout, writer, progress, reach, ct);
                }

                if (reach.Diagnosis(built.Smtp.Port, built.Smtp.Proxy) is { } diagnosis)
                {
                    await context.Error.WriteLineAsync($"warning: {diagnosis}");
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

            return 0;
        }));
        return command;
    }

    /// <summary>How long greylisting retries can keep rows back: the sum of the --retry waits (validated by the engine).</summary>
    private static TimeSpan RetryWindow(string? retry, bool noSmtp) =>
        noSmtp ? TimeSpan.Zero : TimeSpan.FromSeconds((retry ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Sum(s => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) ? v : 0));

    private static long? Estimate(ListInput list) =>
        list.Fraction is > 0.001 and var f && list.Reader.Report is { } report ? (long)(report.RowsRead / f) : null;

    /// <summary>
    /// Input order with bounded memory: rows go to a record spool as the verifier reads them, results to sorted runs as
    /// they finish; then both are merged in input order. Interrupted, the rows finished so far are still written (in
    /// order, unfinished ones left out) before the temporary files go.
    /// </summary>
    private static async Task RunOrderedAsync(ListInput list, EmailVerifier verifier, Layout layout, RecordWriter writer, Progress progress, SmtpReach reach, CancellationToken ct)
    {
        using var temp = PrivateTempDirectory.Create("enrichment-verify-");
        using var records = new RecordSpool(temp, "records.bin");
        using var results = new ResultRuns(temp);
        OperationCanceledException? cancelled = null;
        try
        {
            await foreach (var result in verifier.VerifyAsync(Requests(list, records.Add, ct), ct))
            {
                results.Add(result.Id, ToRow(result));
                reach.Add(result);
            }
        }
        catch (OperationCanceledException ex)
        {
            cancelled = ex;
        }

        using var merged = results.Merged().GetEnumerator();
        var hasResult = merged.MoveNext();
        foreach (var record in records.ReadAll())
        {
            string?[]? row = null;
            if (!record.Verified)
            {
                row = RejectedRow(record);
            }
            else
            {
                while (hasResult && merged.Current.Sequence < record.Sequence)
                {
                    hasResult = merged.MoveNext();
                }

                if (hasResult && merged.Current.Sequence == record.Sequence)
                {
                    row = merged.Current.Values;
                }
            }

            if (row is not null)
            {
                await WriteAsync(writer, layout, record, row, progress, CancellationToken.None);
            }
        }

        if (cancelled is not null)
        {
            throw cancelled;
        }
    }

    /// <summary>As finished: rows wait in memory only while their address is being verified.</summary>
    private static async Task RunUnorderedAsync(ListInput list, EmailVerifier verifier, Layout layout, RecordWriter writer, Progress progress, SmtpReach reach, CancellationToken ct)
    {
        var waiting = new Dictionary<long, SpooledRecord>();
        var ready = new Queue<SpooledRecord>();
        var gate = new Lock();
        void Add(SpooledRecord record)
        {
            lock (gate)
            {
                if (record.Verified)
                {
                    waiting[record.Sequence] = record;
                }
                else
                {
                    ready.Enqueue(record);
                }
            }
        }

        async Task DrainAsync()
        {
            while (true)
            {
                SpooledRecord? next;
                lock (gate)
                {
                    ready.TryDequeue(out next);
                }

                if (next is null)
                {
                    return;
                }

                await WriteAsync(writer, layout, next, RejectedRow(next), progress, ct);
            }
        }

        await foreach (var result in verifier.VerifyAsync(Requests(list, Add, ct), ct))
        {
            SpooledRecord record;
            lock (gate)
            {
                record = waiting[result.Id];
                waiting.Remove(result.Id);
            }

            await DrainAsync();
            await WriteAsync(writer, layout, record, ToRow(result), progress, ct);
            reach.Add(result);
        }

        await DrainAsync();
    }

    /// <summary>Every data row goes to <paramref name="keep"/>; the ones with an email go on to the verifier.</summary>
    private static async IAsyncEnumerable<VerificationRequest> Requests(ListInput list, Action<SpooledRecord> keep, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        long sequence = 0;
        var emailColumn = list.Detection.Column(ContactField.Email)?.Column ?? -1;
        await foreach (var record in list.Reader.ReadAsync(ct))
        {
            var emailCell = emailColumn >= 0 && emailColumn < record.Fields.Length ? record.Fields[emailColumn] : null;
            if (record.Rejection is { } rejection)
            {
                keep(new SpooledRecord(sequence++, record.Line, record.Fields, false, false, emailCell, rejection.Reason, Describe(rejection)));
            }
            else if (record.Contact!.EmailInput is { } email)
            {
                keep(new SpooledRecord(sequence, record.Line, record.Fields, true, record.Duplicate, email, null, null));
                yield return new VerificationRequest(sequence++, email);
            }
            else
            {
                keep(new SpooledRecord(sequence++, record.Line, record.Fields, false, false, emailCell, "no_email",
                    "no email to verify; to find one for this person, use enrichment find"));
            }
        }
    }

    private static string Describe(ImportRejection rejection) =>
        rejection.Column is { } column ? string.Create(CultureInfo.InvariantCulture, $"{rejection.Detail} (column {column})") : rejection.Detail;

    private static string?[] RejectedRow(SpooledRecord record)
    {
        var row = new string?[ResultColumns.Length - 1];
        row[1] = record.Email ?? "";
        row[StatusColumn] = Rejected;
        row[ReasonsColumn] = record.Reason;
        row[DetailColumn] = record.Detail;
        return row;
    }

    private static async Task WriteAsync(RecordWriter writer, Layout layout, SpooledRecord record, string?[] result, Progress progress, CancellationToken ct)
    {
        var values = new string?[layout.Columns.Count];
        var inputs = layout.InputColumns;
        for (var i = 0; i < inputs && i < record.Fields.Length; i++)
        {
            values[i] = record.Fields[i];
        }

        result.CopyTo(values, inputs);
        values[inputs] = record.Line.ToString(CultureInfo.InvariantCulture);
        values[inputs + ResultColumns.Length - 1] = record.Verified ? (record.Duplicate ? "true" : "false") : null;
        if (inputs > 0 && record.Fields.Length > inputs)
        {
            // Fields beyond the header have no column to go to: say so rather than drop them silently.
            var note = string.Create(CultureInfo.InvariantCulture, $"row has {record.Fields.Length} fields, the header {inputs}");
            values[inputs + DetailColumn] = string.IsNullOrEmpty(values[inputs + DetailColumn]) ? note : values[inputs + DetailColumn] + "; " + note;
        }

        await writer.WriteAsync(values, ct);
        progress.Advance(values[inputs + StatusColumn] ?? "");
    }

    /// <summary>The result columns of one verdict (without the duplicate flag, which comes from the import).</summary>
    public static string?[] ToRow(VerificationResult r)
    {
        ArgumentNullException.ThrowIfNull(r);
        return
        [
            r.Id.ToString(CultureInfo.InvariantCulture),
            r.Input,
            r.Normalized,
            VerificationResult.StatusText(r.Status),
            r.Risk.ToString(CultureInfo.InvariantCulture),
            string.Join('|', r.Reasons),
            r.MxHost,
            Bool(r.CatchAll),
            r.SmtpCode?.ToString(CultureInfo.InvariantCulture),
            r.EnhancedCode,
            r.SmtpText,
            Bool(r.Tls),
            r.VerifiedAt.ToString("O", CultureInfo.InvariantCulture),
            r.Suggestion,
            r.Detail,
        ];
    }

    /// <summary>The output columns: the input's (its header, or column_N without one; none for a one-column list), then ours.</summary>
    private sealed class Layout
    {
        public Layout(ImportDetection detection)
        {
            IReadOnlyList<string> input = detection.HasHeader
                ? [.. detection.Header.Select((h, i) => string.IsNullOrWhiteSpace(h) ? $"column_{i + 1}" : h)]
                : detection.SeparatorSource == "single-column" ? [] : [.. Enumerable.Range(1, HeadlessWidth(detection)).Select(i => $"column_{i}")];
            InputColumns = input.Count;
            Columns = OutputColumn.Combine(input, ResultColumns, "result_");
        }

        public int InputColumns { get; }

        public List<OutputColumn> Columns { get; }

        private static int HeadlessWidth(ImportDetection detection) => detection.Mapping.Max(m => m.Column) + 1;
    }

    /// <summary>
    /// Notices the commonest failure of verifiers: outbound port 25 blocked (most clouds), which turns every
    /// verdict into "unknown". One clear line beats a file full of no_connect.
    /// </summary>
    internal sealed class SmtpReach
    {
        private int _answered;
        private int _unreachable;

        public void Add(VerificationResult result)
        {
            if (result.SmtpCode is not null)
            {
                _answered++;
            }
            else if (result.Reasons.Contains(Reasons.NoConnect) || result.Reasons.Contains(Reasons.Timeout))
            {
                _unreachable++;
            }
        }

        /// <summary>The end-of-run line when no MX host answered at all; null when some did (or none was tried).</summary>
        public string? Diagnosis(int port, SmtpProxy? proxy) => (_answered, _unreachable, proxy) switch
        {
            (> 0, _, _) or (_, 0, _) => null,
            (_, _, null) => $"could not reach any MX host on port {port} ({_unreachable} addresses unknown); outbound port {port} is probably blocked here: "
                + $"run from a host that may send mail, or send the sessions through a SOCKS5 proxy with --proxy socks5://[user:pass@]host:port",
            (_, _, { } through) => $"could not reach any MX host on port {port} through the proxy {through} ({_unreachable} addresses unknown): "
                + $"check that the proxy is up and allows outbound connections to port {port}",
        };
    }

    private static string? Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };
}

using System.CommandLine;
using System.Globalization;
using Enrichment.Cli.Input;
using Enrichment.Cli.Output;
using Enrichment.Verification;

namespace Enrichment.Cli.Verification;

/// <summary><c>enrichment verify [FILE|-]</c>: one address a line, or a CSV with an email column.</summary>
public static class VerifyCommand
{
    public static readonly string[] Columns =
    [
        "line", "email", "normalized", "status", "risk", "reasons", "mx_host", "catch_all", "smtp_code",
        "enhanced_code", "smtp_text", "tls", "verified_at", "suggestion", "detail",
    ];

    internal static readonly string[] EmailColumnNames = ["email", "e_mail", "email_address", "emailaddress", "mail"];

    public static Command Create(CliContext context)
    {
        var file = new Argument<string>("file") { Description = "input file, or - for stdin", DefaultValueFactory = _ => "-" };
        var format = new Option<OutputFormat>("--format", "-f") { Description = "csv or jsonl", DefaultValueFactory = _ => OutputFormat.Csv };
        var output = new Option<string?>("--output", "-o") { Description = "output file (default: stdout)" };
        var engine = new EngineOptions();
        var command = new Command("verify", "Verify email addresses: syntax, MX, SMTP, bounce risk") { file, format, output };
        foreach (var option in engine.All)
        {
            command.Options.Add(option);
        }

        command.SetAction((parse, ct) => CliContext.GuardAsync(context, async () =>
        {
            var path = CliContext.InputPath(parse.GetValue(file));
            await using var input = await InputFile.OpenAsync(path, context.Input, h => h.Any(EmailColumnNames.Contains), ct);
            using var built = engine.Build(parse, context.Error);
            await built.WarnAboutHeloAsync(ct);
            var emailColumn = input.Header is null ? 0 : input.Column(EmailColumnNames);
            await using var sink = context.OpenOutput(parse.GetValue(output), path);
            await using var writer = new RecordWriter(sink, parse.GetValue(format), Columns);
            using var progress = context.ShowProgress ? new Progress(context.Error, CliContext.CountLines(path, input.Header is not null), TimeProvider.System) : null;

            async IAsyncEnumerable<VerificationRequest> Requests()
            {
                await foreach (var row in input.ReadAsync(ct))
                {
                    yield return new VerificationRequest(row.Line, emailColumn < row.Fields.Length ? row.Fields[emailColumn] : "");
                }
            }

            var reach = new SmtpReach();
            await foreach (var result in built.Verifier.VerifyAsync(Requests(), ct))
            {
                await writer.WriteAsync(ToRow(result), ct);
                reach.Add(result);
                progress?.Advance();
            }

            if (reach.Diagnosis(built.Smtp.Port) is { } diagnosis)
            {
                await context.Error.WriteLineAsync($"warning: {diagnosis}");
            }

            return 0;
        }));
        return command;
    }

    public static string?[] ToRow(VerificationResult r) =>
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

        public string? Diagnosis(int port) => _answered == 0 && _unreachable > 0
            ? $"could not reach any MX host on port {port} ({_unreachable} addresses unknown); outbound port {port} is probably blocked here: run from a host that may send mail"
            : null;
    }

    private static string? Bool(bool? value) => value switch
    {
        true => "true",
        false => "false",
        null => null,
    };
}

using Enrichment.Cli.Input;
using Enrichment.Cli.Output;

namespace Enrichment.Cli;

/// <summary>The process's streams, passed in so tests run the CLI in-process.</summary>
/// <param name="showProgress">stderr is a terminal: progress redrawn in place.</param>
/// <param name="logProgress">stderr is redirected: a progress line every few seconds.</param>
/// <param name="openStdin">The raw stdin bytes (the process's); tests leave it null and stdin is <paramref name="input"/> as UTF-8.</param>
public sealed class CliContext(TextReader input, TextWriter output, TextWriter error, bool showProgress, bool logProgress = false, Func<Stream>? openStdin = null)
{
    public TextReader Input => input;
    public TextWriter Output => output;
    public TextWriter Error => error;
    public bool ShowProgress => showProgress;

    public TimeProvider Time { get; init; } = TimeProvider.System;

    /// <summary>stdin as bytes, so its encoding is sniffed like a file's.</summary>
    public Stream OpenInput() => openStdin?.Invoke() ?? new TextReaderStream(input);

    public Progress CreateProgress(string verb, Func<long?> total, TimeSpan longestRetry) =>
        new(error, showProgress ? ProgressStyle.Terminal : logProgress ? ProgressStyle.Log : ProgressStyle.None, verb, Time, total, longestRetry);

    /// <summary>The output: stdout, or a file that must not be the input (writing would destroy what is being read).</summary>
    public TextWriter OpenOutput(string? path, string inputPath)
    {
        CheckOutput(path, inputPath);
        return path is null or "-" ? new NonClosingWriter(output) : new StreamWriter(path, append: false);
    }

    /// <summary>Refuses, before anything is read, an output that cannot or must not be written.</summary>
    public static void CheckOutput(string? path, string inputPath)
    {
        if (path is null or "-")
        {
            return;
        }

        if (Directory.Exists(path))
        {
            throw new ArgumentException($"--output {path} is a directory; give a file name, e.g. --output {Path.Combine(path, "results.csv")}");
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(path));
        if (folder is not null && !Directory.Exists(folder))
        {
            throw new ArgumentException($"--output {path}: the folder {folder} does not exist; create it first or write elsewhere");
        }

        if (inputPath != "-" && string.Equals(Path.GetFullPath(path), Path.GetFullPath(inputPath), StringComparison.Ordinal))
        {
            throw new ArgumentException($"--output {path} is the input file; write the results elsewhere");
        }
    }

    /// <summary>The FILE argument; an unknown option lands here, so it is refused as one.</summary>
    public static string InputPath(string? path) =>
        path is null or "-" ? "-"
        : path.StartsWith('-') ? throw new ArgumentException($"unknown option '{path}' (see enrichment --help)")
        : Directory.Exists(path) ? throw new ArgumentException($"{path} is a directory; give the list's file name, or - for stdin")
        : File.Exists(path) ? path
        : throw new FileNotFoundException($"{path}: no such file", path);

    /// <summary>--format: csv or jsonl (any case).</summary>
    public static OutputFormat ParseFormat(string? format) => format?.Trim().ToLowerInvariant() switch
    {
        null or "" or "csv" => OutputFormat.Csv,
        "jsonl" or "json" or "ndjson" => OutputFormat.Jsonl,
        _ => throw new ArgumentException($"--format {format}: use csv or jsonl"),
    };

    /// <summary>Runs a command body: usage and I/O errors become a one-line message and a non-zero exit code.</summary>
    public static async Task<int> GuardAsync(CliContext context, Func<Task<int>> body)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(body);
        try
        {
            return await body();
        }
        catch (ArgumentException ex)
        {
            await context.Error.WriteLineAsync($"enrichment: {OneLine(ex.Message)}");
            return ExitCodes.Usage;
        }
        catch (OperationCanceledException)
        {
            await context.Error.WriteLineAsync("enrichment: interrupted; the output holds the rows finished so far");
            return ExitCodes.Interrupted;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await context.Error.WriteLineAsync($"enrichment: {OneLine(ex.Message)}");
            return ExitCodes.IoError;
        }
    }

    public static string OneLine(string message) =>
        string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private sealed class NonClosingWriter(TextWriter inner) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;
        public override void Write(char value) => inner.Write(value);
        public override void Write(string? value) => inner.Write(value);
        public override void Write(ReadOnlySpan<char> buffer) => inner.Write(buffer);
        public override Task WriteAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => inner.WriteAsync(buffer, cancellationToken);
        public override Task WriteLineAsync(ReadOnlyMemory<char> buffer, CancellationToken cancellationToken = default) => inner.WriteLineAsync(buffer, cancellationToken);
        public override Task FlushAsync() => inner.FlushAsync();
        public override void Flush() => inner.Flush();
    }
}

public static class ExitCodes
{
    public const int Ok = 0;
    public const int IoError = 1;
    public const int Usage = 2;

    /// <summary>Ctrl-C (SIGINT): 128 + 2, as shells report it.</summary>
    public const int Interrupted = 130;

    /// <summary>SIGTERM (timeout, docker stop, kill): 128 + 15.</summary>
    public const int Terminated = 143;
}

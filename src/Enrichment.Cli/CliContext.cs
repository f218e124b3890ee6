using System.CommandLine;

namespace Enrichment.Cli;

/// <summary>The process's streams, passed in so tests run the CLI in-process.</summary>
public sealed class CliContext(TextReader input, TextWriter output, TextWriter error, bool showProgress)
{
    public TextReader Input => input;
    public TextWriter Output => output;
    public TextWriter Error => error;
    public bool ShowProgress => showProgress;

    /// <summary>The output: stdout, or a file that must not be the input (writing would destroy what is being read).</summary>
    public TextWriter OpenOutput(string? path, string inputPath)
    {
        CheckOutput(path, inputPath);
        return path is null or "-" ? new NonClosingWriter(output) : new StreamWriter(path, append: false);
    }

    public static void CheckOutput(string? path, string inputPath)
    {
        if (path is not (null or "-") && inputPath != "-"
            && string.Equals(Path.GetFullPath(path), Path.GetFullPath(inputPath), StringComparison.Ordinal))
        {
            throw new ArgumentException($"--output {path} is the input file; write the results elsewhere");
        }
    }

    /// <summary>
    /// True for a file that can be read twice (a regular file), false for a pipe or FIFO such as <c>&lt;(…)</c>,
    /// which a second reader would drain.
    /// </summary>
    public static bool IsRereadable(string path)
    {
        if (path == "-")
        {
            return false;
        }

        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, bufferSize: 1);
        return stream.CanSeek;
    }

    /// <summary>The FILE argument; an unknown option lands here, so it is refused as one.</summary>
    public static string InputPath(string? path) =>
        path is null or "-" ? "-"
        : path.StartsWith('-') ? throw new ArgumentException($"unknown option '{path}'")
        : File.Exists(path) ? path
        : throw new FileNotFoundException($"{path}: no such file", path);

    /// <summary>Data lines in a file, for the ETA (null for stdin: unknown).</summary>
    public static long? CountLines(string path, bool hasHeader)
    {
        if (!IsRereadable(path))
        {
            return null;
        }

        long lines = 0;
        foreach (var _ in File.ReadLines(path))
        {
            lines++;
        }

        return hasHeader ? lines - 1 : lines;
    }

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
    public const int Interrupted = 130;
}

/// <summary>The command tree.</summary>
public static class CliApp
{
    public static async Task<int> RunAsync(string[] args, CliContext context, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(context);
        var root = new RootCommand("Enrichment: contact enrichment and email verification")
        {
            Verification.VerifyCommand.Create(context),
            Finding.FindCommand.Create(context),
            Keys.KeysCommand.Create(context),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await context.Error.WriteLineAsync($"enrichment: {CliContext.OneLine(parse.Errors[0].Message)} (see enrichment --help)");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error }, cancellationToken);
    }
}

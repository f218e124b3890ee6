using System.CommandLine;

namespace Enrichment.Cli;

/// <summary>The process's streams, passed in so tests run the CLI in-process.</summary>
public sealed class CliContext(TextReader input, TextWriter output, TextWriter error, bool showProgress)
{
    public TextReader Input => input;
    public TextWriter Output => output;
    public TextWriter Error => error;
    public bool ShowProgress => showProgress;

    public TextWriter OpenOutput(string? path) =>
        path is null or "-" ? new NonClosingWriter(output) : new StreamWriter(path, append: false);

    /// <summary>The FILE argument; an unknown option lands here, so it is refused as one.</summary>
    public static string InputPath(string? path) =>
        path is null or "-" ? "-"
        : path.StartsWith('-') ? throw new ArgumentException($"unknown option '{path}'")
        : File.Exists(path) ? path
        : throw new FileNotFoundException($"{path}: no such file", path);

    /// <summary>Data lines in a file, for the ETA (null for stdin: unknown).</summary>
    public static long? CountLines(string path, bool hasHeader)
    {
        if (path == "-")
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
            await context.Error.WriteLineAsync($"enrichment: {ex.Message}");
            return ExitCodes.Usage;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            await context.Error.WriteLineAsync($"enrichment: {ex.Message}");
            return ExitCodes.IoError;
        }
    }

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
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            await context.Error.WriteLineAsync($"enrichment: {parse.Errors[0].Message} (see enrichment --help)");
            return ExitCodes.Usage;
        }

        return await parse.InvokeAsync(new InvocationConfiguration { Output = context.Output, Error = context.Error }, cancellationToken);
    }
}

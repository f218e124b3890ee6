using System.Diagnostics;
using System.Globalization;

namespace Enrichment.Benchmarks;

/// <summary>
/// Peak memory of <c>enrichment verify</c> on a 1,000,000-line input (target ≤ 200 MB), against the
/// same CLI on 10,000 lines in the same run: flat memory means the ratio stays near 1.
/// </summary>
internal static class CliMemory
{
    public static async Task<int> RunAsync(string[] args)
    {
        var lines = SmtpThroughput.Arg(args, "--lines", 1_000_000);
        var domains = SmtpThroughput.Arg(args, "--domains", 2_000);
        var cli = Path.Combine(AppContext.BaseDirectory, "enrichment.dll");
        if (!File.Exists(cli))
        {
            Console.Error.WriteLine($"CLI not found at {cli}");
            return 1;
        }

        await using var env = BenchEnvironment.Start(domains, TimeSpan.Zero);
        var baseline = await RunCliAsync(cli, env, 10_000, domains);
        var large = await RunCliAsync(cli, env, lines, domains);
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"peak RSS ratio {lines:N0} lines / 10,000 lines: {large.PeakMb / baseline.PeakMb:F2}x; {lines:N0} lines peak {large.PeakMb:F0} MB (target <= 200 MB)"));
        return large.PeakMb <= 200 && large.OutputRows == lines ? 0 : 1;
    }

    private sealed record CliRun(double PeakMb, long OutputRows, double Seconds);

    private static async Task<CliRun> RunCliAsync(string cli, BenchEnvironment env, int lines, int domains)
    {
        var input = Path.Combine(Path.GetTempPath(), $"enrichment-bench-{lines}.txt");
        var output = Path.Combine(Path.GetTempPath(), $"enrichment-bench-{lines}.csv");
        await using (var writer = new StreamWriter(input))
        {
            var random = new Random(7);
            for (var i = 0; i < lines; i++)
            {
                // 1 % malformed lines: they must come out as rows with their line number, not vanish.
                await writer.WriteLineAsync(i % 100 == 99
                    ? $"broken line {i}"
                    : $"{(random.Next(5) == 0 ? "x" : "p")}{i}@{env.Domains[random.Next(domains)]}");
            }
        }

        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                cli, "verify", input, "--output", output, "--nameserver", env.Dns.EndPoint.ToString(),
                "--smtp-port", env.Smtp.Port.ToString(CultureInfo.InvariantCulture), "--helo", "bench.enrichment.test",
                "--retry", "", "--concurrency", "32",
            },
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        long peakKb = 0;
        while (!process.HasExited)
        {
            peakKb = Math.Max(peakKb, ReadPeakKb(process.Id));
            await Task.Delay(100);
        }

        await process.WaitForExitAsync();
        clock.Stop();
        var rows = File.ReadLines(output).LongCount() - 1;
        var peakMb = peakKb / 1024.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{lines,9:N0} lines: exit {process.ExitCode}, {rows:N0} rows out, {clock.Elapsed.TotalSeconds:F1} s ({lines / clock.Elapsed.TotalSeconds:F0} lines/s), peak RSS {peakMb:F0} MB"));
        var errors = await stderr;
        if (process.ExitCode != 0 || errors.Length > 0)
        {
            Console.WriteLine("  stderr: " + errors.Trim());
        }

        File.Delete(input);
        File.Delete(output);
        return new CliRun(peakMb, rows, clock.Elapsed.TotalSeconds);
    }

    /// <summary>VmHWM: the kernel's own high-water mark of the process's resident set.</summary>
    internal static long ReadPeakKb(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
            // the process ended between the check and the read
        }

        return 0;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Enrichment.Benchmarks;

/// <summary>
/// Peak memory of <c>enrichment verify --no-smtp</c> writing a 1,000,000-row CRM export (7 columns) back in input
/// order (spooled rows + sorted result runs), against the same CLI with <c>--unordered</c> on the same file in the same
/// run. Target: ≤ 250 MB in input order. DNS is the fake server on loopback.
///   dotnet run -c Release --project tests/Enrichment.Benchmarks -- verify-ordered [--rows 1000000] [--domains 2000]
/// </summary>
internal static class VerifyOrdered
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = SmtpThroughput.Arg(args, "--rows", 1_000_000);
        var domains = SmtpThroughput.Arg(args, "--domains", 2_000);
        var cli = Path.Combine(AppContext.BaseDirectory, "enrichment.dll");
        await using var env = BenchEnvironment.Start(domains, TimeSpan.Zero);
        var input = Path.Combine(Path.GetTempPath(), $"enrichment-verify-ordered-{rows}.csv");
        Generate(input, rows, env.Domains);
        try
        {
            var unordered = await RunCliAsync(cli, env, input, rows, "--unordered");
            var ordered = await RunCliAsync(cli, env, input, rows, null);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"input order / as finished: peak RSS {ordered.PeakMb / unordered.PeakMb:F2}x, time {ordered.Seconds / unordered.Seconds:F2}x; in order {ordered.PeakMb:F0} MB (target <= 250 MB: {(ordered.PeakMb <= 250 ? "met" : "MISSED")})"));
            return ordered.PeakMb <= 250 && ordered.InOrder && ordered.OutputRows == rows ? 0 : 1;
        }
        finally
        {
            File.Delete(input);
        }
    }

    private static void Generate(string path, int rows, IReadOnlyList<string> domains)
    {
        var random = new Random(5);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(false));
        writer.Write("Record ID,First Name,Last Name,Email,Company Name,Website URL,Job Title\r\n");
        for (var i = 0; i < rows; i++)
        {
            var domain = domains[random.Next(domains.Count)];
            writer.Write(FormattableString.Invariant($"{i},Zoë,Müller,p{i}@{domain},\"Company, Inc.\",https://www.{domain}/,Head of Sales\r\n"));
        }
    }

    private sealed record CliRun(double PeakMb, long OutputRows, double Seconds, bool InOrder);

    private static async Task<CliRun> RunCliAsync(string cli, BenchEnvironment env, string input, int rows, string? mode)
    {
        var output = Path.Combine(Path.GetTempPath(), $"enrichment-verify-ordered-{rows}.out.csv");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { cli, "verify", input, "--output", output, "--no-smtp", "--nameserver", env.Dns.EndPoint.ToString() })
        {
            start.ArgumentList.Add(arg);
        }

        if (mode is not null)
        {
            start.ArgumentList.Add(mode);
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        long peakKb = 0;
        while (!process.HasExited)
        {
            peakKb = Math.Max(peakKb, CliMemory.ReadPeakKb(process.Id));
            await Task.Delay(100);
        }

        await process.WaitForExitAsync();
        clock.Stop();
        long count = 0;
        long previous = -1;
        var inOrder = true;
        foreach (var line in File.ReadLines(output).Skip(1))
        {
            var id = long.Parse(line.AsSpan(0, line.IndexOf(',', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
            inOrder &= id > previous;
            previous = id;
            count++;
        }

        File.Delete(output);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{mode ?? "in order",-12} {rows:N0} rows: exit {process.ExitCode}, {count:N0} rows out ({(inOrder ? "in input order" : "as finished")}), {clock.Elapsed.TotalSeconds:F1} s ({rows / clock.Elapsed.TotalSeconds:N0} rows/s), peak RSS {peakKb / 1024.0:F0} MB"));
        var errors = (await stderr).Trim();
        Console.WriteLine("  " + errors.Split('\n').LastOrDefault());
        return new CliRun(peakKb / 1024.0, count, clock.Elapsed.TotalSeconds, inOrder);
    }
}

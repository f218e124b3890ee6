using System.Diagnostics;
using System.Globalization;
using System.Text;
using CsvHelper;
using Enrichment.Import;

namespace Enrichment.Benchmarks;

/// <summary>
/// The import module (sniff, decode, map, validate, dedupe) on a CRM-shaped CSV of 1,000,000 rows and 7 columns,
/// against raw CSV parsing of the same file by CsvHelper (every field read as a string) in the same run. Each side
/// runs in its own child process so peak RSS (VmHWM) is its own. Targets: ≥ 250,000 rows/s and ≤ 200 MB.
///   dotnet run -c Release --project tests/Enrichment.Benchmarks -- import-speed [--rows 1000000]
/// </summary>
internal static class ImportSpeed
{
    private static readonly string[] Firsts =
    [
        "Jürgen", "Amélie", "José", "Siobhán", "Łukasz", "Zoë", "Søren", "Ngozi", "Aiyana", "Mateus", "Hiroshi", "Priya",
        "Olumide", "Nguyễn", "Fatima", "Dmitri", "Ingrid", "Thandiwe", "Mei", "Kwame", "Anaïs", "Björn", "Oğuz", "Chloé",
    ];

    private static readonly string[] Lasts =
    [
        "Müller", "Dubois", "García", "Ó Briain", "Wiśniewski", "van der Berg", "Sørensen", "Okafor", "Yazzie", "Gonçalves",
        "Tanaka", "Raghunathan", "Adeyemi", "Văn An", "Al-Hashimi", "Ivanov", "Lindqvist", "Dlamini", "Chen", "Mensah",
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length >= 2 && args[0] == "--child")
        {
            return await ChildAsync(args[1], args[2]);
        }

        var rows = SmtpThroughput.Arg(args, "--rows", 1_000_000);
        var file = Path.Combine(Path.GetTempPath(), $"enrichment-import-bench-{rows}.csv");
        Generate(file, rows);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows, {new FileInfo(file).Length / 1048576.0:F0} MB"));
        try
        {
            var raw = await RunChildAsync("raw", file);
            var module = await RunChildAsync("module", file);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"raw CsvHelper: {raw.Rows:N0} rows, {raw.Rows / raw.Seconds:N0} rows/s ({raw.Rows / raw.CpuSeconds:N0} rows per CPU second), peak RSS {raw.PeakMb:F0} MB"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"import module: {module.Rows:N0} rows, {module.Rows / module.Seconds:N0} rows/s ({module.Rows / module.CpuSeconds:N0} rows per CPU second), peak RSS {module.PeakMb:F0} MB; {module.Summary}"));
            var rate = module.Rows / module.Seconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"module / raw: speed {rate / (raw.Rows / raw.Seconds):F2}x (per CPU second {raw.CpuSeconds / module.CpuSeconds * module.Rows / raw.Rows:F2}x), memory {module.PeakMb / raw.PeakMb:F2}x (targets >= 250,000 rows/s: {(rate >= 250_000 ? "met" : "MISSED")}, <= 200 MB: {(module.PeakMb <= 200 ? "met" : "MISSED")})"));
            return rate >= 250_000 && module.PeakMb <= 200 && module.Rows == rows ? 0 : 1;
        }
        finally
        {
            File.Delete(file);
        }
    }

    /// <summary>HubSpot-like: id, names, email (2 % duplicates, 1 % blank), company (some with commas, quoted), website, title.</summary>
    internal static void Generate(string path, int rows)
    {
        var random = new Random(11);
        using var writer = new StreamWriter(path, false, new UTF8Encoding(true));
        writer.Write("Record ID,First Name,Last Name,Email,Company Name,Website URL,Job Title\r\n");
        for (var i = 0; i < rows; i++)
        {
            var first = Firsts[random.Next(Firsts.Length)];
            var last = Lasts[random.Next(Lasts.Length)];
            var company = random.Next(10) == 0 ? $"\"Company {i % 50_000}, Inc.\"" : $"Company {i % 50_000} GmbH";
            var domain = $"company{i % 50_000}.example";
            // 2 % repeat an earlier row's address (duplicates), 1 % have none (people to find).
            var n = random.Next(50) == 0 ? Math.Max(0, i - 1000) : i;
            var email = random.Next(100) == 0 ? "" : $"p{n}@company{n % 50_000}.example";
            writer.Write(FormattableString.Invariant($"{100000 + i},{first},{last},{email},{company},https://www.{domain}/about,Head of Sales Operations\r\n"));
        }
    }

    /// <summary>Seconds is wall time; CpuSeconds the process's processor time, the steadier figure on a shared, loaded machine.</summary>
    private sealed record ChildRun(long Rows, double Seconds, double CpuSeconds, double PeakMb, string Summary);

    private static async Task<ChildRun> RunChildAsync(string mode, string file)
    {
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, UseShellExecute = false };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "Enrichment.Benchmarks.dll"));
        foreach (var arg in new[] { "import-speed", "--child", mode, file })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        var parts = output.Trim().Split('\t');
        return new ChildRun(
            long.Parse(parts[0], CultureInfo.InvariantCulture), double.Parse(parts[1], CultureInfo.InvariantCulture),
            double.Parse(parts[2], CultureInfo.InvariantCulture), double.Parse(parts[3], CultureInfo.InvariantCulture), parts.Length > 4 ? parts[4] : "");
    }

    private static async Task<int> ChildAsync(string mode, string file)
    {
        var clock = Stopwatch.StartNew();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        long rows = 0;
        long chars = 0;
        var summary = "";
        if (mode == "raw")
        {
            using var text = new StreamReader(file, Encoding.UTF8);
            using var csv = CsvReader.Create(text, new CsvReaderOptions { HasHeader = true });
            while (await csv.ReadAsync())
            {
                for (var i = 0; i < csv.FieldCount; i++)
                {
                    chars += csv.GetString(i).Length;
                }

                rows++;
            }
        }
        else
        {
            var importer = ListImporter.LoadDefault();
            await using var reader = await importer.OpenAsync(File.OpenRead(file), new ImportOptions { SourceName = file });
            await foreach (var record in reader.ReadAsync())
            {
                chars += record.Fields.Length;
                rows++;
            }

            summary = reader.Report.Summary();
        }

        clock.Stop();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        GC.KeepAlive(chars);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows}\t{clock.Elapsed.TotalSeconds:F3}\t{cpu.TotalSeconds:F3}\t{PeakKb() / 1024.0:F1}\t{summary}"));
        return 0;
    }

    /// <summary>VmHWM of this process: the kernel's high-water mark of its resident set.</summary>
    internal static long PeakKb()
    {
        foreach (var line in File.ReadLines("/proc/self/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
            {
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture);
            }
        }

        return 0;
    }
}

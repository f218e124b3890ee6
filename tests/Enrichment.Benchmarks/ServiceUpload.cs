using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using Enrichment.Storage.Keys;
using Enrichment.Testing;
using Npgsql;
using NpgsqlTypes;

namespace Enrichment.Benchmarks;

/// <summary>
/// Upload of a CSV list to stored rows through the running service (multipart POST → import module → binary COPY
/// into list_rows), against a raw binary COPY of the same rows (split on commas, five text columns) in the same
/// run, on the same private PostgreSQL cluster. Targets: ≥ 100,000 rows/s and the service's peak RSS ≤ 400 MB.
/// Every measure also prints the CPU seconds of the client and of PostgreSQL: on a shared machine they, not the wall
/// time, say what an upload costs.
///   dotnet run -c Release --project tests/Enrichment.Benchmarks -- service-upload [--rows 1000000] [--quick]
/// </summary>
internal static class ServiceUpload
{
    public static async Task<int> RunAsync(string[] args)
    {
        var rows = SmtpThroughput.Arg(args, "--rows", args.Contains("--quick") ? 100_000 : 1_000_000);
        var file = Path.Combine(Path.GetTempPath(), $"enrichment-upload-bench-{rows}.csv");
        Generate(file, rows);
        var megabytes = new FileInfo(file).Length / 1048576.0;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{rows:N0} rows, {megabytes:F0} MB; load average {ProcessCpu.LoadAverage()} on {Environment.ProcessorCount} cores"));
        await using var postgres = await PostgresServer.StartAsync();
        try
        {
            var copySeconds = await RawCopyAsync(await postgres.CreateDatabaseAsync("bench_raw_copy"), file);
            var (uploadSeconds, stored, peakMb) = await UploadAsync(await postgres.CreateDatabaseAsync("bench_upload"), file, rows);
            var copyRate = rows / copySeconds;
            var uploadRate = rows / uploadSeconds;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"raw binary COPY:    {copySeconds,6:F1} s  {copyRate,9:N0} rows/s"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"service upload:     {uploadSeconds,6:F1} s  {uploadRate,9:N0} rows/s  ({stored:N0} rows stored, service peak RSS {peakMb:F0} MB)"));
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"upload / raw COPY: {uploadRate / copyRate:F2}x; targets: >= 100,000 rows/s ({(uploadRate >= 100_000 ? "met" : "missed")}), <= 400 MB ({(peakMb <= 400 ? "met" : "missed")})"));
            return stored == rows && uploadRate >= 100_000 && peakMb <= 400 ? 0 : 1;
        }
        finally
        {
            File.Delete(file);
        }
    }

    static void Generate(string file, int rows)
    {
        using var writer = new StreamWriter(file);
        writer.Write("Email,First Name,Last Name,Company,Website\n");
        for (var i = 0; i < rows; i++)
        {
            var domain = (i % 20_000).ToString("D5", CultureInfo.InvariantCulture);
            writer.Write(string.Create(CultureInfo.InvariantCulture, $"person{i}@company{domain}.test,First{i % 977},Last{i % 1013},Company {domain},https://www.company{domain}.test/\n"));
        }
    }

    /// <summary>The baseline: read the same file line by line, split on commas, binary COPY five text columns.</summary>
    static async Task<double> RawCopyAsync(string connectionString, string file)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var backend = new NpgsqlCommand("SELECT pg_backend_pid()", connection))
        {
            var postmaster = ProcessCpu.Parent((int)(await backend.ExecuteScalarAsync())!);
            var own = ProcessCpu.Seconds(Environment.ProcessId);
            var server = ProcessCpu.ServerSeconds(postmaster);
            var seconds = await RawCopyRowsAsync(connection, file);
            var rows = File.ReadLines(file).Count() - 1;
            Report("raw binary COPY (baseline)", rows, seconds, ProcessCpu.Seconds(Environment.ProcessId) - own, ProcessCpu.ServerSeconds(postmaster) - server);
            return seconds;
        }
    }

    static async Task<double> RawCopyRowsAsync(NpgsqlConnection connection, string file)
    {
        await using (var create = new NpgsqlCommand("CREATE TABLE raw_rows (email text, first_name text, last_name text, company text, website text)", connection))
            await create.ExecuteNonQueryAsync();
        var clock = Stopwatch.StartNew();
        using var reader = new StreamReader(file);
        await reader.ReadLineAsync();
        await using (var copy = await connection.BeginBinaryImportAsync("COPY raw_rows FROM STDIN (FORMAT BINARY)"))
        {
            while (await reader.ReadLineAsync() is { } line)
            {
                var fields = line.Split(',');
                copy.StartRow();
                foreach (var field in fields)
                    copy.Write(field, NpgsqlDbType.Text);
            }

            await copy.CompleteAsync();
        }

        return clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The like-for-like baseline: the same rows, binary COPY into list_rows itself (primary key, partial indexes) with
    /// the columns the import fills, after the upload (same list, row numbers after offset).
    /// </summary>
    static async Task<double> ListRowsCopyAsync(NpgsqlDataSource dataSource, string file, int offset)
    {
        await using var connection = await dataSource.OpenConnectionAsync();
        await using (var id = new NpgsqlCommand("SELECT max(id) FROM lists", connection))
        {
            var listId = (long)(await id.ExecuteScalarAsync())!;
            var clock = Stopwatch.StartNew();
            using var reader = new StreamReader(file);
            await reader.ReadLineAsync();
            await using (var copy = await connection.BeginBinaryImportAsync(
                "COPY list_rows (list_id, row_no, line, fields, email, domain, first_name, last_name, company, company_domain) FROM STDIN (FORMAT BINARY)"))
            {
                var rowNo = offset;
                while (await reader.ReadLineAsync() is { } line)
                {
                    var fields = line.Split(',');
                    rowNo++;
                    copy.StartRow();
                    copy.Write(listId, NpgsqlDbType.Bigint);
                    copy.Write(rowNo, NpgsqlDbType.Integer);
                    copy.Write(rowNo - offset + 1, NpgsqlDbType.Integer);
                    copy.Write(fields, NpgsqlDbType.Array | NpgsqlDbType.Text);
                    copy.Write(fields[0], NpgsqlDbType.Text);
                    copy.Write(fields[0][(fields[0].IndexOf('@', StringComparison.Ordinal) + 1)..], NpgsqlDbType.Text);
                    copy.Write(fields[1], NpgsqlDbType.Text);
                    copy.Write(fields[2], NpgsqlDbType.Text);
                    copy.Write(fields[3], NpgsqlDbType.Text);
                    copy.Write(fields[4], NpgsqlDbType.Text);
                }

                await copy.CompleteAsync();
            }

            return clock.Elapsed.TotalSeconds;
        }
    }

    static async Task<(double Seconds, long Stored, double PeakMb)> UploadAsync(string connectionString, string file, int rows)
    {
        await using var service = await ServiceProcess.StartAsync(new Dictionary<string, string>
        {
            ["ConnectionStrings__Enrichment"] = connectionString,
            // The list's jobs are not part of this measure (and would reach for DNS): no job server here.
            ["Enrichment__RunJobs"] = "false",
            ["Enrichment__MaxUploadBytes"] = (4L << 30).ToString(CultureInfo.InvariantCulture),
            ["Logging__LogLevel__Enrichment"] = "Information",
        });
        await using var dataSource = NpgsqlDataSource.Create(connectionString);
        var key = await new ApiKeyStore(dataSource).CreateAsync("bench", default);
        using var http = service.Client(key.Key);
        http.Timeout = TimeSpan.FromMinutes(10);
        int postmaster;
        await using (var backend = dataSource.CreateCommand("SELECT pg_backend_pid()"))
            postmaster = ProcessCpu.Parent((int)(await backend.ExecuteScalarAsync())!);

        // On a shared machine wall time mostly measures the neighbours: the CPU seconds of the service and of
        // PostgreSQL per upload say what the upload costs, and what rate two free cores would give.
        var (seconds, serviceCpu, serverCpu) = await MeasuredPostAsync(http, file, service.Id, postmaster);
        await using var count = dataSource.CreateCommand("SELECT count(*) FROM list_rows");
        var stored = (long)(await count.ExecuteScalarAsync())!;
        Report("service upload (cold)", rows, seconds, serviceCpu, serverCpu);
        // The same upload again into the now warm service: the first one also pays for JIT and cold caches, which a
        // long-running service pays once (measured on 100,000 rows: 2.3-2.6 s stored the first time, 1.0-2.1 s the second).
        var (warmSeconds, warmServiceCpu, warmServerCpu) = await MeasuredPostAsync(http, file, service.Id, postmaster);
        Report("same upload again (warm)", rows, warmSeconds, warmServiceCpu, warmServerCpu);
        Console.WriteLine(string.Join('\n', service.Output.Split('\n').Where(l => l.Contains("imported", StringComparison.Ordinal) || l.Contains("List ", StringComparison.Ordinal))));
        // The raw COPY above goes into a bare five-column table; list_rows has a primary key and partial indexes. This
        // COPY of the same rows into list_rows shows what the table itself costs.
        var serverBefore = ProcessCpu.ServerSeconds(postmaster);
        var tableSeconds = await ListRowsCopyAsync(dataSource, file, 2 * rows);
        Report("raw binary COPY into list_rows", rows, tableSeconds, double.NaN, ProcessCpu.ServerSeconds(postmaster) - serverBefore);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"upload / COPY into list_rows: {tableSeconds / seconds:F2}x cold, {tableSeconds / warmSeconds:F2}x warm"));
        return (seconds, stored, service.PeakRssMb());
    }

    static async Task<(double Seconds, double ServiceCpu, double ServerCpu)> MeasuredPostAsync(HttpClient http, string file, int servicePid, int postmaster)
    {
        var service = ProcessCpu.Seconds(servicePid);
        var server = ProcessCpu.ServerSeconds(postmaster);
        var seconds = await PostAsync(http, file);
        return (seconds, ProcessCpu.Seconds(servicePid) - service, ProcessCpu.ServerSeconds(postmaster) - server);
    }

    /// <summary>
    /// One line per measure. "Free cores" is what the CPU seconds would allow on two idle cores: the client and the
    /// server side run in parallel, and one COPY is one PostgreSQL backend (one core at most).
    /// </summary>
    static void Report(string what, int rows, double seconds, double clientCpu, double serverCpu)
    {
        var bound = Math.Max(serverCpu, ((double.IsNaN(clientCpu) ? 0 : clientCpu) + serverCpu) / 2);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"{what,-32} {seconds,6:F1} s {rows / seconds,9:N0} rows/s | CPU s: client {clientCpu,5:F1}, PostgreSQL {serverCpu,5:F1} -> free cores ~{rows / bound,9:N0} rows/s | load {ProcessCpu.LoadAverage()}"));
    }

    static async Task<double> PostAsync(HttpClient http, string file)
    {
        await using var stream = File.OpenRead(file);
        using var form = new MultipartFormDataContent();
        var content = new StreamContent(stream, 1 << 16);
        content.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(content, "file", "bench.csv");
        var clock = Stopwatch.StartNew();
        using var response = await http.PostAsync("api/lists", form);
        var seconds = clock.Elapsed.TotalSeconds;
        if (response.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"upload answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return seconds;
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Text;

namespace Enrichment.Testing;

/// <summary>
/// The service as its own OS process (the built Enrichment.Service.dll next to the calling test or benchmark, which
/// references the service project), configured by environment variables as an operator would. It binds port 0 on
/// loopback itself and its "Now listening on" line says which port it got: a port found free and released by us
/// could be taken by another process (another helper's service) before ours binds it, and a health check would then
/// be answered by the wrong service. <see cref="KillHard"/> is kill -9.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    readonly Process _process;
    readonly StringBuilder _output = new();

    const string ListeningOn = "Now listening on: ";
    readonly TaskCompletionSource<Uri> _listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    ServiceProcess(Process process) => _process = process;

    /// <summary>Where the service listens (known once it is ready).</summary>
    public Uri BaseAddress => _listening.Task.IsCompletedSuccessfully ? _listening.Task.Result : throw new InvalidOperationException("the service is not listening yet");

    public int Id => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<ServiceProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var directory = AppContext.BaseDirectory;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(directory, "Enrichment.Service.dll"));
        info.Environment["Urls"] = "http://127.0.0.1:0";
        info.Environment["DOTNET_ENVIRONMENT"] = "Production";
        info.Environment["Logging__LogLevel__Default"] = "Warning";
        info.Environment["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Information"; // the "Now listening on" line
        foreach (var (key, value) in environment)
            info.Environment[key] = value;
        var process = Process.Start(info) ?? throw new InvalidOperationException("dotnet did not start");
        var service = new ServiceProcess(process);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await service.WaitReadyAsync(TimeSpan.FromSeconds(120));
        }
        catch
        {
            await service.DisposeAsync(); // a service that never became ready must not outlive the caller
            throw;
        }

        return service;
    }

    void Append(string? line)
    {
        if (line is null)
            return;
        lock (_output)
            _output.AppendLine(line);
        if (line.IndexOf(ListeningOn, StringComparison.Ordinal) is var at and >= 0
            && Uri.TryCreate(line[(at + ListeningOn.Length)..].Trim(), UriKind.Absolute, out var address))
            _listening.TrySetResult(new Uri(address, "/"));
    }

    async Task WaitReadyAsync(TimeSpan within)
    {
        var deadline = DateTime.UtcNow + within;
        while (!_listening.Task.IsCompleted)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the service exited with {_process.ExitCode}:\n{Output}");
            if (DateTime.UtcNow > deadline)
                throw new TimeoutException($"the service did not say where it listens within {within}:\n{Output}");
            await Task.WhenAny(_listening.Task, Task.Delay(200));
        }

        using var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
                throw new InvalidOperationException($"the service exited with {_process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync("health/live");
                if (response.IsSuccessStatusCode)
                    return;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
                // not listening yet, or listening but too slow to answer within the attempt's timeout (a loaded
                // machine starting the process): ask again until the deadline
            }

            await Task.Delay(200);
        }

        throw new TimeoutException($"the service was not ready within {within}:\n{Output}");
    }

    public HttpClient Client(string apiKey)
    {
        var http = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        http.DefaultRequestHeaders.Add("X-Api-Key", apiKey);
        return http;
    }

    /// <summary>Peak resident memory so far (VmHWM), in MB.</summary>
    public double PeakRssMb()
    {
        foreach (var line in File.ReadLines($"/proc/{_process.Id}/status"))
        {
            if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), CultureInfo.InvariantCulture) / 1024.0;
        }

        return double.NaN;
    }

    /// <summary>SIGKILL: no shutdown, no requeue, jobs left "Processing" in Hangfire.</summary>
    public void KillHard()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill();
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }
}

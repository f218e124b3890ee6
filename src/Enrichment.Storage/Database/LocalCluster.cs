using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Enrichment.Storage.Database;

/// <summary>
/// A private PostgreSQL cluster in a folder, driven through Debian's <c>postgresql</c> binaries (initdb, pg_ctl).
/// The service starts one when no connection string is configured; the test harness starts a throwaway one.
/// initdb refuses to run as root, so as root every command runs as the <c>postgres</c> user (runuser) on a folder
/// that user owns. The server listens on 127.0.0.1 only and has no Unix socket (folder paths can exceed the
/// socket path limit; pg_ctl waits on the pid file, not on a connection).
/// </summary>
public sealed class LocalCluster
{
    public const string NotInstalledMessage =
        "PostgreSQL is not installed: run `apt-get install postgresql` (bash .ci/run does this), "
        + "or set ConnectionStrings__Enrichment to a server of your own";

    const string ServiceUser = "postgres";
    static readonly TimeSpan CommandTimeout = TimeSpan.FromSeconds(60);

    LocalCluster(string binDirectory, string dataDirectory)
    {
        BinDirectory = binDirectory;
        DataDirectory = dataDirectory;
    }

    public string BinDirectory { get; }

    /// <summary>The cluster's PGDATA.</summary>
    public string DataDirectory { get; }

    public string LogPath => Path.Combine(DataDirectory, "server.log");

    /// <summary>Whether commands run as the postgres user (we are root).</summary>
    static bool AsServiceUser => Environment.IsPrivilegedProcess;

    /// <summary>The newest <c>/usr/lib/postgresql/N/bin</c> with initdb, or null.</summary>
    public static string? FindBinaries()
    {
        const string Root = "/usr/lib/postgresql";
        if (!Directory.Exists(Root))
            return null;
        return Directory.GetDirectories(Root)
            .Select(dir => (dir, version: int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var v) ? v : -1))
            .Where(x => x.version > 0 && File.Exists(Path.Combine(x.dir, "bin", "initdb")))
            .OrderByDescending(x => x.version)
            .Select(x => Path.Combine(x.dir, "bin"))
            .FirstOrDefault();
    }

    /// <summary>The cluster at <paramref name="dataDirectory"/> (which need not exist yet); throws with
    /// <see cref="NotInstalledMessage"/> when the binaries are missing.</summary>
    public static LocalCluster At(string dataDirectory)
    {
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("A private PostgreSQL cluster needs Linux with Debian's postgresql package.");
        var bin = FindBinaries() ?? throw new InvalidOperationException(NotInstalledMessage);
        return new LocalCluster(bin, Path.GetFullPath(dataDirectory));
    }

    /// <summary>Installs Debian's postgresql package when its binaries are missing (root only).</summary>
    public static async Task EnsureInstalledAsync(Action<string> say, CancellationToken ct)
    {
        if (FindBinaries() is not null)
            return;
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException(NotInstalledMessage);
        say("PostgreSQL not found: installing Debian's postgresql package (apt-get)...");
        var env = new Dictionary<string, string> { ["DEBIAN_FRONTEND"] = "noninteractive" };
        await RunCheckedAsync("apt-get", ["update", "-qq"], TimeSpan.FromMinutes(5), env, ct);
        await RunCheckedAsync("apt-get", ["install", "-y", "-qq", "--no-install-recommends", "postgresql"], TimeSpan.FromMinutes(10), env, ct);
        if (FindBinaries() is null)
            throw new InvalidOperationException("apt-get installed postgresql but no /usr/lib/postgresql/*/bin/initdb was found");
    }

    public bool IsInitialised => File.Exists(Path.Combine(DataDirectory, "PG_VERSION"));

    /// <summary>initdb with the given superuser password (scram over TCP), or trust when null (throwaway clusters),
    /// listening on 127.0.0.1:<paramref name="port"/>. Does nothing when the folder already holds a cluster.</summary>
    public async Task InitAsync(int port, string? password, CancellationToken ct)
    {
        if (IsInitialised)
            return;
        Directory.CreateDirectory(DataDirectory);
        if (Directory.EnumerateFileSystemEntries(DataDirectory).Any())
            throw new InvalidOperationException($"{DataDirectory} is not empty and holds no PostgreSQL cluster (no PG_VERSION)");
        UnixMode.Set(DataDirectory, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await ChownToServiceUserAsync(DataDirectory, ct);
        CheckTraversable(DataDirectory);

        string? pwFile = null;
        try
        {
            var args = new List<string> { "-D", DataDirectory, "-U", "postgres", "-E", "UTF8", "--locale=C", "--no-sync" };
            if (password is null)
            {
                args.Add("--auth=trust");
            }
            else
            {
                pwFile = Path.Combine(Path.GetTempPath(), "enrichment-pw-" + Guid.NewGuid().ToString("N"));
                await File.WriteAllTextAsync(pwFile, password, ct);
                UnixMode.Set(pwFile, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                await ChownToServiceUserAsync(pwFile, ct);
                args.AddRange(["--pwfile", pwFile, "--auth-host=scram-sha-256", "--auth-local=peer"]);
            }

            await RunToolAsync("initdb", args, ct);
        }
        finally
        {
            if (pwFile is not null)
                File.Delete(pwFile);
        }

        // Settings live in the cluster so that pg_ctl start needs no options and a second start reuses them.
        var conf = new StringBuilder()
            .AppendLine()
            .AppendLine("# enrichment: private cluster on loopback")
            .AppendLine("listen_addresses = '127.0.0.1'")
            .AppendLine(CultureInfo.InvariantCulture, $"port = {port}")
            .AppendLine("unix_socket_directories = ''")
            .AppendLine("max_connections = 200")
            .AppendLine("shared_buffers = 128MB")
            .ToString();
        await RunToolAsync("sh", ["-c", $"cat >> '{Path.Combine(DataDirectory, "postgresql.conf")}'"], ct, stdin: conf, tool: false);
    }

    /// <summary>The port written into postgresql.conf by <see cref="InitAsync"/>.</summary>
    public int ReadPort()
    {
        var conf = File.ReadAllLines(Path.Combine(DataDirectory, "postgresql.conf"));
        for (var i = conf.Length - 1; i >= 0; i--)
        {
            var line = conf[i].Trim();
            if (line.StartsWith("port = ", StringComparison.Ordinal)
                && int.TryParse(line.AsSpan(7), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
                return port;
        }

        throw new InvalidOperationException($"{DataDirectory}/postgresql.conf names no port");
    }

    /// <summary>Starts the server unless it is already running (a second start of the service reuses it).</summary>
    public async Task StartAsync(CancellationToken ct)
    {
        if (await IsRunningAsync(ct))
            return;
        var (code, output) = await RunAsync(Tool("pg_ctl"), ["-D", DataDirectory, "-l", LogPath, "-w", "-t", "60", "start"], ct);
        if (code != 0)
            throw new InvalidOperationException($"pg_ctl start failed ({code}): {output.Trim()}\n{ReadLogTail()}");
    }

    public async Task<bool> IsRunningAsync(CancellationToken ct)
    {
        var (code, _) = await RunAsync(Tool("pg_ctl"), ["-D", DataDirectory, "status"], ct);
        return code == 0;
    }

    /// <summary>Stops the server; <paramref name="immediate"/> skips the shutdown checkpoint (throwaway clusters).</summary>
    public async Task StopAsync(bool immediate, CancellationToken ct)
    {
        if (!IsInitialised)
            return;
        await RunAsync(Tool("pg_ctl"), ["-D", DataDirectory, "-m", immediate ? "immediate" : "fast", "-w", "-t", "30", "stop"], ct);
    }

    public string ReadLogTail(int lines = 20)
    {
        try
        {
            return string.Join('\n', File.ReadLines(LogPath).TakeLast(lines));
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    /// <summary>A free TCP port on 127.0.0.1 (free now; the caller retries if it is taken before the server binds).</summary>
    public static int FreeLoopbackPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    string Tool(string name) => Path.Combine(BinDirectory, name);

    Task RunToolAsync(string name, IReadOnlyList<string> args, CancellationToken ct, string? stdin = null, bool tool = true) =>
        RunCheckedAsync(tool ? Tool(name) : name, args, ct, stdin);

    static async Task RunCheckedAsync(string file, IReadOnlyList<string> args, CancellationToken ct, string? stdin = null)
    {
        var (code, output) = await RunAsync(file, args, ct, stdin);
        if (code != 0)
            throw new InvalidOperationException($"{Path.GetFileName(file)} failed ({code}): {output.Trim()}");
    }

    static Task<(int Code, string Output)> RunAsync(string file, IReadOnlyList<string> args, CancellationToken ct, string? stdin = null)
    {
        // As root, run as postgres: initdb and postgres refuse root.
        return AsServiceUser
            ? RunProcessAsync("runuser", ["-u", ServiceUser, "--", file, .. args], CommandTimeout, null, stdin, ct)
            : RunProcessAsync(file, args, CommandTimeout, null, stdin, ct);
    }

    static async Task RunCheckedAsync(string file, IReadOnlyList<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? env, CancellationToken ct)
    {
        var (code, output) = await RunProcessAsync(file, args, timeout, env, null, ct);
        if (code != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', args)} failed ({code}): {output.Trim()}");
    }

    static async Task ChownToServiceUserAsync(string path, CancellationToken ct)
    {
        if (!AsServiceUser)
            return;
        await RunCheckedAsync("chown", [$"{ServiceUser}:{ServiceUser}", path], CommandTimeout, null, ct);
    }

    /// <summary>The postgres user must be able to reach its folder: every ancestor needs the search bit for others.</summary>
    static void CheckTraversable(string directory)
    {
        if (!AsServiceUser)
            return;
        for (var dir = Path.GetDirectoryName(directory); !string.IsNullOrEmpty(dir); dir = Path.GetDirectoryName(dir))
        {
            if (!UnixMode.Get(dir).HasFlag(UnixFileMode.OtherExecute))
                throw new InvalidOperationException(
                    $"The postgres user cannot reach {directory}: {dir} is not searchable by others (chmod o+x it, or choose another data folder)");
        }
    }

    static async Task<(int Code, string Output)> RunProcessAsync(
        string file, IReadOnlyList<string> args, TimeSpan timeout, IReadOnlyDictionary<string, string>? env, string? stdin, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = stdin is not null,
            UseShellExecute = false,
            // pg_ctl's server inherits our working directory; "/" is readable by the postgres user.
            WorkingDirectory = "/",
        };
        foreach (var arg in args)
            info.ArgumentList.Add(arg);
        if (env is not null)
        {
            foreach (var (key, value) in env)
                info.Environment[key] = value;
        }

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"could not start {file}");
        if (stdin is not null)
        {
            await process.StandardInput.WriteAsync(stdin);
            process.StandardInput.Close();
        }

        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        cts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            if (ct.IsCancellationRequested)
                throw;
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish within {timeout}");
        }

        lock (output)
            return (process.ExitCode, output.ToString());
    }
}

using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Enrichment.Testing;

/// <summary>
/// What a <see cref="PostfixServer"/> accepts at RCPT time.
/// </summary>
/// <param name="MailboxDomains">Domain → local parts that exist; any other local part at the domain is answered
/// "550 5.1.1 ... User unknown in virtual mailbox table".</param>
/// <param name="CatchAllDomains">Domains where every local part is answered 250.</param>
/// <param name="RecipientReplies">Optional access-map rejections: address (or domain, or "local@") → reply such as
/// "452 4.2.2 Mailbox full". Postfix answers them as "452 4.2.2 &lt;addr&gt;: Recipient address rejected: Mailbox full".
/// The domains of these keys are made virtual mailbox domains so the reply is not pre-empted by "Relay access denied".</param>
/// <param name="GreylistDelaySeconds">Above zero: Debian's postgrey runs as the instance's policy service with this
/// delay (its default reply text, auto-whitelisting off), so every first (client, sender, recipient) is answered 450.</param>
public sealed record PostfixMailboxes(
    IReadOnlyDictionary<string, IReadOnlyList<string>> MailboxDomains,
    IReadOnlyList<string> CatchAllDomains,
    IReadOnlyDictionary<string, string>? RecipientReplies = null,
    int GreylistDelaySeconds = 0);

/// <summary>
/// A private instance of the machine's real Postfix (Debian package) listening on 127.0.0.1:&lt;free port&gt;,
/// with its own config, queue and data directories under /tmp. It never touches /etc/postfix or the system
/// instance, never delivers or relays anything (default and relay transports are <c>error:</c>), and does no DNS.
/// Must run as root (Postfix's master needs it to drop privileges to <c>mail_owner</c>).
/// </summary>
public sealed class PostfixServer : IAsyncDisposable
{
    const string NotInstalledMessage = "Postfix is not installed: run `apt-get install postfix` (bash .ci/run does this)";
    static readonly string[] PostfixCandidates = ["/usr/sbin/postfix", "/usr/bin/postfix"];
    static readonly TimeSpan StartupTimeout = TimeSpan.FromSeconds(20);
    static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    const int MaxPortAttempts = 5;
    const string TempBase = "/tmp";
    const string InstancePrefix = "enrichment-postfix-";
    const string OwnerFile = "owner.pid";
    const UnixFileMode Mode755 = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute
        | UnixFileMode.GroupRead | UnixFileMode.GroupExecute | UnixFileMode.OtherRead | UnixFileMode.OtherExecute;

    const string PostgreyPath = "/usr/sbin/postgrey";

    readonly string _postfix;
    readonly string _root;
    int _disposed;
    Process? _postgrey;

    PostfixServer(string postfix, string root, int port)
    {
        _postfix = postfix;
        _root = root;
        Port = port;
        EndPoint = new IPEndPoint(IPAddress.Loopback, port);
    }

    /// <summary>127.0.0.1:<see cref="Port"/>.</summary>
    public IPEndPoint EndPoint { get; }

    public int Port { get; }

    /// <summary>The instance's <c>config_directory</c> (main.cf, master.cf, maps).</summary>
    public string ConfigDirectory => Path.Combine(_root, "etc");

    /// <summary>The instance's <c>maillog_file</c>.</summary>
    public string LogPath => Path.Combine(_root, "maillog");

    /// <summary>How long <c>postfix start</c> plus the first 220 banner took.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>Postfix's log so far, for diagnostics in failing tests. postlogd writes it asynchronously, so a
    /// line for something that just happened may lag by a few milliseconds: use <see cref="WaitForLogAsync"/>.</summary>
    public string ReadLog()
    {
        try
        {
            using var stream = new FileStream(LogPath, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            using var reader = new StreamReader(stream, Encoding.UTF8);
            return reader.ReadToEnd();
        }
        catch (FileNotFoundException)
        {
            return "";
        }
        catch (DirectoryNotFoundException)
        {
            return "";
        }
    }

    /// <summary>Waits until the log contains <paramref name="text"/> and returns the whole log; throws
    /// <see cref="TimeoutException"/> (with the log) if it does not appear within <paramref name="timeout"/>.</summary>
    public async Task<string> WaitForLogAsync(string text, TimeSpan timeout, CancellationToken ct = default)
    {
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            var log = ReadLog();
            if (log.Contains(text, StringComparison.Ordinal))
                return log;
            if (stopwatch.Elapsed > timeout)
                throw new TimeoutException($"Postfix log did not show \"{text}\" within {timeout}. Log:\n{log}");
            await Task.Delay(25, ct);
        }
    }

    public static async Task<PostfixServer> StartAsync(PostfixMailboxes mailboxes, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(mailboxes);
        if (!OperatingSystem.IsLinux())
            throw new PlatformNotSupportedException("The Postfix test harness runs on Linux (Debian's postfix package).");
        var postfix = PostfixCandidates.FirstOrDefault(File.Exists)
            ?? throw new InvalidOperationException(NotInstalledMessage);
        if (!Environment.IsPrivilegedProcess)
            throw new InvalidOperationException(
                "The Postfix test harness must run as root: Postfix's master starts as root and drops to mail_owner.");

        // Under /tmp, not Path.GetTempPath(): daemons run as user postfix and chdir into queue_directory, so every
        // ancestor must be traversable by that user, which a TMPDIR like /root/tmp is not.
        await StopAbandonedInstancesAsync();
        var root = Path.Combine(TempBase, InstancePrefix + Guid.NewGuid().ToString("N")[..12]);
        Directory.CreateDirectory(root);
        try
        {
            // Who owns this instance, so a later run can stop it if this test host dies without disposing it.
            File.WriteAllText(Path.Combine(root, OwnerFile), Environment.ProcessId.ToString(CultureInfo.InvariantCulture));
            File.SetUnixFileMode(root, Mode755); // 0755, root-owned, as postfix-script requires
            var etc = Path.Combine(root, "etc");
            Directory.CreateDirectory(etc);
            File.SetUnixFileMode(etc, Mode755);
            // queue_directory: root-owned; `postfix start` (post-install create-missing) makes the subdirectories.
            // data_directory is deliberately NOT created here: it must be owned by postfix, and create-missing
            // makes it so; a root-owned one makes master die with "open lock file ... Permission denied".
            Directory.CreateDirectory(Path.Combine(root, "queue"));
            File.SetUnixFileMode(Path.Combine(root, "queue"), Mode755);
            Directory.CreateDirectory(Path.Combine(root, "mail"));
            WriteMaps(etc, mailboxes);
            var (postgrey, policyPort) = mailboxes.GreylistDelaySeconds > 0
                ? await StartPostgreyAsync(root, mailboxes.GreylistDelaySeconds, ct)
                : (null, 0);

            var stopwatch = Stopwatch.StartNew();
            var failures = new StringBuilder();
            for (var attempt = 1; attempt <= MaxPortAttempts; attempt++)
            {
                var port = FreeLoopbackPort();
                var server = new PostfixServer(postfix, root, port) { _postgrey = postgrey };
                WriteMainCf(root, mailboxes, policyPort);
                WriteMasterCf(etc, port);

                var (exitCode, output) = await RunAsync(postfix, ["-c", etc, "start"], StartupTimeout, ct);
                if (exitCode == 0)
                {
                    try
                    {
                        await server.WaitForBannerAsync(StartupTimeout, ct);
                        server.StartupTime = stopwatch.Elapsed;
                        return server;
                    }
                    catch
                    {
                        await server.StopProcessesAsync();
                        throw;
                    }
                }

                // The port we probed may have been taken between probing and master's bind(): retry on a new one.
                failures.Append(CultureInfo.InvariantCulture, $"attempt {attempt} on port {port}: exit {exitCode}: {output}\n");
                var log = server.ReadLog();
                await server.StopProcessesAsync();
                if (!log.Contains("Address already in use", StringComparison.Ordinal))
                    throw new InvalidOperationException($"postfix start failed.\n{failures}Log:\n{log}");
            }

            throw new InvalidOperationException($"postfix start failed on {MaxPortAttempts} ports.\n{failures}");
        }
        catch
        {
            TryDeleteDirectory(root);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
            return;
        await StopProcessesAsync();
        StopPostgrey(_postgrey);
        TryDeleteDirectory(_root);
    }

    /// <summary>Postgrey in the foreground on 127.0.0.1:&lt;free port&gt; with its database under the instance root.</summary>
    static async Task<(Process Process, int Port)> StartPostgreyAsync(string root, int delaySeconds, CancellationToken ct)
    {
        if (!File.Exists(PostgreyPath))
            throw new InvalidOperationException("postgrey is not installed: run `apt-get install postgrey` (bash .ci/run does this)");
        var dbdir = Path.Combine(root, "postgrey");
        Directory.CreateDirectory(dbdir);
        await RunAsync("/usr/bin/chown", ["postgrey:postgrey", dbdir], StopTimeout, ct);
        var port = FreeLoopbackPort();
        var info = new ProcessStartInfo(PostgreyPath) { UseShellExecute = false, RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[]
                 {
                     $"--inet=127.0.0.1:{port}", $"--dbdir={dbdir}", $"--delay={delaySeconds}", "--auto-whitelist-clients=0",
                     "--hostname=mx.enrichment.test", $"--pidfile={Path.Combine(root, "postgrey.pid")}",
                 })
            info.ArgumentList.Add(argument);
        var process = Process.Start(info) ?? throw new InvalidOperationException("could not start postgrey");
        _ = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        _ = process.StandardError.ReadToEndAsync(CancellationToken.None);
        var stopwatch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                using var client = new TcpClient(AddressFamily.InterNetwork);
                await client.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), ct);
                return (process, port);
            }
            catch (SocketException) when (stopwatch.Elapsed < StartupTimeout && !process.HasExited)
            {
                await Task.Delay(50, ct);
            }
            catch (SocketException)
            {
                StopPostgrey(process);
                throw new InvalidOperationException($"postgrey did not listen on 127.0.0.1:{port} within {StartupTimeout}");
            }
        }
    }

    static void StopPostgrey(Process? process)
    {
        if (process is null)
            return;
        try
        {
            process.Kill(entireProcessTree: true);
            process.WaitForExit(5_000);
        }
        catch (InvalidOperationException)
        {
            // Already gone.
        }

        process.Dispose();
    }

    async Task WaitForBannerAsync(TimeSpan timeout, CancellationToken ct)
    {
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);
        Exception? last = null;
        while (true)
        {
            try
            {
                using var client = new TcpClient(AddressFamily.InterNetwork);
                await client.ConnectAsync(EndPoint, timeoutCts.Token);
                var stream = client.GetStream();
                using var reader = new StreamReader(stream, Encoding.ASCII, false, 1024, leaveOpen: true);
                var line = await reader.ReadLineAsync(timeoutCts.Token);
                if (line is not null && line.StartsWith("220", StringComparison.Ordinal))
                {
                    await stream.WriteAsync("QUIT\r\n"u8.ToArray(), timeoutCts.Token);
                    return;
                }
                last = new InvalidOperationException($"unexpected banner: {line ?? "<connection closed>"}");
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"Postfix on {EndPoint} sent no 220 banner within {timeout} ({last?.Message}). Log:\n{ReadLog()}");
            }
            catch (Exception e) when (e is SocketException or IOException)
            {
                last = e;
            }

            try
            {
                await Task.Delay(50, timeoutCts.Token);
            }
            catch (OperationCanceledException) when (!ct.IsCancellationRequested)
            {
                throw new TimeoutException(
                    $"Postfix on {EndPoint} sent no 220 banner within {timeout} ({last?.Message}). Log:\n{ReadLog()}");
            }
        }
    }

    /// <summary><c>postfix stop</c>, then waits for every process of this instance to exit and kills leftovers.
    /// Processes are recognised by the MAIL_CONFIG environment variable master passes to its children.</summary>
    async Task StopProcessesAsync()
    {
        try
        {
            await RunAsync(_postfix, ["-c", ConfigDirectory, "stop"], StopTimeout, CancellationToken.None);
        }
        catch (Exception)
        {
            // Fall through to killing by MAIL_CONFIG.
        }

        var stopwatch = Stopwatch.StartNew();
        while (InstanceProcessIds().Count > 0 && stopwatch.Elapsed < TimeSpan.FromSeconds(5))
            await Task.Delay(50);

        foreach (var pid in InstanceProcessIds())
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill();
            }
            catch (Exception)
            {
                // Already gone.
            }
        }
    }

    /// <summary>Stops and deletes instances left behind by test hosts that died (killed on timeout, crashed)
    /// before disposing them; instances of live processes, including other test runs, are left alone.</summary>
    static async Task StopAbandonedInstancesAsync()
    {
        foreach (var root in Directory.EnumerateDirectories(TempBase, InstancePrefix + "*"))
        {
            try
            {
                var owner = int.Parse(File.ReadAllText(Path.Combine(root, OwnerFile)).Trim(), CultureInfo.InvariantCulture);
                if (Directory.Exists(Path.Combine("/proc", owner.ToString(CultureInfo.InvariantCulture))))
                    continue;
            }
            catch (Exception)
            {
                // No readable owner: being created right now, or not ours. Leave it.
                continue;
            }

            var postfix = PostfixCandidates.First(File.Exists);
            await new PostfixServer(postfix, root, 0).StopProcessesAsync();
            TryDeleteDirectory(root);
        }
    }

    List<int> InstanceProcessIds()
    {
        var marker = Encoding.UTF8.GetBytes("MAIL_CONFIG=" + ConfigDirectory + "\0");
        var pids = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), NumberStyles.None, CultureInfo.InvariantCulture, out var pid)
                || pid == Environment.ProcessId)
                continue;
            try
            {
                var environ = File.ReadAllBytes(Path.Combine(dir, "environ"));
                if (environ.AsSpan().IndexOf(marker) >= 0)
                    pids.Add(pid);
            }
            catch (Exception)
            {
                // Process exited or is not readable.
            }
        }
        return pids;
    }

    static void WriteMainCf(string root, PostfixMailboxes mailboxes, int policyPort)
    {
        var restrictions = new List<string>();
        if (mailboxes.RecipientReplies is { Count: > 0 })
            restrictions.Add("check_recipient_access texthash:" + Path.Combine(root, "etc", "recipient_access"));
        if (policyPort > 0)
            restrictions.Add($"check_policy_service inet:127.0.0.1:{policyPort}");
        var etc = Path.Combine(root, "etc");
        var domains = MailDomains(mailboxes);
        var hasReplies = mailboxes.RecipientReplies is { Count: > 0 };
        var main = $"""
            # Private test instance written by Enrichment.Testing.PostfixServer.
            compatibility_level = 3.6
            config_directory = {etc}
            queue_directory = {Path.Combine(root, "queue")}
            data_directory = {Path.Combine(root, "data")}
            mail_owner = postfix
            setgid_group = postdrop

            # Fixed names: no gethostname()/DNS to derive them.
            myhostname = mx.enrichment.test
            mydomain = enrichment.test
            myorigin = $myhostname
            mydestination =
            mynetworks = 127.0.0.0/8
            alias_maps =
            alias_database =
            local_recipient_maps =
            biff = no

            inet_interfaces = 127.0.0.1
            inet_protocols = ipv4

            # Postfix >= 3.4 logs through postlogd; the file must lie under one of maillog_file_prefixes.
            maillog_file = {Path.Combine(root, "maillog")}
            maillog_file_prefixes = {root}

            # No network beyond loopback: no reverse lookup of the client, no DNS, nothing ever relayed.
            smtpd_peername_lookup = no
            disable_dns_lookups = yes
            smtp_dns_support_level = disabled
            smtp_host_lookup = native
            default_transport = error:5.7.1 test instance never relays
            relay_transport = error:5.7.1 test instance never relays

            virtual_mailbox_domains = {string.Join(' ', domains)}
            virtual_mailbox_maps = texthash:{Path.Combine(etc, "virtual_mailboxes")}
            virtual_mailbox_base = {Path.Combine(root, "mail")}
            virtual_uid_maps = static:5000
            virtual_gid_maps = static:5000

            # Behave like a receiving MX: other domains get "554 5.7.1 Relay access denied", even from loopback.
            # Unknown users get "550 5.1.1" from smtpd_reject_unlisted_recipient = yes (the default).
            smtpd_client_restrictions =
            smtpd_helo_required = no
            smtpd_relay_restrictions = reject_unauth_destination
            smtpd_recipient_restrictions = {string.Join(", ", restrictions)}

            # Without this, transactions that never deliver stall ~1 s each after ~100 of them (DEPENDENCIES.md).
            in_flow_delay = 0
            smtpd_reject_unlisted_recipient = yes

            """;
        File.WriteAllText(Path.Combine(etc, "main.cf"), main.ReplaceLineEndings("\n"));
    }

    static void WriteMaps(string etc, PostfixMailboxes mailboxes)
    {
        var map = new StringBuilder();
        foreach (var (domain, localParts) in mailboxes.MailboxDomains)
        {
            var d = Token(domain, "domain");
            foreach (var localPart in localParts)
            {
                var l = Token(localPart, "local part");
                map.Append(CultureInfo.InvariantCulture, $"{l}@{d} {d}/{l}/\n");
            }
        }
        foreach (var domain in mailboxes.CatchAllDomains)
        {
            var d = Token(domain, "domain");
            // "@domain" is the catch-all key of virtual_mailbox_maps (virtual(5)).
            map.Append(CultureInfo.InvariantCulture, $"@{d} {d}/catch-all/\n");
        }
        File.WriteAllText(Path.Combine(etc, "virtual_mailboxes"), map.ToString());

        var access = new StringBuilder();
        foreach (var (address, reply) in mailboxes.RecipientReplies ?? new Dictionary<string, string>())
        {
            if (reply.Contains('\n', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(reply))
                throw new ArgumentException($"Reply for {address} must be one non-empty line.", nameof(mailboxes));
            access.Append(CultureInfo.InvariantCulture, $"{Token(address, "address")} {reply.Trim()}\n");
        }
        File.WriteAllText(Path.Combine(etc, "recipient_access"), access.ToString());
    }

    static string[] MailDomains(PostfixMailboxes mailboxes)
    {
        var fromReplies = (mailboxes.RecipientReplies?.Keys ?? [])
            .Select(key => key.Contains('@', StringComparison.Ordinal) ? key[(key.LastIndexOf('@') + 1)..] : key)
            .Where(domain => domain.Length > 0);
        return mailboxes.MailboxDomains.Keys
            .Concat(mailboxes.CatchAllDomains)
            .Concat(fromReplies)
            .Select(domain => Token(domain, "domain"))
            .Distinct(StringComparer.Ordinal)
            .ToArray();
    }

    /// <summary>Map keys are whitespace-separated and lower-cased by Postfix; refuse what would break the file.</summary>
    static string Token(string value, string what)
    {
        if (string.IsNullOrEmpty(value) || value.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '#' or ','))
            throw new ArgumentException($"Invalid {what} for a Postfix map: \"{value}\"");
        return value.ToLowerInvariant();
    }

    /// <summary>Debian's master.cf.dist with the public smtp service moved to 127.0.0.1:port and every service's
    /// chroot column set to n (a chroot would need copies of /etc files in the queue directory).</summary>
    static void WriteMasterCf(string etc, int port)
    {
        const string dist = "/usr/share/postfix/master.cf.dist";
        var source = File.Exists(dist) ? File.ReadAllLines(dist) : File.ReadAllLines("/etc/postfix/master.cf");
        var output = new StringBuilder();
        foreach (var line in source)
        {
            if (line.Length == 0 || line[0] == '#' || char.IsWhiteSpace(line[0]))
            {
                output.Append(line).Append('\n');
                continue;
            }
            var fields = line.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            if (fields.Length < 8)
            {
                output.Append(line).Append('\n');
                continue;
            }
            if (fields[0] == "smtp" && fields[1] == "inet")
                fields[0] = "127.0.0.1:" + port.ToString(CultureInfo.InvariantCulture);
            fields[4] = "n";
            output.Append(string.Join(' ', fields)).Append('\n');
        }
        File.WriteAllText(Path.Combine(etc, "master.cf"), output.ToString());
    }

    static int FreeLoopbackPort()
    {
        var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        try
        {
            return ((IPEndPoint)listener.LocalEndpoint).Port;
        }
        finally
        {
            listener.Stop();
        }
    }

    static async Task<(int ExitCode, string Output)> RunAsync(
        string fileName, string[] arguments, TimeSpan timeout, CancellationToken ct)
    {
        var info = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments)
            info.ArgumentList.Add(argument);
        info.Environment.Remove("MAIL_CONFIG");

        using var process = Process.Start(info) ?? throw new InvalidOperationException($"Could not start {fileName}");
        var stdout = process.StandardOutput.ReadToEndAsync(CancellationToken.None);
        var stderr = process.StandardError.ReadToEndAsync(CancellationToken.None);
        using var timeoutCts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeoutCts.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(timeoutCts.Token);
        }
        catch (OperationCanceledException)
        {
            try
            {
                process.Kill(entireProcessTree: true);
            }
            catch (InvalidOperationException)
            {
                // Exited meanwhile.
            }
            ct.ThrowIfCancellationRequested();
            throw new TimeoutException($"{fileName} {string.Join(' ', arguments)} did not finish within {timeout}");
        }
        return (process.ExitCode, (await stdout + await stderr).Trim());
    }

    static void TryDeleteDirectory(string path)
    {
        try
        {
            if (Directory.Exists(path))
                Directory.Delete(path, recursive: true);
        }
        catch (Exception)
        {
            // Best effort: a leftover directory under /tmp must not fail a test.
        }
    }
}

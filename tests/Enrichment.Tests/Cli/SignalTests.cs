using System.Diagnostics;
using System.Text;
using Enrichment.Testing;

namespace Enrichment.Tests.Cli;

/// <summary>The CLI as a real process: SIGTERM (docker stop, timeout) ends it like Ctrl-C, leaving no temporary files.</summary>
public class SignalTests
{
    [Fact(Timeout = 240_000)]
    public async Task Verify_OnSigterm_FlushesRemovesItsTemporaryFilesAndExits143()
    {
        if (OperatingSystem.IsWindows())
        {
            return; // SIGTERM is POSIX
        }

        await using var cli = CliRunner.Start(FakeSmtpScripts.Mailboxes(), "x.test");
        var work = Directory.CreateTempSubdirectory("enrichment-sigterm-test-");
        try
        {
            var tmp = Directory.CreateDirectory(Path.Combine(work.FullName, "tmp")).FullName;
            var output = Path.Combine(work.FullName, "out.csv");
            var start = new ProcessStartInfo("dotnet")
            {
                RedirectStandardInput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                Environment = { ["TMPDIR"] = tmp },
            };
            foreach (var arg in new[] { Path.Combine(AppContext.BaseDirectory, "enrichment.dll"), "verify", "-", "--output", output, "--no-smtp", "--nameserver", cli.Dns.EndPoint.ToString() })
            {
                start.ArgumentList.Add(arg);
            }

            using var process = Process.Start(start)!;
            var stderr = process.StandardError.ReadToEndAsync();
            // More than the 64 KiB the import sniffs, and stdin left open: the run is mid-list when the signal comes.
            var rows = new StringBuilder("first name,last name,email\n");
            for (var i = 0; i < 3000; i++)
            {
                rows.Append(System.Globalization.CultureInfo.InvariantCulture, $"Zoë,Müller,person{i}@x.test\n");
            }

            await process.StandardInput.WriteAsync(rows.ToString());
            await process.StandardInput.FlushAsync();

            // The spool appears once rows are being read: that is the moment to check its privacy and send the signal.
            // Generous: starting a .NET process on a loaded CI machine can take tens of seconds; nothing here measures time.
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(180));
            string? spool = null;
            while (spool is null)
            {
                spool = Directory.GetDirectories(tmp, "enrichment-verify-*").FirstOrDefault(d => File.Exists(Path.Combine(d, "records.bin")));
                await Task.Delay(20, deadline.Token);
            }

            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(spool));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(Path.Combine(spool, "records.bin")));

            using (var kill = Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]))
            {
                await kill.WaitForExitAsync(deadline.Token);
            }

            await process.WaitForExitAsync(deadline.Token);
            var errors = await stderr;

            Assert.Equal(143, process.ExitCode);
            Assert.Contains("interrupted", errors, StringComparison.Ordinal);
            Assert.Empty(Directory.GetFileSystemEntries(tmp));
            Assert.StartsWith("first name,last name,email,line,", await File.ReadAllTextAsync(output), StringComparison.Ordinal);
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }
}

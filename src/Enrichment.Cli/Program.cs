using System.Runtime.InteropServices;
using Enrichment.Cli;

// Ctrl-C and SIGTERM (timeout, docker stop, kill) both cancel the run: finished rows are flushed and temporary
// files deleted on the way out; the exit code says which signal it was (130, 143).
using var cancel = new CancellationTokenSource();
var terminated = false;
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, signal =>
{
    signal.Cancel = true; // keep the process alive until the command has cleaned up
    terminated = true;
    cancel.Cancel();
});

var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
var context = new CliContext(Console.In, stdout, Console.Error,
    showProgress: !Console.IsErrorRedirected, logProgress: Console.IsErrorRedirected, openStdin: Console.OpenStandardInput);
try
{
    var exit = await CliApp.RunAsync(args, context, cancel.Token);
    return terminated && exit == ExitCodes.Interrupted ? ExitCodes.Terminated : exit;
}
finally
{
    await stdout.FlushAsync();
}

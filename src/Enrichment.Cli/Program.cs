using Enrichment.Cli;

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    e.Cancel = true;
    cancel.Cancel();
};

var stdout = new StreamWriter(Console.OpenStandardOutput()) { AutoFlush = false };
var context = new CliContext(Console.In, stdout, Console.Error, showProgress: !Console.IsErrorRedirected);
try
{
    return await CliApp.RunAsync(args, context, cancel.Token);
}
finally
{
    await stdout.FlushAsync();
}

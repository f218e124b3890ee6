using System.Globalization;
using System.Net;
using Enrichment.Cli;
using Enrichment.Testing;

namespace Enrichment.Tests.Cli;

/// <summary>Runs the CLI in-process against a fake DNS and a fake SMTP server on loopback.</summary>
internal sealed class CliRunner : IAsyncDisposable
{
    private CliRunner(FakeDnsServer dns, FakeSmtpServer smtp)
    {
        Dns = dns;
        Smtp = smtp;
    }

    public FakeDnsServer Dns { get; }
    public FakeSmtpServer Smtp { get; }

    public static CliRunner Start(Func<RcptContext, string> rcpt, params string[] domains)
    {
        var dns = FakeDnsServer.Start();
        foreach (var domain in domains)
        {
            dns.AddMailDomain(domain, IPAddress.Loopback);
        }

        dns.AddA("verifier.enrichment.test", IPAddress.Loopback);
        return new CliRunner(dns, FakeSmtpServer.Start(new FakeSmtpOptions { RcptReply = rcpt }));
    }

    /// <summary>The engine options that keep every query and probe on loopback.</summary>
    public string[] LoopbackOptions =>
    [
        "--nameserver", Dns.EndPoint.ToString(), "--smtp-port", Smtp.Port.ToString(CultureInfo.InvariantCulture),
        "--helo", "verifier.enrichment.test", "--retry", "", "--dns-timeout", "1", "--command-timeout", "5",
    ];

    public static async Task<(int Exit, string Out, string Err)> RunAsync(string stdin, params string[] args)
    {
        using var input = new StringReader(stdin);
        using var output = new StringWriter(CultureInfo.InvariantCulture);
        using var error = new StringWriter(CultureInfo.InvariantCulture);
        var exit = await CliApp.RunAsync(args, new CliContext(input, output, error, showProgress: false));
        return (exit, output.ToString(), error.ToString());
    }

    public async ValueTask DisposeAsync()
    {
        await Smtp.DisposeAsync();
        await Dns.DisposeAsync();
    }
}

using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Enrichment.Service.Dashboard;
using Enrichment.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Enrichment.Browser.Tests;

/// <summary>
/// The real service on a real Kestrel port on 127.0.0.1 (the browser needs a socket), its own PostgreSQL database,
/// the engine pointed at a fake DNS and a fake SMTP server on loopback, and two dashboard users (admin, read-only).
/// </summary>
public sealed class DashboardApp : WebApplicationFactory<Program>
{
    public const string AdminUser = "ops-admin";
    public const string ViewerUser = "ops-viewer";
    public const string Password = "correct horse battery";

    readonly Dictionary<string, string?> _settings;

    DashboardApp(string connectionString, FakeDnsServer dns, FakeSmtpServer smtp, int port)
    {
        ConnectionString = connectionString;
        Dns = dns;
        Smtp = smtp;
        BaseUrl = $"http://127.0.0.1:{port}";
        var hash = DashboardLogin.Hash(Password);
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Enrichment"] = connectionString,
            ["Enrichment:Verification:Nameservers:0"] = dns.EndPoint.ToString(),
            ["Enrichment:Verification:SmtpPort"] = smtp.Port.ToString(CultureInfo.InvariantCulture),
            ["Enrichment:Verification:HeloName"] = "verifier.enrichment.test",
            ["Enrichment:QueuePollInterval"] = "00:00:00.200",
            ["Enrichment:SchedulePollInterval"] = "00:00:00.500",
            ["Enrichment:Workers"] = "4",
            ["Enrichment:Dashboard:Users:0:Name"] = AdminUser,
            ["Enrichment:Dashboard:Users:0:PasswordHash"] = hash,
            ["Enrichment:Dashboard:Users:0:Role"] = "admin",
            ["Enrichment:Dashboard:Users:1:Name"] = ViewerUser,
            ["Enrichment:Dashboard:Users:1:PasswordHash"] = hash,
            ["Enrichment:Dashboard:Users:1:Role"] = "read-only",
            ["Logging:LogLevel:Default"] = "Warning",
        };
        UseKestrel(port);
    }

    public string ConnectionString { get; }

    public FakeDnsServer Dns { get; }

    public FakeSmtpServer Smtp { get; }

    public string BaseUrl { get; }

    public static async Task<DashboardApp> StartAsync(PostgresServer postgres, Func<RcptContext, string> rcpt)
    {
        ArgumentNullException.ThrowIfNull(postgres);
        var connectionString = await postgres.CreateDatabaseAsync(nameof(DashboardApp));
        var app = new DashboardApp(connectionString, FakeDnsServer.Start(), FakeSmtpServer.Start(new FakeSmtpOptions { RcptReply = rcpt }), FreePort());
        app.StartServer();
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Dns.DisposeAsync();
        await Smtp.DisposeAsync();
    }
}

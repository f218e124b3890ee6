using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Enrichment.Storage.Keys;
using Enrichment.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Enrichment.Service.Tests.Api;

/// <summary>
/// The real service in process (WebApplicationFactory) on its own database, with the engine pointed at a fake DNS
/// server and a fake SMTP server on loopback. Settings override appsettings.json the way environment variables do.
/// </summary>
public sealed class ServiceApp : WebApplicationFactory<Program>
{
    readonly Dictionary<string, string?> _settings;
    TimeProvider? _time;
    ILoggerProvider? _logs;
    Action<IServiceCollection>? _services;

    ServiceApp(string connectionString, FakeDnsServer dns, FakeSmtpServer smtp, IReadOnlyDictionary<string, string?> overrides)
    {
        ConnectionString = connectionString;
        Dns = dns;
        Smtp = smtp;
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Enrichment"] = connectionString,
            ["Enrichment:Verification:Nameservers:0"] = dns.EndPoint.ToString(),
            ["Enrichment:Verification:SmtpPort"] = smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Enrichment:Verification:HeloName"] = "verifier.enrichment.test",
            ["Enrichment:Verification:RetrySchedule:0"] = "00:00:01",
            ["Enrichment:Verification:RetrySchedule:1"] = "00:00:01",
            ["Enrichment:Verification:RetrySchedule:2"] = "00:00:01",
            ["Enrichment:QueuePollInterval"] = "00:00:00.200",
            ["Enrichment:SchedulePollInterval"] = "00:00:00.500",
            ["Enrichment:Workers"] = "4",
            ["Enrichment:Callbacks:AllowPrivateTargets"] = "true",
            ["Logging:LogLevel:Default"] = "Warning",
            ["Enrichment:ErasureSalt"] = "test-salt-not-a-secret-0123456789",
            ["Enrichment:RateLimit:PermitLimit"] = "100000",
        };
        foreach (var (key, value) in overrides)
            _settings[key] = value;
    }

    public string ConnectionString { get; }

    public FakeDnsServer Dns { get; }

    public FakeSmtpServer Smtp { get; }

    /// <summary>Starts the service; with <paramref name="time"/>, the app's TimeProvider is that clock.</summary>
    /// <param name="services">Registrations added after the app's own (a provider client pointed at a loopback fake).</param>
    public static async Task<ServiceApp> StartAsync(string hint, Func<RcptContext, string> rcpt, IReadOnlyDictionary<string, string?>? overrides = null, TimeProvider? time = null,
        ILoggerProvider? logs = null, Action<IServiceCollection>? services = null)
    {
        var connectionString = await PostgresFixture.Current.Server.CreateDatabaseAsync(hint);
        var dns = FakeDnsServer.Start();
        var smtp = FakeSmtpServer.Start(new FakeSmtpOptions { RcptReply = rcpt });
        var app = new ServiceApp(connectionString, dns, smtp, overrides ?? new Dictionary<string, string?>()) { _time = time, _logs = logs, _services = services };
        _ = app.Server; // start now: schema, Hangfire server
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
            builder.UseSetting(key, value);
        if (_time is { } time)
            builder.ConfigureTestServices(services => services.AddSingleton(time));
        if (_logs is { } logs)
            builder.ConfigureLogging(logging => logging.AddProvider(logs));
        if (_services is { } extra)
            builder.ConfigureTestServices(extra);
    }

    public async Task<CreatedApiKey> NewKeyAsync(string name = "tests")
    {
        await using var dataSource = NpgsqlDataSource.Create(ConnectionString);
        return await new ApiKeyStore(dataSource).CreateAsync(name, default);
    }

    /// <summary>A client sending <paramref name="key"/> as X-Api-Key.</summary>
    public HttpClient ClientFor(CreatedApiKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", key.Key);
        return client;
    }

    public async Task<HttpClient> ClientWithNewKeyAsync(string name = "tests") => ClientFor(await NewKeyAsync(name));

    public static MultipartFormDataContent Form(string csv, string? name = null, string? mapping = null, string? callbackUrl = null, string fileName = "list.csv")
    {
        var form = new MultipartFormDataContent();
        if (name is not null)
            form.Add(new StringContent(name), "name");
        if (mapping is not null)
            form.Add(new StringContent(mapping), "mapping");
        if (callbackUrl is not null)
            form.Add(new StringContent(callbackUrl), "callback_url");
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes(csv));
        file.Headers.ContentType = new MediaTypeHeaderValue("text/csv");
        form.Add(file, "file", fileName);
        return form;
    }

    /// <summary>Polls the list until it reaches <paramref name="state"/>; fails with the list's JSON otherwise.</summary>
    public static async Task<JsonElement> WaitForStateAsync(HttpClient client, long id, string state, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? TimeSpan.FromSeconds(60));
        JsonElement list;
        do
        {
            list = await client.GetFromJsonAsync<JsonElement>($"/api/lists/{id}");
            if (list.GetProperty("state").GetString() == state)
                return list;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"list {id} did not become {state}: {list}");
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Dns.DisposeAsync();
        await Smtp.DisposeAsync();
        await PostgresFixture.Current.Server.DropDatabaseAsync(ConnectionString);
    }
}

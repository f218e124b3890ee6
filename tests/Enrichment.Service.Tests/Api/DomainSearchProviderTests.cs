using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Enrichment.Testing;
using Npgsql;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Enrichment.Service.Tests.Api;

/// <summary>
/// The service reads Hunter and Tomba from its configuration (as environment variables would set it) and the finder
/// stage asks them for rows without an address: stand-ins for both APIs on loopback (WireMock.Net), the real service
/// (WebApplicationFactory, real PostgreSQL), fake DNS/SMTP. Keys go to the providers and into no log line.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class DomainSearchProviderTests
{
    const string HunterKey = "hk_service-secret-0123456789";
    const string TombaKey = "ta_service-tomba-key-abcdef";
    const string TombaSecret = "ts_service-tomba-secret-fedcba";

    static WireMockServer Provider(string path, string body)
    {
        var server = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        server.Given(Request.Create().WithPath(path).UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(body));
        return server;
    }

    [Fact]
    public async Task FinderStage_UsesTheConfiguredProviders_ForRowsWithoutAnAddress_AndLogsNoKey()
    {
        using var hunter = Provider("/v2/domain-search", """
            {"data":{"domain":"found.test","pattern":null,"emails":[
              {"value":"ada.lovelace@found.test","type":"personal","confidence":97,"first_name":"Ada","last_name":"Lovelace","position":"CTO"}]},
             "meta":{"results":1,"limit":10,"offset":0}}
            """);
        using var tomba = Provider("/v1/domain-search", """
            {"data":{"organization":{"pattern":null},"emails":[
              {"email":"turing.alan@found.test","first_name":"Alan","last_name":"Turing","full_name":"Alan Turing","type":"personal","score":90,"sources":[]}]},
             "meta":{"total":1,"pageSize":10,"current":1,"total_pages":1}}
            """);
        var logs = new CapturingLoggerProvider();
        await using var app = await ServiceApp.StartAsync(nameof(DomainSearchProviderTests),
            FakeSmtpScripts.Mailboxes("ada.lovelace@found.test", "turing.alan@found.test"),
            new Dictionary<string, string?>
            {
                ["Enrichment:DomainSearch:Hunter:ApiKey"] = HunterKey,
                ["Enrichment:DomainSearch:Hunter:BaseAddress"] = hunter.Urls[0],
                ["Enrichment:DomainSearch:Tomba:ApiKey"] = TombaKey,
                ["Enrichment:DomainSearch:Tomba:ApiSecret"] = TombaSecret,
                ["Enrichment:DomainSearch:Tomba:BaseAddress"] = tomba.Urls[0],
                ["Logging:LogLevel:Default"] = "Information",
                ["Logging:LogLevel:System.Net.Http"] = "Trace",
            },
            logs: logs);
        app.Dns.AddMailDomain("found.test", IPAddress.Loopback);
        using var client = await app.ClientWithNewKeyAsync();

        using var upload = await client.PostAsync("/api/lists", ServiceApp.Form(
            "first_name,last_name,website\nAda,Lovelace,https://found.test\nAlan,Turing,found.test\n", name: "providers"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await ServiceApp.WaitForStateAsync(client, id, "complete");

        await using var db = new NpgsqlConnection(app.ConnectionString);
        var rows = (await db.QueryAsync<(string? Email, string? Source, string Status)>(
            "SELECT email, find_source, status FROM list_rows WHERE list_id = @id ORDER BY row_no", new { id })).ToList();
        // Alan's address ({last}.{first}) is one no guess would rank first: only Tomba knew it.
        Assert.Equal([("ada.lovelace@found.test", "hunter", "deliverable"), ("turing.alan@found.test", "tomba", "deliverable")], rows);
        var hunterCall = Assert.Single(hunter.LogEntries).RequestMessage;
        Assert.Equal(HunterKey, hunterCall.Query!["api_key"][0]);
        Assert.Equal("found.test", hunterCall.Query["domain"][0]);
        var tombaCall = Assert.Single(tomba.LogEntries).RequestMessage;
        Assert.Equal((TombaKey, TombaSecret), (tombaCall.Headers!["X-Tomba-Key"][0], tombaCall.Headers["X-Tomba-Secret"][0]));
        Assert.Contains(logs.Messages, m => m.Contains("Domain search providers: hunter (http://127.0.0.1:", StringComparison.Ordinal) && m.Contains("tomba (", StringComparison.Ordinal));
        Assert.Contains(logs.Messages, m => m.Contains("/v2/domain-search", StringComparison.Ordinal)); // HttpClient's own logging ran
        Assert.All(logs.Messages, m =>
        {
            Assert.DoesNotContain(HunterKey, m, StringComparison.Ordinal);
            Assert.DoesNotContain(TombaKey, m, StringComparison.Ordinal);
            Assert.DoesNotContain(TombaSecret, m, StringComparison.Ordinal);
        });
    }
}

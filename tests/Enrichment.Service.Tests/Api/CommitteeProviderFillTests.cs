using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Enrichment.Finding.DomainSearch;
using Enrichment.Finding.DomainSearch.Providers;
using Enrichment.Testing;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

namespace Enrichment.Service.Tests.Api;

/// <summary>
/// The provider step of a committee fill through the real service: Hunter's domain search (a WireMock server on
/// loopback, reached through the real Refit client and its resilience pipeline) offers people with positions and
/// addresses; the fill classifies them, verifies the picks against the fake SMTP server, and — when a pick's mailbox
/// bounces — goes a second round on the next candidate for the role.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class CommitteeProviderFillTests : IAsyncLifetime
{
    const string HunterKey = "hk_test-key-not-a-secret";

    WireMockServer _hunter = null!;
    ServiceApp _app = null!;

    public async Task InitializeAsync()
    {
        _hunter = WireMockServer.Start(new WireMockServerSettings { Urls = ["http://127.0.0.1:0"] });
        _hunter.Given(Request.Create().WithPath("/v2/domain-search").WithParam("domain", "acme.test").UsingGet())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(HunterPage()));
        var hunter = new ProviderOptions { ApiKey = HunterKey, BaseAddress = new Uri(_hunter.Urls[0]) };
        // Ian's provider address is not a mailbox: round one bounces it, round two verifies Sue instead.
        _app = await ServiceApp.StartAsync(nameof(CommitteeProviderFillTests),
            FakeSmtpScripts.Mailboxes("carol.cfo@acme.test", "priya.buyer@acme.test", "eve.dev@acme.test", "sue.data@acme.test"),
            services: s => s.AddDomainSearch(new DomainSearchOptions { Hunter = hunter }));
        _app.Dns.AddMailDomain("acme.test", IPAddress.Loopback);
    }

    public async Task DisposeAsync()
    {
        await _app.DisposeAsync();
        _hunter.Stop();
        _hunter.Dispose();
    }

    static string HunterPage()
    {
        static object Email(string first, string last, string position) => new
        {
            value = $"{first}.{last}@acme.test".ToLowerInvariant(),
            type = "personal",
            confidence = 90,
            sources = Array.Empty<object>(),
            first_name = first,
            last_name = last,
            position,
        };

        return JsonSerializer.Serialize(new
        {
            data = new
            {
                domain = "acme.test",
                accept_all = false,
                pattern = "{first}.{last}",
                emails = new[]
                {
                    Email("Carol", "Cfo", "Chief Financial Officer"),
                    Email("Priya", "Buyer", "Head of Procurement"),
                    Email("Ian", "Ops", "IT Manager"),
                    Email("Eve", "Dev", "Software Engineer"),
                    Email("Sue", "Data", "Data Engineer"),
                },
            },
            meta = new { results = 5, limit = 10, offset = 0 },
        });
    }

    [Fact]
    public async Task Fill_TakesPeopleFromTheProvider_VerifiesThem_AndGoesASecondRoundForABouncedPick()
    {
        using var client = await _app.ClientWithNewKeyAsync();
        using var created = await client.PostAsJsonAsync("/api/accounts", new { name = "Acme", domain = "acme.test" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using (var fill = await client.PostAsync($"/api/accounts/{id}/committee/fill", null))
            Assert.Equal(HttpStatusCode.Accepted, fill.StatusCode);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        while ((await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{id}")).GetProperty("fill_state").GetString() != "done")
        {
            Assert.True(DateTime.UtcNow < deadline, "the fill did not finish within 60 s");
            await Task.Delay(100);
        }

        // The provider was asked once, for the account's domain, with the key.
        var asked = Assert.Single(_hunter.LogEntries.Select(e => e.RequestMessage), r => r.Path == "/v2/domain-search");
        Assert.Equal("acme.test", asked.Query!["domain"][0]);
        Assert.Equal(HunterKey, asked.Query!["api_key"][0]);

        var committee = await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{id}/committee");
        var members = committee.GetProperty("members").EnumerateArray()
            .ToDictionary(m => m.GetProperty("name").GetString()!, m => (Role: m.GetProperty("role").GetString(), Email: m.GetProperty("email").GetString(),
                Status: m.GetProperty("status").GetString(), Source: m.GetProperty("source").GetString()));
        Assert.Equal(("economic_buyer", "carol.cfo@acme.test", "deliverable", "hunter"), members["Carol Cfo"]);
        Assert.Equal(("blocker", "priya.buyer@acme.test", "deliverable", "hunter"), members["Priya Buyer"]);
        // Round one picked Ian (the manager fits best) and Eve; Ian's mailbox bounced, so round two verified Sue.
        Assert.Equal(("technical_evaluator", "eve.dev@acme.test", "deliverable", "hunter"), members["Eve Dev"]);
        Assert.Equal(("technical_evaluator", "sue.data@acme.test", "deliverable", "hunter"), members["Sue Data"]);
        Assert.DoesNotContain("Ian Ops", members.Keys);
        var roles = committee.GetProperty("roles").EnumerateArray().ToDictionary(r => r.GetProperty("role").GetString()!, r => r.GetProperty("filled").GetInt32());
        Assert.Equal(2, roles["technical_evaluator"]);
        Assert.Equal(1, roles["economic_buyer"]);
        Assert.Equal(1, roles["blocker"]);
        Assert.Equal(0, _app.Smtp.DataCommandCount);
    }
}

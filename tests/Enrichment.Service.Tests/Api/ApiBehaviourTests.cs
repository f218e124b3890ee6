using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Enrichment.Service.Jobs;
using Enrichment.Testing;

namespace Enrichment.Service.Tests.Api;

/// <summary>The HTTP surface: keys, ownership, bad input as ProblemDetails, size limit, cancel, erase, callbacks,
/// greylisting through delayed jobs, health, OpenAPI, dashboard access.</summary>
[Collection(PostgresGroup.Name)]
public sealed class ApiBehaviourTests(ApiBehaviourTests.Service service) : IClassFixture<ApiBehaviourTests.Service>
{
    const int UploadLimit = 64 * 1024;
    readonly ServiceApp _app = service.App;
    readonly ManualTimeProvider _smtpClock = service.SmtpClock;

    /// <summary>One service for the class (starting one costs a Hangfire server and a schema).</summary>
    public sealed class Service : IAsyncLifetime
    {
        public ManualTimeProvider SmtpClock { get; } = new();

        public ServiceApp App { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            // Real mailboxes only: a server accepting every recipient is a catch-all, and its verdicts are risky.
            var greylist = FakeSmtpScripts.Greylist(TimeSpan.FromMinutes(5), SmtpClock, FakeSmtpScripts.Mailboxes("ann@grey.test", "bob@grey.test"));
            var ok = FakeSmtpScripts.Mailboxes("a@ok.test", "b@ok.test", "carl@ok.test");
            var settings = new Dictionary<string, string?>
            {
                ["Enrichment:MaxUploadBytes"] = UploadLimit.ToString(System.Globalization.CultureInfo.InvariantCulture),
                ["Enrichment:Callbacks:RetryDelays:0"] = "00:00:00.100",
                ["Enrichment:Callbacks:RetryDelays:1"] = "00:00:00.100",
                ["Enrichment:Callbacks:RetryDelays:2"] = "00:00:00.100",
                ["Enrichment:Workers"] = "1",
            };
            // Greylisting retries every second, more often than the test needs, so none runs out before the
            // server's window (on the test's manual clock) has passed.
            for (var i = 0; i < 120; i++)
                settings[$"Enrichment:Verification:RetrySchedule:{i}"] = "00:00:01";
            App = await ServiceApp.StartAsync(nameof(ApiBehaviourTests),
                context => context.Recipient.EndsWith("@grey.test", StringComparison.OrdinalIgnoreCase) ? greylist(context) : ok(context),
                settings);
            foreach (var domain in new[] { "ok.test", "grey.test" })
                App.Dns.AddMailDomain(domain, IPAddress.Loopback);
        }

        public async Task DisposeAsync() => await App.DisposeAsync();
    }

    [Fact]
    public async Task Api_RefusesMissingOrWrongKeys_WithProblemDetails()
    {
        using var anonymous = _app.CreateClient();
        using var wrong = _app.CreateClient();
        wrong.DefaultRequestHeaders.Add("X-Api-Key", "enr_000000000000_nope");

        using var none = await anonymous.GetAsync("/api/lists");
        using var bad = await wrong.PostAsync("/api/lists", ServiceApp.Form("email\na@ok.test\n"));

        Assert.Equal(HttpStatusCode.Unauthorized, none.StatusCode);
        Assert.Equal("application/problem+json", none.Content.Headers.ContentType!.MediaType);
        Assert.Equal("API key required", (await none.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, bad.StatusCode);
    }

    [Fact]
    public async Task Lists_AreInvisibleToOtherKeys()
    {
        using var owner = await _app.ClientWithNewKeyAsync("owner");
        using var other = await _app.ClientWithNewKeyAsync("other");
        using var created = await owner.PostAsync("/api/lists", ServiceApp.Form("email\na@ok.test\n"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        using var foreign = await other.GetAsync($"/api/lists/{id}");
        using var foreignDelete = await other.DeleteAsync($"/api/lists/{id}");
        var mine = await other.GetFromJsonAsync<JsonElement>("/api/lists");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, foreignDelete.StatusCode);
        Assert.Equal(0, mine.GetArrayLength());
        await ServiceApp.WaitForStateAsync(owner, id, "complete");
    }

    [Theory]
    [InlineData("""{"email": "Work Mail"}""", "email\na@ok.test\n", "Work Mail")]
    [InlineData("""{"shoe_size": "Size"}""", "email\na@ok.test\n", "shoe_size")]
    [InlineData("""not json""", "email\na@ok.test\n", "not valid JSON")]
    [InlineData(null, "Shoe,Size\n42,43\n", "Shoe")]
    public async Task Upload_ExplainsWhyAFileCannotBeImported(string? mapping, string csv, string expectedInDetail)
    {
        using var client = await _app.ClientWithNewKeyAsync();

        using var response = await client.PostAsync("/api/lists", ServiceApp.Form(csv, mapping: mapping));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains(expectedInDetail, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>("/api/lists") ?? []);
    }

    [Fact]
    public async Task Upload_UsesTheMapping_ForAnUnusualHeader()
    {
        using var client = await _app.ClientWithNewKeyAsync();

        using var response = await client.PostAsync("/api/lists", ServiceApp.Form("Id;Work Mail\n7;a@ok.test\n", mapping: """{"email":"Work Mail"}"""));

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        var list = await ServiceApp.WaitForStateAsync(client, id, "complete");
        Assert.Equal(1, list.GetProperty("counts").GetProperty("deliverable").GetInt32());
        Assert.StartsWith("Id,Work Mail,email_verified,", await client.GetStringAsync($"/api/lists/{id}/results"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upload_OverTheLimit_Is413_AndLeavesNothingBehind()
    {
        using var client = await _app.ClientWithNewKeyAsync();
        var big = new StringBuilder("email\n");
        while (big.Length <= UploadLimit)
            big.Append("someone.with.a.long.name@ok.test\n");

        using var response = await client.PostAsync("/api/lists", ServiceApp.Form(big.ToString()));

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("MaxUploadBytes", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Empty(await client.GetFromJsonAsync<JsonElement[]>("/api/lists") ?? []);
    }

    [Fact]
    public async Task Upload_OfBinaryData_IsRefusedClearly()
    {
        using var client = await _app.ClientWithNewKeyAsync();
        using var form = new MultipartFormDataContent();
        var bytes = new ByteArrayContent([0x7F, 0x45, 0x4C, 0x46, 0, 0, 0, 1, 2, 0, 0, 0, 0, 0]);
        bytes.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(bytes, "file", "ls");

        using var response = await client.PostAsync("/api/lists", form);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("binary", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Delete_ErasesTheListAndItsRows()
    {
        using var client = await _app.ClientWithNewKeyAsync();
        using var created = await client.PostAsync("/api/lists", ServiceApp.Form("email\na@ok.test\nb@ok.test\n"));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await ServiceApp.WaitForStateAsync(client, id, "complete");

        using var deleted = await client.DeleteAsync($"/api/lists/{id}");
        using var after = await client.GetAsync($"/api/lists/{id}");
        using var rows = await client.GetAsync($"/api/lists/{id}/results");

        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, after.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, rows.StatusCode);
        await using var connection = new Npgsql.NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var count = new Npgsql.NpgsqlCommand($"SELECT count(*) FROM list_rows WHERE list_id = {id}", connection);
        Assert.Equal(0L, await count.ExecuteScalarAsync());
    }

    [Fact]
    public async Task Greylisted_Domain_WaitsInADelayedJob_WithoutHoldingTheOnlyWorker_ThenCompletes()
    {
        using var client = await _app.ClientWithNewKeyAsync();
        using var grey = await client.PostAsync("/api/lists", ServiceApp.Form("email\nann@grey.test\nbob@grey.test\n", name: "grey"));
        var greyId = (await grey.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await ServiceApp.WaitForStateAsync(client, greyId, "waiting_retry");

        // With one worker, another list completes while the greylisted one waits: nothing sleeps in a worker.
        using var other = await client.PostAsync("/api/lists", ServiceApp.Form("email\ncarl@ok.test\n", name: "other"));
        var otherId = (await other.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await ServiceApp.WaitForStateAsync(client, otherId, "complete");
        Assert.Equal("waiting_retry", (await client.GetFromJsonAsync<JsonElement>($"/api/lists/{greyId}")).GetProperty("state").GetString());

        _smtpClock.Advance(TimeSpan.FromMinutes(6)); // the server's greylisting window passes
        var done = await ServiceApp.WaitForStateAsync(client, greyId, "complete");

        Assert.Equal(2, done.GetProperty("counts").GetProperty("deliverable").GetInt32());
    }

    [Fact]
    public async Task Callback_IsSignedAndRetried_UntilTheReceiverAccepts()
    {
        await using var receiver = await StubHttpServer.StartAsync();
        var key = await _app.NewKeyAsync("callbacks");
        using var client = _app.ClientFor(key);
        var bodies = new List<(string Body, string? Signature)>();
        var calls = 0;
        receiver.Map("/hook", async (_, http) =>
        {
            using var reader = new StreamReader(http.Request.Body);
            var body = await reader.ReadToEndAsync();
            lock (bodies)
                bodies.Add((body, http.Request.Headers[CallbackSigner.Header].ToString()));
            return Interlocked.Increment(ref calls) <= 2 ? new StubResponse(503, "down") : StubResponse.Json("{}");
        });

        using var created = await client.PostAsync("/api/lists", ServiceApp.Form("email\na@ok.test\n", callbackUrl: new Uri(receiver.BaseAddress, "hook").ToString()));
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        await ServiceApp.WaitForStateAsync(client, id, "complete");
        await using var connection = new Npgsql.NpgsqlConnection(_app.ConnectionString);
        await connection.OpenAsync();
        await using var delivered = new Npgsql.NpgsqlCommand($"SELECT attempts FROM callbacks WHERE list_id = {id} AND delivered_at IS NOT NULL", connection);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        object? attempts;
        while ((attempts = await delivered.ExecuteScalarAsync()) is null && DateTime.UtcNow < deadline)
            await Task.Delay(100);

        Assert.Equal(3, attempts);
        Assert.Equal(3, bodies.Count);
        Assert.All(bodies, b => Assert.True(CallbackSigner.Verify(key.CallbackSecret, Encoding.UTF8.GetBytes(b.Body), b.Signature)));
        Assert.False(CallbackSigner.Verify("another-secret", Encoding.UTF8.GetBytes(bodies[0].Body), bodies[0].Signature));
        var summary = JsonDocument.Parse(bodies[^1].Body).RootElement;
        Assert.Equal(id, summary.GetProperty("list_id").GetInt64());
        Assert.Equal(1, summary.GetProperty("counts").GetProperty("deliverable").GetInt32());
    }

    [Fact]
    public async Task Health_OpenApi_AndDashboard_Answer()
    {
        using var client = _app.CreateClient();

        var ready = await client.GetFromJsonAsync<JsonElement>("/health/ready");
        using var live = await client.GetAsync("/health/live");
        var openApi = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
        using var dashboard = await client.GetAsync("/hangfire");
        using var proxied = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var viaProxy = await client.SendAsync(proxied);

        Assert.Equal("Healthy", ready.GetProperty("status").GetString());
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True(openApi.GetProperty("paths").TryGetProperty("/api/lists/{id}/results", out _));
        Assert.Equal(HttpStatusCode.OK, dashboard.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, viaProxy.StatusCode);
    }
}

using System.Net;
using Enrichment.Service.Tests.Api;
using Enrichment.Testing;

namespace Enrichment.Service.Tests.Dashboard;

/// <summary>Without a login configured: the ops pages answer local callers only, and every POST needs its token.</summary>
[Collection(PostgresGroup.Name)]
public sealed class OpsAccessTests : IAsyncLifetime
{
    ServiceApp _app = null!;

    public async Task InitializeAsync() =>
        _app = await ServiceApp.StartAsync(nameof(OpsAccessTests), FakeSmtpScripts.Mailboxes(), new Dictionary<string, string?> { ["Enrichment:RunJobs"] = "false" });

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Theory]
    [InlineData("/hangfire/ops/lists")]
    [InlineData("/hangfire/ops/upload")]
    [InlineData("/hangfire/ops/suppressions")]
    [InlineData("/hangfire/ops/keys")]
    [InlineData("/hangfire/ops/accounts")]
    public async Task LocalCaller_SeesThePage_ButNotThroughAProxy(string path)
    {
        using var client = _app.CreateClient();
        using var local = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, local.StatusCode);
        Assert.Contains("local access (no login configured)", await local.Content.ReadAsStringAsync(), StringComparison.Ordinal);

        using var proxied = new HttpRequestMessage(HttpMethod.Get, path);
        proxied.Headers.Add("X-Forwarded-For", "203.0.113.9");
        using var refused = await client.SendAsync(proxied);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
    }

    [Theory]
    [InlineData("/hangfire/ops/suppressions")]
    [InlineData("/hangfire/ops/keys")]
    [InlineData("/hangfire/ops/lists/1/cancel")]
    [InlineData("/hangfire/ops/upload/start")]
    [InlineData("/hangfire/ops/accounts/fill")]
    public async Task PostWithoutAntiforgeryToken_Is400_AndChangesNothing(string path)
    {
        using var client = _app.CreateClient();
        using var response = await client.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "email", ["value"] = "x@y.test", ["name"] = "k" }));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.DoesNotContain("x@y.test", await client.GetStringAsync("/hangfire/ops/suppressions"), StringComparison.Ordinal);
    }
}

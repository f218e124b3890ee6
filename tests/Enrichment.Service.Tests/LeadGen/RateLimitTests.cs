using System.Net;
using System.Text.Json;
using System.Net.Http.Json;
using Enrichment.Service.Tests.Api;
using Enrichment.Testing;

namespace Enrichment.Service.Tests.LeadGen;

/// <summary>Per-key rate limits: over the limit a key gets 429 with Retry-After; another key is not affected.</summary>
[Collection(PostgresGroup.Name)]
public sealed class RateLimitTests
{
    [Fact]
    public async Task OverTheLimit_AKeyGets429WithRetryAfter_AndOtherKeysDoNot()
    {
        await using var app = await ServiceApp.StartAsync(nameof(RateLimitTests), FakeSmtpScripts.CatchAll(), new Dictionary<string, string?>
        {
            ["Enrichment:RateLimit:PermitLimit"] = "3",
            ["Enrichment:RateLimit:Window"] = "01:00:00",
            ["Enrichment:RunJobs"] = "false",
        });
        using var busy = await app.ClientWithNewKeyAsync("busy");
        using var quiet = await app.ClientWithNewKeyAsync("quiet");

        for (var i = 0; i < 3; i++)
        {
            using var ok = await busy.GetAsync("/api/contacts");
            Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        }

        using var limited = await busy.GetAsync("/api/contacts");
        using var other = await quiet.GetAsync("/api/contacts");

        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        var retryAfter = int.Parse(limited.Headers.GetValues("Retry-After").Single(), System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(retryAfter, 1, 3600);
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Threading.RateLimiting;
using Enrichment.Service.Security;
using Enrichment.Service.Tests.Api;
using Enrichment.Testing;

namespace Enrichment.Service.Tests.LeadGen;

/// <summary>
/// Per-key rate limits on the service's clock: over the limit a key gets 429 with the exact Retry-After until its
/// window closes, then is served again; another key is not affected. The manual clock moves; nothing sleeps.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class RateLimitTests
{
    [Fact]
    public async Task OverTheLimit_AKeyGets429UntilItsWindowCloses_AndOtherKeysDoNot()
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
        await using var app = await ServiceApp.StartAsync(nameof(RateLimitTests), FakeSmtpScripts.CatchAll(), new Dictionary<string, string?>
        {
            ["Enrichment:RateLimit:PermitLimit"] = "3",
            ["Enrichment:RateLimit:Window"] = "01:00:00",
            ["Enrichment:RunJobs"] = "false",
        }, clock);
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
        Assert.Equal("3600", limited.Headers.GetValues("Retry-After").Single()); // the hour's window opened at 12:00
        var problem = await limited.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(429, problem.GetProperty("status").GetInt32());
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);

        clock.Advance(TimeSpan.FromMinutes(45));
        using (var still = await busy.GetAsync("/api/contacts"))
        {
            Assert.Equal(HttpStatusCode.TooManyRequests, still.StatusCode);
            Assert.Equal("900", still.Headers.GetValues("Retry-After").Single());
        }

        clock.Advance(TimeSpan.FromMinutes(15));
        using var again = await busy.GetAsync("/api/contacts");
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
    }

    [Theory]
    [InlineData(0, 2, true, null)]          // second request of a 2-permit window
    [InlineData(0, 3, false, 60.0)]         // third: refused until the minute closes
    [InlineData(59.5, 3, false, 0.5)]
    [InlineData(60, 3, true, null)]         // a new window
    public void ClockedWindowLimiter_CountsPerClockWindow(double secondsLater, int nth, bool acquired, double? retryAfterSeconds)
    {
        var clock = new ManualTimeProvider(new DateTimeOffset(2030, 1, 1, 12, 0, 0, TimeSpan.Zero));
        using var limiter = new ClockedWindowLimiter(2, TimeSpan.FromMinutes(1), clock);
        for (var i = 1; i < nth; i++)
            limiter.AttemptAcquire().Dispose();
        clock.Advance(TimeSpan.FromSeconds(secondsLater));

        using var lease = limiter.AttemptAcquire();

        // After a new window opens the earlier requests no longer count, so the "nth" is the first of that window.
        Assert.Equal(acquired, lease.IsAcquired);
        Assert.Equal(retryAfterSeconds, lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait.TotalSeconds : null);
    }
}

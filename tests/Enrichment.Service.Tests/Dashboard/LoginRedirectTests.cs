using Enrichment.Service.Dashboard;

namespace Enrichment.Service.Tests.Dashboard;

public sealed class LoginRedirectTests
{
    const string Browser = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    [Theory]
    // A person opening Hangfire's pages without the login cookie goes to the login page.
    [InlineData(true, false, "GET", "/hangfire", Browser, true)]
    [InlineData(true, false, "GET", "/hangfire/", Browser, true)]
    [InlineData(true, false, "GET", "/hangfire/jobs/succeeded", Browser, true)]
    [InlineData(true, false, "HEAD", "/hangfire/recurring", Browser, true)]
    // Logged in, or no login configured (loopback rule): Hangfire decides.
    [InlineData(true, true, "GET", "/hangfire/jobs/succeeded", Browser, false)]
    [InlineData(false, false, "GET", "/hangfire/jobs/succeeded", Browser, false)]
    // Scripts and assets keep their 401: Hangfire's polling, JSON, stylesheets.
    [InlineData(true, false, "POST", "/hangfire/stats", "application/json", false)]
    [InlineData(true, false, "POST", "/hangfire/jobs/enqueued/delete", Browser, false)]
    [InlineData(true, false, "GET", "/hangfire/stats", "application/json, text/javascript, */*; q=0.01", false)]
    [InlineData(true, false, "GET", "/hangfire/css18250", "text/css,*/*;q=0.1", false)]
    [InlineData(true, false, "GET", "/hangfire/jobs/succeeded", null, false)]
    // Our ops pages redirect by themselves; other paths are not the dashboard's.
    [InlineData(true, false, "GET", "/hangfire/ops/lists", Browser, false)]
    [InlineData(true, false, "GET", "/api/lists", Browser, false)]
    [InlineData(true, false, "GET", "/hangfireish", Browser, false)]
    public void Applies_OnlyToPageNavigationsOfStrangers(bool configured, bool authenticated, string method, string path, string? accept, bool expected) =>
        Assert.Equal(expected, LoginRedirect.Applies(configured, authenticated, method, path, accept));

    [Fact]
    public void Target_IsTheLoginPage_ComingBackToThePage() =>
        Assert.Equal("/hangfire/ops/login?returnUrl=%2Fhangfire%2Fjobs%2Fdetails%2F42%3Fx%3D1", LoginRedirect.Target("/hangfire/jobs/details/42?x=1"));
}

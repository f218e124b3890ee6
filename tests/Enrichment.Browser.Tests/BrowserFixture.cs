using System.Net;
using Enrichment.Testing;
using Microsoft.Playwright;

namespace Enrichment.Browser.Tests;

/// <summary>
/// One PostgreSQL cluster, one running service and one headless Debian chromium for the test class. Chromium is kept
/// off the network: every host name but 127.0.0.1 fails to resolve, and the background services that phone home are off.
/// Screenshots go to <see cref="ScreenshotFolder"/> (kept as test artifacts).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    PostgresServer? _postgres;
    IPlaywright? _playwright;

    public DashboardApp App { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public static string ScreenshotFolder { get; } = Path.Combine(AppContext.BaseDirectory, "TestResults", "screenshots");

    public async Task InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
            throw new InvalidOperationException($"{ChromiumPath} is missing: apt-get install -y chromium (.ci/run installs it)");
        Environment.SetEnvironmentVariable("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1");
        Directory.CreateDirectory(ScreenshotFolder);
        _postgres = await PostgresServer.StartAsync();
        App = await DashboardApp.StartAsync(_postgres, FakeSmtpScripts.Mailboxes("jane@acme.test", "li@acme.test", "omar@globex.test"));
        App.Dns.AddMailDomain("acme.test", IPAddress.Loopback);
        App.Dns.AddMailDomain("globex.test", IPAddress.Loopback);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args =
            [
                "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--no-first-run", "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1",
            ],
        });
    }

    /// <summary>A fresh browser context (own cookies) logged in as <paramref name="user"/>.</summary>
    public async Task<IPage> LogInAsync(string user)
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, AcceptDownloads = true, ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync("/hangfire/ops/lists");
        await page.FillAsync("#user", user);
        await page.FillAsync("#password", DashboardApp.Password);
        await page.ClickAsync("main button[type=submit]");
        await page.WaitForURLAsync("**/hangfire/ops/lists");
        return page;
    }

    public static async Task ScreenshotAsync(IPage page, string name)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(ScreenshotFolder, name + ".png"), FullPage = true });
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
            await Browser.DisposeAsync();
        _playwright?.Dispose();
        if (App is not null)
            await App.DisposeAsync();
        if (_postgres is not null)
            await _postgres.DisposeAsync();
    }
}

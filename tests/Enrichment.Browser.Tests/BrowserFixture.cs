using System.Net;
using Enrichment.Testing;
using Microsoft.Playwright;

namespace Enrichment.Browser.Tests;

/// <summary>
/// One PostgreSQL cluster, one running service and one headless Debian chromium for the test class. Chromium is kept
/// off the network: every host name but 127.0.0.1 fails to resolve, and the background services that phone home are off.
/// Screenshots go to <see cref="ScreenshotFolder"/> (kept as test artifacts). Shared by every browser test class (one
/// collection: one service, one chromium, tests one after another); each test names its lists uniquely.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string Collection = "browser";

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
        var mailboxes = FakeSmtpScripts.Mailboxes("jane@acme.test", "li@acme.test", "omar@globex.test",
            "carol.chief@initech.test", "dana.director@initech.test", "ian.engineer@initech.test");
        // grey.test greylists every recipient (its list waits for a retry, 30 s away at the least: time to press Cancel);
        // broken.test's DNS fails (unknown verdicts, for "retry failed").
        App = await DashboardApp.StartAsync(_postgres, context => context.Recipient.EndsWith("@grey.test", StringComparison.OrdinalIgnoreCase)
            ? $"451 4.7.1 <{context.Recipient}>: Recipient address rejected: Greylisted, try again later"
            : mailboxes(context));
        foreach (var domain in new[] { "acme.test", "globex.test", "grey.test", "initech.test" })
            App.Dns.AddMailDomain(domain, IPAddress.Loopback);
        App.Dns.SetServFail("broken.test");
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

    /// <summary>A fresh browser context with no login.</summary>
    public async Task<IPage> AnonymousPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { BaseURL = App.BaseUrl, ViewportSize = new ViewportSize { Width = 1400, Height = 900 } });
        return await context.NewPageAsync();
    }

    /// <summary>Uploads <paramref name="csv"/> as list <paramref name="name"/> through the upload page, starts it, and returns its id.</summary>
    public static async Task<long> UploadAndStartAsync(IPage page, string name, string csv)
    {
        ArgumentNullException.ThrowIfNull(page);
        await page.GotoAsync("/hangfire/ops/upload");
        await page.SetInputFilesAsync("#file", new FilePayload { Name = name + ".csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(csv) });
        await page.FillAsync("#name", name);
        await page.ClickAsync("main button[type=submit]");
        await page.ClickAsync("text=Start verifying");
        await page.WaitForURLAsync(ListUrl);
        return long.Parse(ListUrl.Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    public static readonly System.Text.RegularExpressions.Regex ListUrl = new("/hangfire/ops/lists/(\\d+)$");

    /// <summary>Every visible form control on the page has a label (for screen readers and a click target).</summary>
    public static async Task<string[]> UnlabelledControlsAsync(IPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        return await page.EvaluateAsync<string[]>("""
            () => [...document.querySelectorAll('input:not([type=hidden]), select, textarea')]
                .filter(e => e.labels.length === 0 && !e.getAttribute('aria-label'))
                .map(e => e.outerHTML)
            """);
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

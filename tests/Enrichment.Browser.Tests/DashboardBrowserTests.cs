using System.Text;
using Microsoft.Playwright;

namespace Enrichment.Browser.Tests;

/// <summary>
/// The ops pages in a real browser (Debian's chromium, headless) against the running service: upload with a corrected
/// mapping → complete → download; rejected rows; antiforgery; the read-only role. Each page is saved as a screenshot.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class DashboardBrowserTests(BrowserFixture fixture)
{
    // Semicolons, a "Work Email" header, and a first-name column ("Known as") no synonym finds: the test maps it by hand.
    const string Csv = """
        Work Email;Known as;Surname;Company;Website
        jane@acme.test;Jane;Doe;Acme;acme.test
        nobody@acme.test;No;Body;Acme;acme.test
        omar@globex.test;Omar;Haddad;Globex;globex.test
        ;;;Initech;initech.test
        li@acme.test;Li;Wei;Acme;acme.test
        """;

    [Fact]
    public async Task Upload_CorrectMapping_Start_Complete_DownloadDeliverable_ShowsRejectedRow()
    {
        var page = await fixture.LogInAsync(DashboardApp.AdminUser);
        await page.GotoAsync("/hangfire/ops/upload");
        await BrowserFixture.ScreenshotAsync(page, "01-upload");
        Assert.Empty(await BrowserFixture.UnlabelledControlsAsync(page));

        // A file that is not a list says why, on the page.
        await page.SetInputFilesAsync("#file", new FilePayload { Name = "photo.png", MimeType = "image/png", Buffer = [.. Enumerable.Range(0, 4096).Select(i => (byte)(i * 7 % 256))] });
        await page.ClickAsync("main button[type=submit]");
        var refusal = await page.InnerTextAsync(".alert-danger");
        Assert.Contains("cannot be imported", refusal, StringComparison.Ordinal);
        Assert.Contains("photo.png", refusal, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "01b-upload-unreadable");

        await page.SetInputFilesAsync("#file", new FilePayload { Name = "prospects.csv", MimeType = "text/csv", Buffer = Encoding.UTF8.GetBytes(Csv) });
        await page.FillAsync("#name", "Q4 prospects");
        await page.ClickAsync("main button[type=submit]");

        await page.WaitForSelectorAsync("#map_first_name");
        var detection = await page.InnerTextAsync("main");
        Assert.Contains("semicolon", detection, StringComparison.Ordinal);
        Assert.Equal("Work Email", await page.InputValueAsync("#map_email"));
        Assert.Equal("", await page.InputValueAsync("#map_first_name")); // "Known as" is not a known synonym
        Assert.Equal("", await page.InnerTextAsync("#sample_map_first_name"));
        Assert.Equal("Doe, Body, Haddad", await page.InnerTextAsync("#sample_map_last_name")); // detected: its first values
        await page.SelectOptionAsync("#map_first_name", "Known as");
        // Chosen by hand: its first values show at once (the blank line 5 has none).
        Assert.Equal("Jane, No, Omar", await page.InnerTextAsync("#sample_map_first_name"));
        Assert.Empty(await BrowserFixture.UnlabelledControlsAsync(page));
        // The row that will be rejected says so before anything starts, with its line.
        Assert.Contains("rejected: no email or name", await page.InnerTextAsync("main tr:has(td:text-is(\"5\"))"), StringComparison.Ordinal);
        Assert.Contains("line 5", await page.InnerTextAsync("main tr:has(td:text-is(\"5\"))"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "02-upload-preview");
        await page.ClickAsync("text=Start verifying");

        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/hangfire/ops/lists/\\d+$"));
        // The page refreshes itself every 5 s while the list runs.
        await page.WaitForSelectorAsync("main > p > .label.s-complete", new PageWaitForSelectorOptions { Timeout = 120_000 });
        await BrowserFixture.ScreenshotAsync(page, "03-list");
        var text = await page.InnerTextAsync("main");
        Assert.Contains("Rejected rows (1)", text, StringComparison.Ordinal);
        Assert.Contains("no email or name", text, StringComparison.Ordinal);
        Assert.Contains("first_name ← Known as (chosen)", text, StringComparison.Ordinal);
        Assert.Contains("acme.test", text, StringComparison.Ordinal);

        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Deliverable (CSV)"));
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToArray();
        Assert.StartsWith("Work Email,Known as,Surname,Company,Website,", lines[0], StringComparison.Ordinal);
        Assert.Equal(["jane@acme.test", "omar@globex.test", "li@acme.test"], lines.Skip(1).Select(l => l.Split(',')[0]).ToArray());
        Assert.All(lines.Skip(1), l => Assert.Contains(",deliverable,", l, StringComparison.Ordinal));

        await page.GotoAsync("/hangfire/ops/lists");
        await BrowserFixture.ScreenshotAsync(page, "04-lists");
        Assert.Contains("Q4 prospects", await page.InnerTextAsync("main table"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task PostWithoutAntiforgeryToken_IsRefused_AndFormsWithItWork()
    {
        var page = await fixture.LogInAsync(DashboardApp.AdminUser);
        // Same cookies as the page (logged in as admin), but no form token: refused.
        var forged = await page.APIRequest.PostAsync("/hangfire/ops/suppressions", new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData().Set("kind", "email").Set("value", "forged@acme.test"),
        });
        Assert.Equal(400, forged.Status);

        await page.GotoAsync("/hangfire/ops/suppressions");
        await page.SelectOptionAsync("#kind", "domain");
        await page.FillAsync("#value", "spamtrap.test");
        await page.ClickAsync("main button:has-text(\"Add\")");
        Assert.Contains("spamtrap.test is suppressed", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        Assert.DoesNotContain("forged@acme.test", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "05-suppressions");

        await page.GotoAsync("/hangfire/ops/keys");
        await page.FillAsync("#key-name", "crm sync");
        await page.ClickAsync("main button:has-text(\"Create key\")");
        var key = await page.InnerTextAsync("#new-key");
        Assert.StartsWith("enr_", key, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "06-keys");
        await page.GotoAsync("/hangfire/ops/keys");
        Assert.DoesNotContain(key, await page.ContentAsync(), StringComparison.Ordinal); // shown once only

        // Hangfire's own pages carry our navigation.
        await page.GotoAsync("/hangfire/jobs/succeeded");
        Assert.True(await page.Locator("a[href='/hangfire/ops/lists']").CountAsync() > 0);
        await BrowserFixture.ScreenshotAsync(page, "07-hangfire-jobs");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ReadOnlyUser_SeesNoUploadForm_AndCannotPost()
    {
        var page = await fixture.LogInAsync(DashboardApp.ViewerUser);
        Assert.Equal(0, await page.Locator("nav a[href='/hangfire/ops/upload']").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "08-lists-read-only");

        var upload = await page.GotoAsync("/hangfire/ops/upload");
        Assert.Equal(403, upload!.Status);
        Assert.Equal(0, await page.Locator("input[type=file]").CountAsync());
        Assert.Contains("read-only", await page.InnerTextAsync("main"), StringComparison.Ordinal);

        await page.GotoAsync("/hangfire/ops/suppressions");
        Assert.Equal(0, await page.Locator("#value").CountAsync());
        await page.GotoAsync("/hangfire/ops/accounts");
        Assert.Equal(0, await page.Locator("#account-domain, #accounts-file, main form[method=post]").CountAsync());
        await page.GotoAsync("/hangfire/ops/suppressions");
        // A valid token (the logout form's) does not make a read-only user an admin.
        var token = page.Locator("nav form input[name='__RequestVerificationToken']").First;
        var denied = await page.APIRequest.PostAsync("/hangfire/ops/keys", new APIRequestContextOptions
        {
            Form = page.APIRequest.CreateFormData().Set("name", "sneaky").Set("__RequestVerificationToken", await token.InputValueAsync()),
        });
        Assert.Equal(403, denied.Status);
        await page.GotoAsync("/hangfire/ops/keys");
        Assert.DoesNotContain("sneaky", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }
}

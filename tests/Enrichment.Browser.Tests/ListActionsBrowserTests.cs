using System.Text.RegularExpressions;
using Enrichment.Storage.Lists;
using Microsoft.Playwright;
using Npgsql;

namespace Enrichment.Browser.Tests;

/// <summary>
/// A list's buttons and the Lists page in chromium, checked against the database: Cancel on a list that waits for a
/// greylisting retry, "Retry failed" on a list with unknown rows, the Lists page's search, state filter and keyset
/// pages, and Hangfire's own pages sending a stranger to the login page (and back).
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class ListActionsBrowserTests(BrowserFixture fixture) : IAsyncLifetime
{
    NpgsqlDataSource _data = null!;
    ListStore _lists = null!;

    public Task InitializeAsync()
    {
        _data = NpgsqlDataSource.Create(fixture.App.ConnectionString);
        _lists = new ListStore(_data);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _data.DisposeAsync();

    static string Tag() => "t" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task Cancel_OnAListWaitingForAGreylistingRetry_CancelsItInTheDatabase_AndThePageUpdatesWithoutReload()
    {
        var page = await fixture.LogInAsync(DashboardApp.AdminUser);
        var name = "greylisted " + Tag();
        var id = await BrowserFixture.UploadAndStartAsync(page, name, "Email;Name\ngary@grey.test;Gary Grey\ngrace@grey.test;Grace Grey\n");

        // A mark on this document: it survives in-place updates, a reload would drop it.
        await page.EvaluateAsync("() => { window.sameDocument = true; }");
        // The handle keeps the line as it was when it matched (the next update replaces the element).
        var waiting = await page.WaitForSelectorAsync("#list-state:has(.s-waiting_retry)", new PageWaitForSelectorOptions { Timeout = 90_000 });
        Assert.Contains("waiting for greylisting retry until", await waiting!.InnerTextAsync(), StringComparison.Ordinal);
        Assert.True(await page.EvaluateAsync<bool>("() => window.sameDocument === true"));
        // Not final: waiting, or (the first retry comes 30 s after the deferral) asking again.
        Assert.Contains((await _lists.GetAsync(id, default))!.State, new[] { ListStates.WaitingRetry, ListStates.Running });
        await BrowserFixture.ScreenshotAsync(page, "10-list-waiting-retry");

        // The browser asks first; the list is cancelled only after "OK".
        string? asked = null;
        page.Dialog += (_, dialog) =>
        {
            asked = dialog.Message;
            _ = dialog.AcceptAsync();
        };
        await page.ClickAsync("main button:has-text(\"Cancel this list\")");
        await page.WaitForSelectorAsync("#list-state .s-cancelled");
        Assert.Equal(id, long.Parse(BrowserFixture.ListUrl.Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
        var list = (await _lists.GetAsync(id, default))!;
        Assert.Equal(ListStates.Cancelled, list.State);
        Assert.Equal($"Cancel list {id} ({name})? Rows not verified yet stay unverified; this cannot be undone.", asked);
        Assert.NotNull(list.CompletedAt);
        Assert.Equal(0, await page.Locator("main button:has-text(\"Cancel this list\")").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "11-list-cancelled");

        // The Lists page finds it by state and name.
        await page.GotoAsync("/hangfire/ops/lists");
        await page.FillAsync("#search", name);
        await page.SelectOptionAsync("#state", ListStates.Cancelled);
        await page.ClickAsync("main form[role=search] button[type=submit]");
        await page.WaitForURLAsync(new Regex("state=cancelled"));
        Assert.Equal([name], await page.Locator("#lists-table tbody td:nth-child(2) a").AllInnerTextsAsync());
        await page.SelectOptionAsync("#state", ListStates.Complete);
        await page.ClickAsync("main form[role=search] button[type=submit]");
        await page.WaitForURLAsync(new Regex("state=complete"));
        Assert.Contains("No list matches", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task RetryFailed_CopiesTheUnknownRowsIntoANewList_ThatRunsToComplete()
    {
        var page = await fixture.LogInAsync(DashboardApp.AdminUser);
        var id = await BrowserFixture.UploadAndStartAsync(page, "dns trouble " + Tag(), "Email;Name\nsomeone@broken.test;Some One\njane@acme.test;Jane Doe\nnobody@acme.test;No Body\n");
        // The page reloads by itself once the list has ended.
        await page.WaitForSelectorAsync("main > p > .label.s-complete", new PageWaitForSelectorOptions { Timeout = 120_000 });
        var before = (await _lists.GetAsync(id, default))!;
        Assert.Equal((1, 1, 1), (before.CountDeliverable, before.CountUndeliverable, before.CountUnknown));

        await page.ClickAsync("main button:has-text(\"Retry failed (1 unknown rows)\")");
        await page.WaitForURLAsync(url => BrowserFixture.ListUrl.Match(url) is { Success: true } m && m.Groups[1].Value != id.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var retryId = long.Parse(BrowserFixture.ListUrl.Match(page.Url).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(retryId > id);
        var retry = (await _lists.GetAsync(retryId, default))!;
        Assert.Contains($"retry of unknown rows from list {id}", retry.Name, StringComparison.Ordinal);
        Assert.Equal(1, retry.RowsTotal);

        await page.WaitForSelectorAsync("main > p > .label.s-complete", new PageWaitForSelectorOptions { Timeout = 120_000 });
        retry = (await _lists.GetAsync(retryId, default))!;
        Assert.Equal((ListStates.Complete, 1, 0), (retry.State, retry.CountUnknown, retry.CountDeliverable)); // the DNS still fails
        var download = await page.RunAndWaitForDownloadAsync(() => page.ClickAsync("text=Unknown (CSV)"));
        var lines = (await File.ReadAllLinesAsync((await download.PathAsync())!)).Where(l => l.Length > 0).ToArray();
        Assert.Equal(["someone@broken.test"], lines.Skip(1).Select(l => l.Split(',')[0]).ToArray());
        // The original list is untouched.
        Assert.Equal(before.CountUnknown, (await _lists.GetAsync(id, default))!.CountUnknown);
        await BrowserFixture.ScreenshotAsync(page, "12-list-retry");
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ListsPage_PagesByKeyset_KeepingTheSearch()
    {
        var tag = Tag();
        var ids = new List<long>();
        for (var i = 0; i < 53; i++)
        {
            var id = await _lists.CreateAsync(new NewList(null, $"bulk {tag} {i:00}", null, null, null), default);
            await _lists.CancelAsync(id, default); // ended: the page has nothing to update
            ids.Add(id);
        }

        var page = await fixture.LogInAsync(DashboardApp.AdminUser);
        await page.GotoAsync("/hangfire/ops/lists?search=" + Uri.EscapeDataString($"bulk {tag}"));
        var names = page.Locator("#lists-table tbody td:nth-child(2) a");
        Assert.Equal(50, await names.CountAsync());
        Assert.Equal($"bulk {tag} 52", await names.First.InnerTextAsync());
        Assert.Equal(0, await page.Locator("a:has-text(\"Newer\")").CountAsync());
        await BrowserFixture.ScreenshotAsync(page, "13-lists-search");

        await page.ClickAsync("a:has-text(\"Older\")");
        await page.WaitForURLAsync(new Regex($"before={ids[3]}"));
        Assert.Equal([$"bulk {tag} 02", $"bulk {tag} 01", $"bulk {tag} 00"], await names.AllInnerTextsAsync());
        Assert.Equal($"bulk {tag}", await page.InputValueAsync("#search"));
        Assert.Equal(0, await page.Locator("a:has-text(\"Older\")").CountAsync());

        await page.ClickAsync("a:has-text(\"Newer\")");
        await page.WaitForURLAsync(new Regex($"after={ids[2]}"));
        Assert.Equal(50, await names.CountAsync());
        Assert.Equal($"bulk {tag} 52", await names.First.InnerTextAsync());
        Assert.Equal($"bulk {tag} 03", await names.Last.InnerTextAsync());
        Assert.Empty(await BrowserFixture.UnlabelledControlsAsync(page));
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task HangfirePages_SendAStrangerToTheLogin_AndBack_WhileScriptsStillGet401()
    {
        var page = await fixture.AnonymousPageAsync();
        var response = await page.GotoAsync("/hangfire/jobs/succeeded");
        Assert.Equal(200, response!.Status);
        Assert.Contains("/hangfire/ops/login", page.Url, StringComparison.Ordinal);
        Assert.Empty(await BrowserFixture.UnlabelledControlsAsync(page));

        // Keyboard only: the first Tab reaches "Skip to content", then the form's fields in order.
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("Skip to content", await page.EvaluateAsync<string>("() => document.activeElement.textContent"));
        await page.FocusAsync("#user");
        await page.Keyboard.TypeAsync(DashboardApp.AdminUser);
        await page.Keyboard.PressAsync("Tab");
        Assert.Equal("password", await page.EvaluateAsync<string>("() => document.activeElement.id"));
        await page.Keyboard.TypeAsync(DashboardApp.Password);
        await page.Keyboard.PressAsync("Enter");
        await page.WaitForURLAsync("**/hangfire/jobs/succeeded");
        Assert.True(await page.Locator("a[href='/hangfire/ops/lists']").CountAsync() > 0);

        // Not a page navigation: Hangfire's 401, no redirect.
        var stranger = await fixture.AnonymousPageAsync();
        var json = await stranger.APIRequest.GetAsync("/hangfire/jobs/succeeded", new APIRequestContextOptions
        {
            Headers = new Dictionary<string, string> { ["Accept"] = "application/json" },
            MaxRedirects = 0,
        });
        Assert.Equal(401, json.Status);
        var stats = await stranger.APIRequest.PostAsync("/hangfire/stats", new APIRequestContextOptions { MaxRedirects = 0 });
        Assert.Equal(401, stats.Status);
        await stranger.Context.CloseAsync();
        await page.Context.CloseAsync();
    }
}

using Dapper;
using Enrichment.Storage.Accounts;
using Enrichment.Storage.Contacts;
using Microsoft.Playwright;
using Npgsql;

namespace Enrichment.Browser.Tests;

/// <summary>
/// The Accounts pages in chromium: add an account with the form, press "Fill committee", watch the page update itself
/// while the Hangfire job finds and verifies people at the domain (fake DNS + SMTP on loopback), and read the role grid,
/// the completeness and what is still missing.
/// </summary>
[Collection(BrowserFixture.Collection)]
public sealed class AccountsBrowserTests(BrowserFixture fixture)
{
    /// <summary>People at initech.test: one known contact with an address, three uploaded names without one.</summary>
    async Task SeedAsync()
    {
        await using var data = NpgsqlDataSource.Create(fixture.App.ConnectionString);
        await new ContactStore(data).UpsertAsync([
            new ContactRecord("carol.chief@initech.test", "Carol", "Chief", null, "Chief Financial Officer", "initech.test", "list:seed"),
        ], default);
        await using var connection = await data.OpenConnectionAsync();
        var listId = await connection.ExecuteScalarAsync<long>("INSERT INTO lists (name, state) VALUES ('initech names (seeded)', 'complete') RETURNING id");
        await connection.ExecuteAsync("""
            INSERT INTO list_rows (list_id, row_no, line, fields, first_name, last_name, company_domain, title)
            VALUES (@listId, 1, 2, '{}', 'Dana', 'Director', 'initech.test', 'Director of Marketing'),
                   (@listId, 2, 3, '{}', 'Ian', 'Engineer', 'initech.test', 'IT Manager'),
                   (@listId, 3, 4, '{}', 'Pat', 'Procure', 'initech.test', 'Procurement Manager')
            """, new { listId });
    }

    [Fact]
    public async Task AddAccount_Fill_ShowsVerifiedMembersAndCompleteness()
    {
        await SeedAsync();
        var page = await fixture.LogInAsync(DashboardApp.AdminUser);
        await page.GotoAsync("/hangfire/ops/accounts");
        await page.ClickAsync("summary:has-text(\"Add an account\")");
        Assert.Empty(await BrowserFixture.UnlabelledControlsAsync(page));

        // A domain that is not one says so, on the page.
        await page.FillAsync("#account-domain", "not a domain");
        await page.ClickAsync("main button:has-text(\"Add account\")");
        Assert.Contains("\"not a domain\" is not a company domain", await page.InnerTextAsync(".alert-danger"), StringComparison.Ordinal);

        await page.ClickAsync("summary:has-text(\"Add an account\")");
        await page.FillAsync("#account-domain", "https://www.initech.test/");
        await page.FillAsync("#account-name", "Initech");
        await page.FillAsync("#account-tier", "1");
        await page.ClickAsync("main button:has-text(\"Add account\")");
        await page.WaitForURLAsync(new System.Text.RegularExpressions.Regex("/hangfire/ops/accounts/\\d+$"));
        Assert.Equal("Initech", await page.InnerTextAsync("h1"));
        Assert.Contains("initech.test · tier 1", await page.InnerTextAsync("#account-live"), StringComparison.Ordinal);
        var id = long.Parse(page.Url.Split('/')[^1], System.Globalization.CultureInfo.InvariantCulture);

        await page.ClickAsync("main button:has-text(\"Fill committee\")");
        // Queued → running → done: the page updates (then reloads) by itself.
        await page.WaitForSelectorAsync("#account-live p:has-text(\"fill done\")", new PageWaitForSelectorOptions { Timeout = 120_000 });
        await BrowserFixture.ScreenshotAsync(page, "14-account-filled");
        var text = await page.InnerTextAsync("main");
        Assert.Contains("carol.chief@initech.test", text, StringComparison.Ordinal);
        Assert.Contains("dana.director@initech.test", text, StringComparison.Ordinal);
        Assert.Contains("ian.engineer@initech.test", text, StringComparison.Ordinal);
        Assert.Contains("end_user: 0 of 3 — no candidates at the domain; upload names", text, StringComparison.Ordinal);
        // Adobe's completeness: (1 + 1/2 + 1/2 + 0 + 0) / 5 roles.
        Assert.Equal("40% complete", await page.GetAttributeAsync("#account-live .bar", "aria-label"));

        await using (var data = NpgsqlDataSource.Create(fixture.App.ConnectionString))
        {
            var account = (await new AccountStore(data).GetAsync(id, default))!;
            Assert.Equal(("done", 0.4), (account.FillState, Math.Round(account.Completeness, 6)));
            var members = await new AccountStore(data).MembersAsync(id, default);
            Assert.Equal(3, members.Count(m => m.Email is not null && m.Status == "deliverable"));
        }

        await page.GotoAsync("/hangfire/ops/accounts?tier=1&min=30&max=50");
        Assert.Contains("Initech", await page.InnerTextAsync("#accounts-table"), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#live-status").CountAsync()); // nothing running: a still page
        await BrowserFixture.ScreenshotAsync(page, "15-accounts");
        await page.GotoAsync("/hangfire/ops/accounts?min=41");
        Assert.DoesNotContain("Initech", await page.InnerTextAsync("main"), StringComparison.Ordinal);
        await page.Context.CloseAsync();
    }

    [Fact]
    public async Task ImportTargetAccountCsv_AddsTheAccounts_AndNamesTheLinesItSkipped()
    {
        var page = await fixture.LogInAsync(DashboardApp.AdminUser);
        await page.GotoAsync("/hangfire/ops/accounts");
        await page.ClickAsync("summary:has-text(\"Upload a target-account CSV\")");
        Assert.Empty(await BrowserFixture.UnlabelledControlsAsync(page));
        const string Csv = "Company;Website;Tier\nHooli;https://www.hooli.test/;7\nNo Site Ltd;;7\nPied Piper;piedpiper.test;7\n";
        await page.SetInputFilesAsync("#accounts-file", new FilePayload { Name = "targets.csv", MimeType = "text/csv", Buffer = System.Text.Encoding.UTF8.GetBytes(Csv) });
        await page.ClickAsync("main button:has-text(\"Import accounts\")");

        Assert.Equal("targets.csv: 2 accounts added or updated.", await page.InnerTextAsync(".alert-success"));
        var skipped = await page.InnerTextAsync(".alert-warning");
        Assert.Contains("1 row was not imported", skipped, StringComparison.Ordinal);
        Assert.Contains("3\tno company domain", skipped, StringComparison.Ordinal);
        await BrowserFixture.ScreenshotAsync(page, "16-accounts-imported");

        await page.GotoAsync("/hangfire/ops/accounts?tier=7");
        var names = await page.Locator("#accounts-table tbody td:first-child a").AllInnerTextsAsync();
        Assert.Equal(["Hooli", "Pied Piper"], names.Order(StringComparer.Ordinal).ToArray());
        await page.Context.CloseAsync();
    }
}

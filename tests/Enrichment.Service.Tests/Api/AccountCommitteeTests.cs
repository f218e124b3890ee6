using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Dapper;
using Enrichment.Storage.Contacts;
using Enrichment.Testing;
using Npgsql;

namespace Enrichment.Service.Tests.Api;

/// <summary>
/// Committee fill end to end through the real service (Hangfire on PostgreSQL, fake DNS + SMTP on loopback): people
/// at the domain from our contacts and from an upload without addresses, titles classified, addresses found and
/// verified, members and Adobe completeness written, missing roles noted; a re-run adds no duplicates; a suppressed
/// contact never counts.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class AccountCommitteeTests : IAsyncLifetime
{
    ServiceApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await ServiceApp.StartAsync(nameof(AccountCommitteeTests),
            FakeSmtpScripts.Mailboxes("carol.chief@acme.test", "sam.supp@acme.test", "dana.director@acme.test", "ian.engineer@acme.test"));
        _app.Dns.AddMailDomain("acme.test", IPAddress.Loopback);
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    async Task SeedAsync()
    {
        await using var data = NpgsqlDataSource.Create(_app.ConnectionString);
        await new ContactStore(data).UpsertAsync([
            new ContactRecord("carol.chief@acme.test", "Carol", "Chief", null, "Chief Financial Officer", "acme.test", "list:1"),
            new ContactRecord("sam.supp@acme.test", "Sam", "Supp", null, "Marketing Director", "acme.test", "list:1"),
        ], default);
        await using var connection = await data.OpenConnectionAsync();
        await connection.ExecuteAsync("INSERT INTO suppressions (kind, value, reason, source) VALUES ('email', 'sam.supp@acme.test', 'unsubscribed', 'tests')");
        var listId = await connection.ExecuteScalarAsync<long>("INSERT INTO lists (name, state) VALUES ('names', 'complete') RETURNING id");
        await connection.ExecuteAsync("""
            INSERT INTO list_rows (list_id, row_no, line, fields, first_name, last_name, company_domain, title)
            VALUES (@listId, 1, 2, '{}', 'Dana', 'Director', 'acme.test', 'Director of Marketing'),
                   (@listId, 2, 3, '{}', 'Ian', 'Engineer', 'acme.test', 'IT Manager'),
                   (@listId, 3, 4, '{}', 'Pat', 'Procure', 'acme.test', 'Procurement Manager')
            """, new { listId });
    }

    static async Task<JsonElement> FillAndWaitAsync(HttpClient client, long id)
    {
        using var fill = await client.PostAsync($"/api/accounts/{id}/committee/fill", null);
        Assert.Equal(HttpStatusCode.Accepted, fill.StatusCode);
        var job = (await fill.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobs")[0];
        Assert.Equal("acme.test", job.GetProperty("domain").GetString());
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(60);
        JsonElement account;
        do
        {
            account = await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{id}");
            if (account.GetProperty("fill_state").GetString() == "done")
                return account;
            await Task.Delay(100);
        }
        while (DateTime.UtcNow < deadline);
        throw new TimeoutException($"account {id} fill did not finish: {account}");
    }

    [Fact]
    public async Task Fill_FindsAndVerifiesMembers_ComputesCompleteness_NotesMissingRoles_AndReRunAddsNoDuplicates()
    {
        await SeedAsync();
        using var client = await _app.ClientWithNewKeyAsync();
        using var created = await client.PostAsJsonAsync("/api/accounts", new { name = "Acme", domain = "https://www.acme.test/", tier = "1" });
        Assert.True(created.StatusCode == HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        var account = await FillAndWaitAsync(client, id);
        var committee = await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{id}/committee");
        var members = committee.GetProperty("members").EnumerateArray().ToList();
        string? Email(string name) => members.Single(m => m.GetProperty("name").GetString() == name).GetProperty("email").GetString();
        Assert.Equal("carol.chief@acme.test", Email("Carol Chief"));
        Assert.Equal("dana.director@acme.test", Email("Dana Director"));
        Assert.Equal("ian.engineer@acme.test", Email("Ian Engineer"));
        Assert.Null(Email("Pat Procure")); // every guess rejected
        Assert.DoesNotContain(members, m => m.GetProperty("name").GetString() == "Sam Supp"); // suppressed: never picked
        Assert.All(members.Where(m => m.GetProperty("email").GetString() is not null),
            m => Assert.Equal("deliverable", m.GetProperty("status").GetString()));
        Assert.Equal("finder:guess", members.Single(m => m.GetProperty("name").GetString() == "Dana Director").GetProperty("source").GetString());

        var roles = committee.GetProperty("roles").EnumerateArray().ToDictionary(r => r.GetProperty("role").GetString()!, r => r.GetProperty("filled").GetInt32());
        Assert.Equal(new Dictionary<string, int> { ["economic_buyer"] = 1, ["champion"] = 1, ["technical_evaluator"] = 1, ["end_user"] = 0, ["blocker"] = 0 }, roles);
        // Adobe: mean of min(filled / wanted, 1) = (1 + 1/2 + 1/2 + 0 + 0) / 5.
        Assert.Equal(0.4, committee.GetProperty("completeness").GetDouble(), 6);
        Assert.Equal(40, account.GetProperty("percent").GetInt32());
        var missing = account.GetProperty("missing").EnumerateArray().Select(m => m.GetString()).ToList();
        Assert.Contains("end_user: 0 of 3 — no candidates at the domain; upload names", missing);
        Assert.Contains(missing, m => m!.StartsWith("blocker: 0 of 2 — only 1 candidate", StringComparison.Ordinal));
        Assert.Contains(missing, m => m!.StartsWith("technical_evaluator: 1 of 2", StringComparison.Ordinal));

        var filtered = await client.GetFromJsonAsync<JsonElement>("/api/accounts?min_completeness=30&max_completeness=50&tier=1");
        Assert.Equal([id], filtered.EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Empty((await client.GetFromJsonAsync<JsonElement>("/api/accounts?min_completeness=41")).EnumerateArray());

        using (var browser = _app.CreateClient())
        {
            var page = await browser.GetStringAsync($"/hangfire/ops/accounts/{id}");
            Assert.Contains("technical_evaluator", page, StringComparison.Ordinal);
            Assert.Contains("ian.engineer@acme.test", page, StringComparison.Ordinal);
            Assert.Contains("end_user: 0 of 3 &#x2014; no candidates at the domain; upload names", page, StringComparison.Ordinal); // HtmlEncoder writes the dash as a reference
            Assert.Contains("40%", page, StringComparison.Ordinal);
            var accountsPage = await browser.GetStringAsync("/hangfire/ops/accounts?tier=1&min=30&max=50");
            Assert.Contains($"/hangfire/ops/accounts/{id}", accountsPage, StringComparison.Ordinal);
            Assert.DoesNotContain($"/hangfire/ops/accounts/{id}", await browser.GetStringAsync("/hangfire/ops/accounts?min=41"), StringComparison.Ordinal);
        }

        var rcptsFirst = _app.Smtp.RcptCount;
        await FillAndWaitAsync(client, id);
        await using (var data = NpgsqlDataSource.Create(_app.ConnectionString))
        await using (var connection = await data.OpenConnectionAsync())
        {
            Assert.Equal(members.Count, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM committee_members WHERE account_id = @id", new { id }));
        }

        var again = await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{id}/committee");
        Assert.Equal(0.4, again.GetProperty("completeness").GetDouble(), 6);
        Assert.True(_app.Smtp.RcptCount - rcptsFirst < rcptsFirst, "reused verdicts: the second fill probes less");

        // Suppressing a member afterwards takes it out of completeness at once (the read joins suppressions).
        await using (var data = NpgsqlDataSource.Create(_app.ConnectionString))
        await using (var connection = await data.OpenConnectionAsync())
        {
            await connection.ExecuteAsync("INSERT INTO suppressions (kind, value, reason, source) VALUES ('email', 'carol.chief@acme.test', 'complaint', 'tests')");
        }

        var suppressed = await client.GetFromJsonAsync<JsonElement>($"/api/accounts/{id}/committee");
        Assert.Equal(0.2, suppressed.GetProperty("completeness").GetDouble(), 6);
        Assert.True(suppressed.GetProperty("members").EnumerateArray().Single(m => m.GetProperty("name").GetString() == "Carol Chief").GetProperty("suppressed").GetBoolean());

        var csv = await client.GetStringAsync($"/api/accounts/committee.csv?ids={id}");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("account_id,account_domain,account_name,tier,completeness,role,name", lines[0]);
        Assert.Equal(members.Count + 1, lines.Length);
        Assert.Contains(lines, l => l.Contains(",economic_buyer,Carol Chief,Chief Financial Officer,c_level,finance,carol.chief@acme.test,deliverable,", StringComparison.Ordinal));
        Assert.Equal(0, _app.Smtp.DataCommandCount);
    }

    [Fact]
    public async Task Import_CreatesAccountsByDomain_RejectsRowsWithoutOne_AndBadInputIsAProblem()
    {
        using var client = await _app.ClientWithNewKeyAsync();
        var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Encoding.UTF8.GetBytes("Company,Website,Tier\n=HYPERLINK(\"x\"),acme.test,1\nNo Site,,2\nGlobex,https://globex.test/about,2\n"));
        form.Add(file, "file", "accounts.csv");
        using var response = await client.PostAsync("/api/accounts/import", form);
        Assert.True(response.StatusCode == HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var imported = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, imported.GetProperty("accounts").GetInt32());
        var rejection = imported.GetProperty("rejections")[0];
        Assert.Equal(3, rejection.GetProperty("line").GetInt64());

        var all = await client.GetFromJsonAsync<JsonElement>("/api/accounts?tier=2");
        Assert.Equal(["globex.test"], all.EnumerateArray().Select(a => a.GetProperty("domain").GetString()));

        using var bad = await client.PostAsJsonAsync("/api/accounts", new { domain = "not a domain" });
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("domain", (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);

        using var noKey = _app.CreateClient();
        Assert.Equal(HttpStatusCode.Unauthorized, (await noKey.GetAsync("/api/accounts")).StatusCode);

        using var templates = await client.PutAsync("/api/committee/templates", new StringContent("""{"default":"x","templates":[]}""", Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.BadRequest, templates.StatusCode);
        using var current = JsonDocument.Parse(await client.GetStringAsync("/api/committee/templates"), new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip });
        Assert.Equal("b2b-software-business-team", current.RootElement.GetProperty("default").GetString()); // the config file: the bad PUT changed nothing
    }

    [Fact]
    public async Task Accounts_BelongToTheKeyThatMadeThem_AnotherKeySeesNoneOfThem()
    {
        using var first = await _app.ClientWithNewKeyAsync("first");
        using var second = await _app.ClientWithNewKeyAsync("second");
        using var created = await first.PostAsJsonAsync("/api/accounts", new { name = "Acme", domain = "acme.test", tier = "1" });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var id = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        // Another key: not found, as a missing account is, through every route.
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/api/accounts/{id}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await second.GetAsync($"/api/accounts/{id}/committee")).StatusCode);
        using (var fill = await second.PostAsync($"/api/accounts/{id}/committee/fill", null))
            Assert.Equal(HttpStatusCode.NotFound, fill.StatusCode);
        Assert.Empty((await second.GetFromJsonAsync<JsonElement>("/api/accounts")).EnumerateArray());
        using (var many = await second.PostAsJsonAsync("/api/accounts/fill", new { ids = new[] { id } }))
            Assert.Empty((await many.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("jobs").EnumerateArray());
        var csv = await second.GetStringAsync($"/api/accounts/committee.csv?ids={id}");
        Assert.Single(csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries)); // the header only

        // The same company under the second key is a second account, with its own tier; the first is untouched.
        using var again = await second.PostAsJsonAsync("/api/accounts", new { name = "Acme (us too)", domain = "acme.test", tier = "3" });
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var otherId = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();
        Assert.NotEqual(id, otherId);
        var mine = await first.GetFromJsonAsync<JsonElement>($"/api/accounts/{id}");
        Assert.Equal("1", mine.GetProperty("tier").GetString());
        Assert.Equal("Acme", mine.GetProperty("name").GetString());
        Assert.Equal([id], (await first.GetFromJsonAsync<JsonElement>("/api/accounts")).EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));
        Assert.Equal([otherId], (await second.GetFromJsonAsync<JsonElement>("/api/accounts")).EnumerateArray().Select(a => a.GetProperty("id").GetInt64()));

        // Upserting again under the first key updates its own row, not a new one.
        using var update = await first.PostAsJsonAsync("/api/accounts", new { domain = "https://acme.test/", tier = "2" });
        Assert.Equal(id, (await update.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64());

        // Contacts at the domain are still read once each: the company row they join is the one without a key.
        await using var data = NpgsqlDataSource.Create(_app.ConnectionString);
        await new ContactStore(data).UpsertAsync([new ContactRecord("carol.chief@acme.test", "Carol", "Chief", null, "CFO", "acme.test", "list:1")], default);
        await using var connection = await data.OpenConnectionAsync();
        Assert.Equal(3, await connection.ExecuteScalarAsync<int>("SELECT count(*) FROM accounts WHERE domain = 'acme.test'"));
        Assert.Equal(1, await connection.ExecuteScalarAsync<int>($"SELECT count(*) FROM {Enrichment.Storage.Contacts.ContactQueryStore.ViewFrom} WHERE c.email = 'carol.chief@acme.test'"));
    }
}

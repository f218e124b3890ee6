using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Enrichment.Service.Events;
using Enrichment.Service.Tests.Api;
using Enrichment.Storage.Suppressions;

namespace Enrichment.Service.Tests.LeadGen;

/// <summary>
/// The lead-gen API through the real service: suppression and erasure honoured by every read path (a test per
/// path), feedback events, signed webhooks, filter errors, keyset paging.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class LeadGenApiTests : IClassFixture<LeadGenApp>
{
    readonly LeadGenApp _lg;
    readonly HttpClient _client;

    public LeadGenApiTests(LeadGenApp lg)
    {
        _lg = lg;
        _client = lg.Client;
    }

    async Task<string[]> ContactEmailsAsync(string query)
    {
        var page = await _client.GetFromJsonAsync<JsonElement>($"/api/contacts?{query}");
        return [.. page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("email").GetString()!)];
    }

    async Task<JsonElement> ClaimAsync(string consumer, object body)
    {
        using var response = await _client.PostAsJsonAsync($"/api/consumers/{consumer}/claims", body);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    static string[] Emails(JsonElement claim) => [.. claim.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("email").GetString()!)];

    async Task SuppressAsync(object body)
    {
        using var response = await _client.PostAsJsonAsync("/api/suppressions", body);
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    async Task<string[]> DownloadEmailsAsync(long listId, string segment)
    {
        var text = await _client.GetStringAsync($"/api/lists/{listId}/results?segment={segment}&format=jsonl");
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => JsonDocument.Parse(l).RootElement)
            .Select(e => e.GetProperty("email").GetString() ?? $"erased:{e.GetProperty("rejection_reason").GetString()}:{string.Concat(e.GetProperty("input").EnumerateObject().Select(p => p.Value.GetString()))}")];
    }

    [Fact]
    public async Task Suppression_LeavesContactsOut_OfGetContacts()
    {
        await _lg.SeedContactAsync("a@s-contacts.test");
        await _lg.SeedContactAsync("b@s-contacts.test");
        await _lg.SeedContactAsync("c@s-contacts2.test");
        Assert.Equal(["a@s-contacts.test", "b@s-contacts.test"], await ContactEmailsAsync("account_domain=s-contacts.test"));

        await SuppressAsync(new { email = "A@s-contacts.test", reason = "do not contact", source = "crm" });
        await SuppressAsync(new { domain = "s-contacts2.test", reason = "customer", source = "crm" });

        Assert.Equal(["b@s-contacts.test"], await ContactEmailsAsync("account_domain=s-contacts.test"));
        Assert.Empty(await ContactEmailsAsync("account_domain=s-contacts2.test"));
    }

    [Fact]
    public async Task Suppression_LeavesContactsOut_OfClaims_AndSaysSo()
    {
        await _lg.SeedContactAsync("a@s-claims.test");
        await _lg.SeedContactAsync("b@s-claims.test");
        await _lg.SeedContactAsync("c@s-claims.test");
        await SuppressAsync(new { email = "b@s-claims.test", reason = "manual", source = "tests" });

        var claim = await ClaimAsync("s-claims", new { limit = 10, account_domain = "s-claims.test" });

        Assert.Equal(["a@s-claims.test", "c@s-claims.test"], Emails(claim));
        Assert.Equal(1, claim.GetProperty("skipped").GetProperty("suppressed").GetInt32());
    }

    [Fact]
    public async Task Suppression_LeavesRowsOut_OfListDownloads()
    {
        var list = await _lg.SeedListAsync("a@s-download.test", "b@s-download.test", "c@s-download2.test");
        Assert.Equal(3, (await DownloadEmailsAsync(list, "deliverable")).Length);

        await SuppressAsync(new { email = "a@s-download.test", reason = "manual", source = "tests" });
        await SuppressAsync(new { domain = "s-download2.test", reason = "manual", source = "tests" });

        Assert.Equal(["b@s-download.test"], await DownloadEmailsAsync(list, "deliverable"));
        Assert.Equal(["b@s-download.test"], await DownloadEmailsAsync(list, "all"));
    }

    [Fact]
    public async Task Suppression_IsVisibleToCommitteeMembers_ThroughTheStore()
    {
        await SuppressAsync(new { domain = "s-committee.test", reason = "manual", source = "tests" });
        await SuppressAsync(new { email = "ceo@s-committee2.test", reason = "manual", source = "tests" });
        var store = new SuppressionStore(_lg.Data);

        var suppressed = await store.SuppressedAsync(["cfo@s-committee.test", "ceo@s-committee2.test", "cto@s-committee2.test"], default);

        Assert.Equal(["ceo@s-committee2.test", "cfo@s-committee.test"], suppressed.Order());
        Assert.False(await store.IsSuppressedAsync("cto@s-committee2.test", default));
    }

    [Fact]
    public async Task Suppression_CanBeListedAndLifted()
    {
        await SuppressAsync(new { email = "x@s-lift.test", reason = "manual", source = "tests" });
        using (var again = await _client.PostAsJsonAsync("/api/suppressions", new { email = "x@s-lift.test", reason = "other" }))
            Assert.Equal(HttpStatusCode.OK, again.StatusCode); // idempotent: the first reason stays
        var listed = await _client.GetFromJsonAsync<JsonElement>("/api/suppressions?email=x@s-lift.test");
        Assert.Equal("manual", listed.GetProperty("items")[0].GetProperty("reason").GetString());

        using (var lifted = await _client.DeleteAsync("/api/suppressions?email=x@s-lift.test"))
            Assert.Equal(HttpStatusCode.NoContent, lifted.StatusCode);
        using (var gone = await _client.DeleteAsync("/api/suppressions?email=x@s-lift.test"))
            Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
    }

    /// <summary>e@… as a contact, in a list, claimed, with an event; then erased. Returns the list id and the response.</summary>
    async Task<(long ListId, JsonElement Erasure)> SeedAndEraseAsync(string email)
    {
        await _lg.SeedContactAsync(email);
        var domain = email[(email.IndexOf('@') + 1)..];
        var list = await _lg.SeedListAsync(email, "keep@" + domain);
        Assert.Equal([email], Emails(await ClaimAsync("before-" + domain, new { limit = 10, account_domain = domain })));
        using (var soft = await _client.PostAsJsonAsync("/api/events", new { type = "bounce", bounce_type = "soft", email }))
            Assert.Equal(HttpStatusCode.OK, soft.StatusCode);

        using var erase = await _client.DeleteAsync($"/api/contacts/{Uri.EscapeDataString(email.ToUpperInvariant())}");
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        return (list, await erase.Content.ReadFromJsonAsync<JsonElement>());
    }

    [Fact]
    public async Task Erasure_SaysWhatWasDeleted_AndLeavesOnlyAHash()
    {
        var (_, erasure) = await SeedAndEraseAsync("e@erase-report.test");

        var deleted = erasure.GetProperty("deleted");
        Assert.Equal(1, deleted.GetProperty("contacts").GetInt32());
        Assert.Equal(1, deleted.GetProperty("list_rows").GetInt32());
        Assert.Equal(1, deleted.GetProperty("verifications").GetInt32());
        Assert.Equal(1, deleted.GetProperty("claims").GetInt32());
        Assert.Equal(1, deleted.GetProperty("contact_events").GetInt32());
        var hash = erasure.GetProperty("email_hash").GetString()!;
        Assert.Equal(64, hash.Length);
        Assert.DoesNotContain("erase-report", hash, StringComparison.Ordinal);
        foreach (var table in new[] { "contacts", "verifications", "contact_events" })
            Assert.Equal(0L, await _lg.ScalarAsync<long>($"SELECT count(*) FROM {table} WHERE email = $1", "e@erase-report.test"));
        Assert.Equal(0L, await _lg.ScalarAsync<long>("SELECT count(*) FROM list_rows WHERE $1 = ANY(fields) OR email = $1", "e@erase-report.test"));
        Assert.Equal(0L, await _lg.ScalarAsync<long>("SELECT count(*) FROM suppressions WHERE value LIKE '%erase-report%'"));
        Assert.Equal(1L, await _lg.ScalarAsync<long>("SELECT count(*) FROM suppressions WHERE kind = 'email_hash' AND value = $1", hash));
    }

    [Fact]
    public async Task Erasure_LeavesNoCopyOfTheAddress_InAnyTableOfTheDatabase()
    {
        const string email = "gone@erase-everywhere.test";
        await _lg.SeedContactAsync(email);
        var domain = "erase-everywhere.test";
        await _lg.SeedListAsync(email, "keep@" + domain);
        var second = await _lg.SeedListAsync("other@" + domain, email);
        await _lg.ScalarAsync<int>("INSERT INTO list_rows (list_id, row_no, line, fields, rejection_reason) VALUES ($1, 99, 100, ARRAY['Gone', ' GONE@erase-everywhere.test', 'x', 'y'], 'column_count')", second);
        using (var claim = new HttpRequestMessage(HttpMethod.Post, "/api/consumers/everywhere/claims") { Content = JsonContent.Create(new { limit = 10, account_domain = domain }) })
        {
            claim.Headers.Add("Idempotency-Key", "erase-everywhere-1");
            using var claimed = await _client.SendAsync(claim);
            Assert.Equal([email], Emails(await claimed.Content.ReadFromJsonAsync<JsonElement>()));
        }

        using (var soft = await _client.PostAsJsonAsync("/api/events", new { type = "bounce", bounce_type = "soft", email }))
            Assert.Equal(HttpStatusCode.OK, soft.StatusCode);
        await SuppressAsync(new { email, reason = "asked", source = "crm" });
        var account = await _lg.ScalarAsync<long>("INSERT INTO accounts (domain, name) VALUES ($1, 'Everywhere') RETURNING id", domain);
        await _lg.ScalarAsync<int>("""
            INSERT INTO committee_members (account_id, person_key, name, seniority, department, role, email, source)
            VALUES ($1, 'gone', 'Gone Person', 'c_level', 'finance', 'economic_buyer', $2, 'test')
            """, account, email);

        using var erase = await _client.DeleteAsync($"/api/contacts/{Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.OK, erase.StatusCode);
        var erasure = await erase.Content.ReadFromJsonAsync<JsonElement>();
        var deleted = erasure.GetProperty("deleted");
        Assert.Equal(2, deleted.GetProperty("list_rows").GetInt32());
        Assert.Equal(1, deleted.GetProperty("rejected_list_rows").GetInt32());
        Assert.Equal(1, deleted.GetProperty("committee_members").GetInt32());
        Assert.Equal(1, deleted.GetProperty("suppressions").GetInt32());

        // Every row of every table (ours and Hangfire's), as text: the address is nowhere, whatever the column.
        var tables = new List<string>();
        await using (var connection = await _lg.Data.OpenConnectionAsync())
        await using (var list = new Npgsql.NpgsqlCommand("SELECT quote_ident(table_schema) || '.' || quote_ident(table_name) FROM information_schema.tables WHERE table_type = 'BASE TABLE' AND table_schema NOT IN ('pg_catalog', 'information_schema')", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                tables.Add(reader.GetString(0));
        }

        Assert.Contains("public.list_rows", tables);
        Assert.Contains("public.claim_requests", tables);
        foreach (var table in tables)
            Assert.True(0L == await _lg.ScalarAsync<long>($"SELECT count(*) FROM {table} t WHERE t::text ILIKE '%gone@erase-everywhere%'"), $"{table} still holds the address");
        Assert.Equal(1L, await _lg.ScalarAsync<long>("SELECT count(*) FROM suppressions WHERE kind = 'email_hash' AND value = $1", erasure.GetProperty("email_hash").GetString()!));
        Assert.Equal(0L, await _lg.ScalarAsync<long>("SELECT count(*) FROM claims k JOIN contacts c ON c.id = k.contact_id WHERE c.account_domain = $1", domain));
    }

    [Fact]
    public async Task Erasure_FindsListRows_ThroughTheDomainIndex_NotAScan()
    {
        var list = await _lg.SeedListAsync("a@erase-index.test");
        await _lg.ScalarAsync<int>("""
            INSERT INTO list_rows (list_id, row_no, line, fields, email, domain)
            SELECT $1, g, g + 1, ARRAY['x' || g || '@b' || g % 500 || '.erase-index.test'], 'x' || g || '@b' || g % 500 || '.erase-index.test', 'b' || g % 500 || '.erase-index.test'
            FROM generate_series(2, 20001) g
            """, list);
        await _lg.ScalarAsync<int>("ANALYZE list_rows");

        var plan = new System.Text.StringBuilder();
        await using (var connection = await _lg.Data.OpenConnectionAsync())
        // The statement ErasureStore runs for accepted rows.
        await using (var explain = new Npgsql.NpgsqlCommand("EXPLAIN UPDATE list_rows SET email = NULL WHERE list_id = ANY(ARRAY(SELECT id FROM lists)) AND domain = 'b77.erase-index.test' AND rejection_reason IS NULL AND lower(email) = 'x77@b77.erase-index.test'", connection))
        await using (var reader = await explain.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                plan.AppendLine(reader.GetString(0));
        }

        Assert.Contains("list_rows_domain", plan.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("Seq Scan on list_rows", plan.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Erasure_IsHonouredBy_GetContacts()
    {
        await SeedAndEraseAsync("e@erase-contacts.test");
        Assert.Empty(await ContactEmailsAsync("account_domain=erase-contacts.test"));
    }

    [Fact]
    public async Task Erasure_IsHonouredBy_Claims()
    {
        await SeedAndEraseAsync("e@erase-claims.test");
        Assert.Empty(Emails(await ClaimAsync("after-erasure", new { limit = 10, account_domain = "erase-claims.test" })));
    }

    [Fact]
    public async Task Erasure_IsHonouredBy_ListDownloads()
    {
        var (list, _) = await SeedAndEraseAsync("e@erase-download.test");
        Assert.Equal(["keep@erase-download.test"], await DownloadEmailsAsync(list, "deliverable"));
        Assert.Equal(["erased:erased:", "keep@erase-download.test"], await DownloadEmailsAsync(list, "all"));
    }

    [Fact]
    public async Task Erasure_IsHonouredBy_LaterUploads()
    {
        await SeedAndEraseAsync("e@erase-upload.test");

        using var upload = await _client.PostAsync("/api/lists", ServiceApp.Form("Email,First Name\nE@erase-upload.test,Eve\nnew@erase-upload.test,Ned\n"));
        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        var id = (await upload.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetInt64();

        Assert.Equal(0L, await _lg.ScalarAsync<long>("SELECT count(*) FROM list_rows WHERE list_id = $1 AND (lower(email) = $2 OR array_to_string(fields, ',') ILIKE '%Eve%' OR array_to_string(fields, ',') ILIKE '%e@erase-upload%')", id, "e@erase-upload.test"));
        Assert.Equal("erased", await _lg.ScalarAsync<string>("SELECT rejection_reason FROM list_rows WHERE list_id = $1 AND row_no = 1", id));
        Assert.Equal("new@erase-upload.test", await _lg.ScalarAsync<string>("SELECT email FROM list_rows WHERE list_id = $1 AND row_no = 2", id));
    }

    [Fact]
    public async Task HardBounce_ForAClaimedContact_SuppressesItForEveryConsumer()
    {
        await _lg.SeedContactAsync("hb@bounce.test");
        await _lg.SeedContactAsync("ok@bounce.test");
        Assert.Equal(["hb@bounce.test", "ok@bounce.test"], Emails(await ClaimAsync("first", new { limit = 10, account_domain = "bounce.test" })));

        using var response = await _client.PostAsJsonAsync("/api/events", new
        {
            events = new object[]
            {
                new { type = "bounce", bounce_type = "hard", email = "HB@bounce.test" },
                new { type = "bounce", bounce_type = "sideways", email = "ok@bounce.test" },
            },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("accepted").GetInt32());
        Assert.True(result.GetProperty("results")[0].GetProperty("suppressed").GetBoolean());
        Assert.True(result.GetProperty("results")[0].GetProperty("marked_undeliverable").GetBoolean());
        Assert.Contains("bounce_type", result.GetProperty("rejected")[0].GetProperty("error").GetString(), StringComparison.Ordinal);

        var second = await ClaimAsync("second", new { limit = 10, account_domain = "bounce.test", include_risky = true });
        Assert.Equal(["ok@bounce.test"], Emails(second));
        Assert.Equal(1, second.GetProperty("skipped").GetProperty("suppressed").GetInt32());
        Assert.Equal(["ok@bounce.test"], await ContactEmailsAsync("account_domain=bounce.test"));
        Assert.Equal("undeliverable", await _lg.ScalarAsync<string>("SELECT status FROM verifications WHERE email = 'hb@bounce.test'"));
        Assert.Equal("bounced", await _lg.ScalarAsync<string>("SELECT reasons[1] FROM verifications WHERE email = 'hb@bounce.test'"));
    }

    [Fact]
    public async Task SoftBounces_AreCounted_AndComplaintsSuppress()
    {
        async Task<JsonElement> Post(object e)
        {
            using var r = await _client.PostAsJsonAsync("/api/events", e);
            Assert.Equal(HttpStatusCode.OK, r.StatusCode);
            return (await r.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0];
        }

        await Post(new { type = "bounce", bounce_type = "soft", email = "s@soft.test" });
        var second = await Post(new { type = "bounce", bounce_type = "soft", email = "s@soft.test" });
        var complaint = await Post(new { type = "complaint", email = "c@soft.test" });

        Assert.Equal(2, second.GetProperty("soft_bounces").GetInt32());
        Assert.False(second.GetProperty("suppressed").GetBoolean());
        Assert.True(complaint.GetProperty("suppressed").GetBoolean());
        Assert.True(await new SuppressionStore(_lg.Data).IsSuppressedAsync("c@soft.test", default));
    }

    HttpRequestMessage Webhook(string body, DateTimeOffset signedAt, string secret, string source = "crm")
    {
        var timestamp = signedAt.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var request = new HttpRequestMessage(HttpMethod.Post, $"/api/webhooks/{source}/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add(WebhookSignature.TimestampHeader, timestamp);
        request.Headers.Add(WebhookSignature.SignatureHeader, "sha256=" + Convert.ToHexStringLower(WebhookSignature.Compute(secret, timestamp, Encoding.UTF8.GetBytes(body))));
        return request;
    }

    [Fact]
    public async Task SignedWebhook_IsAccepted_WithoutAnApiKey()
    {
        using var anonymous = _lg.App.CreateClient();
        using var request = Webhook("""{"type":"unsubscribe","email":"u@webhook.test"}""", _lg.Clock.GetUtcNow(), LeadGenApp.WebhookSecret);

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.True(await new SuppressionStore(_lg.Data).IsSuppressedAsync("u@webhook.test", default));
        Assert.Equal("webhook:crm", await _lg.ScalarAsync<string>("SELECT source FROM suppressions WHERE value = 'u@webhook.test'"));
    }

    [Fact]
    public async Task SignedWebhook_IsRejected_WithABadSignature_AStaleTimestamp_OrAnUnknownSource()
    {
        using var anonymous = _lg.App.CreateClient();
        const string body = """{"type":"complaint","email":"r@webhook-rejected.test"}""";
        var now = _lg.Clock.GetUtcNow();

        using var badSecret = await anonymous.SendAsync(Webhook(body, now, "not-the-shared-secret-at-all"));
        using var tampered = Webhook(body, now, LeadGenApp.WebhookSecret);
        tampered.Content = new StringContent(body.Replace("complaint", "reply", StringComparison.Ordinal), Encoding.UTF8, "application/json");
        using var tamperedResponse = await anonymous.SendAsync(tampered);
        using var stale = await anonymous.SendAsync(Webhook(body, now - TimeSpan.FromMinutes(6), LeadGenApp.WebhookSecret));
        using var unknown = await anonymous.SendAsync(Webhook(body, now, LeadGenApp.WebhookSecret, source: "nobody"));

        Assert.Equal(HttpStatusCode.Unauthorized, badSecret.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, tamperedResponse.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, stale.StatusCode);
        Assert.Contains("tolerance", await stale.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.False(await new SuppressionStore(_lg.Data).IsSuppressedAsync("r@webhook-rejected.test", default));
    }

    [Fact]
    public async Task OutreachWebhook_InItsOwnShape_SuppressesABouncedAddress_AndABadSignatureGets401ProblemDetails()
    {
        using var anonymous = _lg.App.CreateClient();
        await _lg.SeedContactAsync("pat@outreach-hook.test");
        const string body = """{"data":{"type":"emailAddress","id":42,"attributes":{"email":"pat@outreach-hook.test","status":"bounced"}},"meta":{"eventName":"emailAddress.updated","deliveredAt":"2030-01-01T11:59:00.000Z"}}""";
        HttpRequestMessage Post(string secret)
        {
            var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/outreach/events") { Content = new StringContent(body, Encoding.UTF8, "application/vnd.api+json") };
            request.Headers.Add("Outreach-Webhook-Signature", Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes(body))));
            return request;
        }

        using var forged = await anonymous.SendAsync(Post("someone-elses-secret-entirely"));
        Assert.Equal(HttpStatusCode.Unauthorized, forged.StatusCode);
        Assert.Equal("application/problem+json", forged.Content.Headers.ContentType?.MediaType);
        var problem = await forged.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Contains("Outreach-Webhook-Signature", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.False(await new SuppressionStore(_lg.Data).IsSuppressedAsync("pat@outreach-hook.test", default));

        using var genuine = await anonymous.SendAsync(Post(LeadGenApp.OutreachSecret));
        Assert.Equal(HttpStatusCode.OK, genuine.StatusCode);
        Assert.True(await new SuppressionStore(_lg.Data).IsSuppressedAsync("pat@outreach-hook.test", default));
        Assert.Equal("undeliverable", await _lg.ScalarAsync<string>("SELECT status FROM verifications WHERE email = 'pat@outreach-hook.test'"));
    }

    [Fact]
    public async Task SalesloftWebhook_ThatIsNotFeedback_IsAcknowledged_AndNamedAsIgnored()
    {
        using var anonymous = _lg.App.CreateClient();
        const string body = """{"id":9,"name":"Q1 cadence"}""";
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/webhooks/salesloft/events") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        request.Headers.Add("x-salesloft-event", "cadence_created");
#pragma warning disable CA5350 // Salesloft's documented signature is HMAC-SHA1
        request.Headers.Add("x-salesloft-signature", Convert.ToHexStringLower(System.Security.Cryptography.HMACSHA1.HashData(Encoding.UTF8.GetBytes(LeadGenApp.SalesloftToken), Encoding.UTF8.GetBytes(body))));
#pragma warning restore CA5350

        using var response = await anonymous.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(0, result.GetProperty("accepted").GetInt32());
        Assert.Contains("cadence_created", result.GetProperty("ignored")[0].GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Claim_WithAnIdempotencyKey_IsReplayed_NotHandedOutAgain()
    {
        for (var i = 0; i < 3; i++)
            await _lg.SeedContactAsync($"c{i}@idempotent.test");
        async Task<HttpResponseMessage> Claim(string key, int limit)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/consumers/idem/claims") { Content = JsonContent.Create(new { limit, account_domain = "idempotent.test" }) };
            request.Headers.Add("Idempotency-Key", key);
            return await _client.SendAsync(request);
        }

        using var first = await Claim("k-1", 2);
        using var retry = await Claim("k-1", 2);
        using var next = await Claim("k-2", 2);
        using var misuse = await Claim("k-1", 5);

        var firstEmails = Emails(await first.Content.ReadFromJsonAsync<JsonElement>());
        Assert.Equal(["c0@idempotent.test", "c1@idempotent.test"], firstEmails);
        Assert.Equal(firstEmails, Emails(await retry.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal("true", retry.Headers.GetValues("Idempotent-Replayed").Single());
        Assert.Equal(["c2@idempotent.test"], Emails(await next.Content.ReadFromJsonAsync<JsonElement>()));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, misuse.StatusCode);
        Assert.Contains("k-1", (await misuse.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal(3L, await _lg.ScalarAsync<long>("SELECT count(*) FROM claims k JOIN consumers c ON c.id = k.consumer_id WHERE c.name = 'idem'"));
    }

    [Fact]
    public async Task GetContacts_AnswersIfNoneMatch_With304_UntilAContactChanges()
    {
        await _lg.SeedContactAsync("e1@etag.test");
        using var first = await _client.GetAsync("/api/contacts?account_domain=etag.test");
        var etag = first.Headers.ETag!;

        using var same = new HttpRequestMessage(HttpMethod.Get, "/api/contacts?account_domain=etag.test");
        same.Headers.IfNoneMatch.Add(etag);
        using var notModified = await _client.SendAsync(same);
        await _lg.ScalarAsync<int>("UPDATE contacts SET title = 'CFO', updated_at = now() WHERE email = 'e1@etag.test'");
        using var changed = new HttpRequestMessage(HttpMethod.Get, "/api/contacts?account_domain=etag.test");
        changed.Headers.IfNoneMatch.Add(etag);
        using var modified = await _client.SendAsync(changed);

        Assert.Equal(HttpStatusCode.NotModified, notModified.StatusCode);
        Assert.Equal(etag, notModified.Headers.ETag);
        Assert.Equal(HttpStatusCode.OK, modified.StatusCode);
        Assert.NotEqual(etag, modified.Headers.ETag);
        Assert.Equal("CFO", (await modified.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("items")[0].GetProperty("title").GetString());
    }

    [Fact]
    public async Task ABodyThatIsNotJson_GetsA400ProblemDetails_NotAnEmpty400()
    {
        using var claim = await _client.PostAsync("/api/consumers/x/claims", new StringContent("{limit: 5", Encoding.UTF8, "application/json"));
        using var events = await _client.PostAsync("/api/events", new StringContent("not json", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, claim.StatusCode);
        Assert.Equal("application/problem+json", claim.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.BadRequest, events.StatusCode);
        Assert.Contains("body", (await claim.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Contains("not valid JSON", (await events.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task BadFilters_AreRejected_NamingTheParameter()
    {
        using var response = await _client.GetAsync("/api/contacts?max_risk=abc&verified_within=3x&status=bouncy&cursor=nope");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        var errors = problem.GetProperty("errors");
        Assert.Contains("abc", errors.GetProperty("max_risk")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("30d", errors.GetProperty("verified_within")[0].GetString(), StringComparison.Ordinal);
        Assert.Contains("bouncy", errors.GetProperty("status")[0].GetString(), StringComparison.Ordinal);
        Assert.True(errors.TryGetProperty("cursor", out _));
        using var claim = await _client.PostAsJsonAsync("/api/consumers/x/claims", new { limit = 5000, status = new[] { "undeliverable" } });
        var claimErrors = (await claim.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(claimErrors.TryGetProperty("limit", out _));
        Assert.True(claimErrors.TryGetProperty("status", out _));
    }

    [Fact]
    public async Task Paging_WithTheCursor_SeesEveryContactOnce_WhileContactsAreWritten()
    {
        for (var i = 0; i < 5; i++)
            await _lg.SeedContactAsync($"p{i}@paging.test", i == 2 ? "risky" : "deliverable", risk: i == 2 ? 50 : 5);
        var seen = new List<string>();
        string? cursor = null;
        var pages = 0;
        do
        {
            var page = await _client.GetFromJsonAsync<JsonElement>($"/api/contacts?account_domain=paging.test&status=deliverable&status=risky&limit=2{(cursor is null ? "" : "&cursor=" + cursor)}");
            seen.AddRange(page.GetProperty("items").EnumerateArray().Select(i => i.GetProperty("email").GetString()!));
            cursor = page.GetProperty("next_cursor").GetString();
            if (pages++ == 0)
            {
                // Written mid-paging: an update of a seen contact is not shown again, a new one comes at the end.
                await _lg.ScalarAsync<int>("UPDATE contacts SET title = 'CEO', updated_at = now() WHERE email = 'p0@paging.test'");
                await _lg.SeedContactAsync("p9@paging.test");
            }
        }
        while (cursor is not null);

        Assert.Equal(["p0@paging.test", "p1@paging.test", "p2@paging.test", "p3@paging.test", "p4@paging.test", "p9@paging.test"], seen);
        Assert.Equal(["p2@paging.test"], await ContactEmailsAsync("account_domain=paging.test&max_risk=60&status=risky"));
        Assert.Equal(6, (await ContactEmailsAsync("account_domain=paging.test&verified_within=2d")).Length);
        Assert.Empty(await ContactEmailsAsync("account_domain=paging.test&verified_within=12h"));
    }

    [Fact]
    public async Task OpenApiDocument_ListsEveryLeadGenRoute()
    {
        var document = await _client.GetStringAsync("/openapi/v1.json");
        foreach (var path in new[] { "/api/contacts", "/api/contacts/{email}", "/api/consumers/{name}", "/api/consumers/{name}/claims", "/api/events", "/api/webhooks/{source}/events", "/api/suppressions" })
            Assert.Contains($"\"{path}\"", document, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListFilter_ShowsOnlyTheListsContacts_AndOnlyForTheListsOwner()
    {
        await _lg.SeedContactAsync("in@list-filter.test");
        await _lg.SeedContactAsync("out@list-filter.test");
        var list = await _lg.SeedListAsync("in@list-filter.test");

        Assert.Equal(["in@list-filter.test"], await ContactEmailsAsync($"list_id={list}"));
        Assert.Equal(["in@list-filter.test"], Emails(await ClaimAsync("list-filter", new { list_id = list })));
        using var stranger = await _lg.App.ClientWithNewKeyAsync("stranger");
        using var response = await stranger.GetAsync($"/api/contacts?list_id={list}");
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}

using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Enrichment.Testing;

namespace Enrichment.Service.Tests.Api;

/// <summary>
/// Upload → plan → verify per domain (fake DNS + fake SMTP on loopback) → complete → download, through the real
/// service in process with its Hangfire server on PostgreSQL.
/// </summary>
[Collection(PostgresGroup.Name)]
public sealed class ListPipelineTests : IAsyncLifetime
{
    const string Csv = """
        Email,First Name,Last Name,Company,Website
        jane@acme.test,Jane,Doe,Acme,acme.test
        nobody@acme.test,No,Body,Acme,acme.test
        JANE@acme.test,Jane,Doe,Acme,acme.test
        ,John,Smith,Acme,https://www.acme.test/about
        anyone@catchall.test,Any,One,Catchall,catchall.test
        x@nomx.test,X,Y,NoMx,nomx.test
        someone@broken.test,Some,One,Broken,broken.test
        ,,,,

        =cmd|' /C calc'!A0,,,,
        """;

    ServiceApp _app = null!;

    public async Task InitializeAsync()
    {
        _app = await ServiceApp.StartAsync(nameof(ListPipelineTests),
            context => context.Recipient.EndsWith("@catchall.test", StringComparison.OrdinalIgnoreCase)
                ? FakeSmtpScripts.Accepted
                : FakeSmtpScripts.Mailboxes("jane@acme.test", "john.smith@acme.test")(context));
        foreach (var domain in new[] { "acme.test", "catchall.test" })
            _app.Dns.AddMailDomain(domain, IPAddress.Loopback);
        _app.Dns.SetServFail("broken.test");
    }

    public async Task DisposeAsync() => await _app.DisposeAsync();

    [Fact]
    public async Task Upload_RunsToComplete_AndEverySegmentHoldsTheExpectedRows()
    {
        using var client = await _app.ClientWithNewKeyAsync();

        using var response = await client.PostAsync("/api/lists", ServiceApp.Form(Csv, name: "e2e"));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var created = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = created.GetProperty("id").GetInt64();
        Assert.Equal($"/api/lists/{id}", response.Headers.Location!.OriginalString);

        var list = await ServiceApp.WaitForStateAsync(client, id, "complete");
        var counts = list.GetProperty("counts");
        Assert.Equal(10, counts.GetProperty("rows").GetInt32());
        Assert.Equal(2, counts.GetProperty("rejected").GetInt32()); // the two blank lines
        Assert.Equal(1, counts.GetProperty("duplicates").GetInt32());
        Assert.Equal(3, counts.GetProperty("deliverable").GetInt32());
        Assert.Equal(1, counts.GetProperty("risky").GetInt32());
        Assert.Equal(3, counts.GetProperty("undeliverable").GetInt32()); // mailbox not found, no domain, the formula as an address
        Assert.Equal(1, counts.GetProperty("unknown").GetInt32());
        var summary = list.GetProperty("summary");
        Assert.Equal(4, summary.GetProperty("sendable").GetInt32());
        Assert.InRange(summary.GetProperty("bounce_estimate").GetDouble(), 0.01, 0.5);

        async Task<string[]> Emails(string segment)
        {
            var lines = (await client.GetStringAsync($"/api/lists/{id}/results?segment={segment}&format=jsonl"))
                .Split('\n', StringSplitOptions.RemoveEmptyEntries);
            return [.. lines.Select(l => JsonDocument.Parse(l).RootElement).Select(e => e.GetProperty("email").GetString() ?? $"line {e.GetProperty("line").GetInt32()}")];
        }

        Assert.Equal(["jane@acme.test", "jane@acme.test", "john.smith@acme.test"], await Emails("deliverable"));
        Assert.Equal(["jane@acme.test", "jane@acme.test", "john.smith@acme.test", "anyone@catchall.test"], await Emails("deliverable_risky"));
        Assert.Equal(["nobody@acme.test", "x@nomx.test", "=cmd|' /C calc'!A0"], await Emails("undeliverable"));
        Assert.Equal(["someone@broken.test"], await Emails("unknown"));
        Assert.Equal(["line 9", "line 10"], await Emails("rejected"));

        var csv = await client.GetStringAsync($"/api/lists/{id}/results?segment=all&format=csv");
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Email,First Name,Last Name,Company,Website,email_verified,found,status,risk,reasons", lines[0]);
        Assert.Equal(11, lines.Length);
        Assert.Contains(lines, l => l.StartsWith(",John,Smith,Acme,https://www.acme.test/about,john.smith@acme.test,true,deliverable,", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("nobody@acme.test,No,Body,Acme,acme.test,nobody@acme.test,false,undeliverable,", StringComparison.Ordinal) && l.Contains("mailbox_not_found", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("'=cmd|' /C calc'!A0", StringComparison.Ordinal)); // formula-guarded
        Assert.Equal(0, _app.Smtp.DataCommandCount);
    }
}

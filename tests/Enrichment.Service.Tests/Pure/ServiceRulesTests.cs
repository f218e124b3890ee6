using System.Net;
using System.Text;
using Enrichment.Import;
using Enrichment.Service.Dashboard;
using Enrichment.Service.Hosting;
using Enrichment.Service.Jobs;
using Enrichment.Service.Lists;
using Enrichment.Storage.Lists;
using Enrichment.Verification;
using Microsoft.AspNetCore.Http;

namespace Enrichment.Service.Tests.Pure;

/// <summary>The service's pure decisions, as tables.</summary>
public sealed class ServiceRulesTests
{
    [Theory]
    [InlineData("plain", "plain")]
    [InlineData("=SUM(A1)", "'=SUM(A1)")]
    [InlineData("a,b", "\"a,b\"")]
    [InlineData("say \"hi\"", "\"say \"\"hi\"\"\"")]
    [InlineData("=a,b", "\"'=a,b\"")]
    [InlineData(null, "")]
    public void CsvCell_QuotesAndGuardsFormulas(string? value, string expected)
    {
        var line = new StringBuilder();
        CsvCell.Append(line, value);
        Assert.Equal(expected, line.ToString());
    }

    [Theory]
    [InlineData(null, 0, null)]
    [InlineData("""{"email":"Work Mail","first_name":"Given"}""", 2, null)]
    [InlineData("""{"domain":"Site"}""", 1, null)]
    [InlineData("""{"shoe":"Size"}""", 0, "unknown field \"shoe\"")]
    [InlineData("""{"email":""}""", 0, "non-empty string")]
    [InlineData("""["email"]""", 0, "JSON object")]
    [InlineData("""{oops""", 0, "not valid JSON")]
    public void ParseMapping_AcceptsFieldsAndExplainsMistakes(string? json, int columns, string? error)
    {
        var (parsed, message) = ListUpload.ParseMapping(json);
        Assert.Equal(columns, parsed.Count);
        if (error is null)
            Assert.Null(message);
        else
            Assert.Contains(error, message, StringComparison.Ordinal);
    }

    [Fact]
    public void ParseMapping_MapsDomainToWebsite()
    {
        Assert.Equal("Site", ListUpload.ParseMapping("""{"domain":"Site"}""").Columns[ContactField.Website]);
    }

    [Theory]
    [InlineData(null, ResultSegment.All)]
    [InlineData("all", ResultSegment.All)]
    [InlineData("deliverable_risky", ResultSegment.DeliverableRisky)]
    [InlineData("rejected", ResultSegment.Rejected)]
    [InlineData("Deliverable", null)]
    [InlineData("spam", null)]
    public void ParseSegment_KnowsTheFiveSegmentsAndAll(string? text, ResultSegment? expected) =>
        Assert.Equal(expected, ListEndpoints.ParseSegment(text));

    [Fact]
    public void ResultNames_AreRenamed_WhenTheInputAlreadyHasThem()
    {
        var names = ResultsWriter.ResultNames(["Email", "Status", "Risk"]);
        Assert.Equal("enrichment_status", names[2]);
        Assert.Equal("enrichment_risk", names[3]);
        Assert.Equal("email_verified", names[0]);
    }

    [Fact]
    public void Progress_GivesRateAndEta_FromTheCounters()
    {
        var started = new DateTime(2030, 1, 1, 12, 0, 0, DateTimeKind.Utc);
        var list = new ListRecord { State = ListStates.Running, RowsTotal = 1000, RowsRejected = 100, RowsSettled = 300, StartedAt = started };

        var progress = ListProgress.Of(list, new DateTimeOffset(started.AddSeconds(60)));

        Assert.Equal(33.3, progress.Percent);
        Assert.Equal(5.0, progress.RowsPerSecond);
        Assert.Equal(120, progress.EtaSeconds);
        Assert.Equal(100, ListProgress.Of(new ListRecord { State = ListStates.Complete, RowsTotal = 3, RowsSettled = 3 }, DateTimeOffset.UnixEpoch).Percent);
        Assert.Null(ListProgress.Of(new ListRecord { State = ListStates.Queued, RowsTotal = 3 }, DateTimeOffset.UnixEpoch).RowsPerSecond);
    }

    static VerificationResult Verdict(string address, VerificationStatus status, params string[] reasons) =>
        new(1, address, address, status, status == VerificationStatus.Deliverable ? 5 : 95, reasons, "mx", false, 250, null, null, null, DateTimeOffset.UnixEpoch, null, null);

    [Fact]
    public void FoundAddress_TakesTheFirstAccepted_ThenTheFirstUndecided_ElseNone()
    {
        string[] ranked = ["john.smith@a.test", "jsmith@a.test", "john@a.test"];
        var accepted = new Dictionary<string, VerificationResult>
        {
            ["john.smith@a.test"] = Verdict("john.smith@a.test", VerificationStatus.Undeliverable, Reasons.MailboxNotFound),
            ["jsmith@a.test"] = Verdict("jsmith@a.test", VerificationStatus.Deliverable),
        };
        var undecided = new Dictionary<string, VerificationResult>
        {
            ["john.smith@a.test"] = Verdict("john.smith@a.test", VerificationStatus.Undeliverable, Reasons.MailboxNotFound),
            ["jsmith@a.test"] = Verdict("jsmith@a.test", VerificationStatus.Unknown, Reasons.Timeout),
            ["john@a.test"] = Verdict("john@a.test", VerificationStatus.Unknown, Reasons.Timeout),
        };
        var rejected = new Dictionary<string, VerificationResult>
        {
            ["john.smith@a.test"] = Verdict("john.smith@a.test", VerificationStatus.Undeliverable, Reasons.MailboxNotFound),
        };

        Assert.Equal("jsmith@a.test", FoundAddress.Choose(ranked, accepted)!.Input);
        Assert.Equal("jsmith@a.test", FoundAddress.Choose(ranked, undecided)!.Input);
        Assert.Null(FoundAddress.Choose(ranked, rejected));
    }

    [Theory]
    [InlineData("127.0.0.1", null, false, null, true)]
    [InlineData("::1", null, false, null, true)]
    [InlineData("10.0.0.5", null, false, null, false)]
    [InlineData("127.0.0.1", "203.0.113.9", false, null, false)]
    [InlineData("10.0.0.5", null, true, DashboardLogin.Scheme, true)]
    [InlineData("127.0.0.1", null, true, "SomeOtherScheme", false)]
    [InlineData("127.0.0.1", null, true, null, false)]
    public void Dashboard_IsLoopbackOnly_UnlessALoginIsConfigured(string remote, string? forwardedFor, bool usersConfigured, string? signedInWith, bool allowed)
    {
        var http = new DefaultHttpContext();
        http.Connection.RemoteIpAddress = IPAddress.Parse(remote);
        if (forwardedFor is not null)
            http.Request.Headers["X-Forwarded-For"] = forwardedFor;
        if (signedInWith is not null)
            http.User = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity([new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.Name, "ops")], signedInWith));
        var options = usersConfigured
            ? new DashboardLoginOptions { Users = [new DashboardUser { Name = "ops", PasswordHash = DashboardLogin.Hash("correct horse battery") }] }
            : new DashboardLoginOptions();

        Assert.Equal(allowed, DashboardAccess.IsAllowed(http, options));
    }

    [Fact]
    public void CallbackSigner_SignsTheExactBody()
    {
        var body = Encoding.UTF8.GetBytes("""{"list_id":1}""");
        var signature = CallbackSigner.Sign("secret", body);

        Assert.StartsWith("sha256=", signature, StringComparison.Ordinal);
        Assert.True(CallbackSigner.Verify("secret", body, signature));
        Assert.False(CallbackSigner.Verify("secret", Encoding.UTF8.GetBytes("""{"list_id":2}"""), signature));
        Assert.False(CallbackSigner.Verify("secret", body, null));
    }

    [Fact]
    public void ImportedRows_SendsPeopleToTheirCompanyDomain_AndJudgesTypedNonsenseAtImport()
    {
        var person = new ImportRecord(3, ["", "John", "acme.test"], new ImportedContact(null, null, "John", "Smith", null, "Acme", "acme.test", "acme.test", null, null), null, false);
        var typo = new ImportRecord(4, ["x@", "", ""], new ImportedContact("x@", null, null, null, null, null, null, null, null, null), null, true);
        var rejected = new ImportRecord(5, ["", "", ""], null, new ImportRejection(5, 2, "blank", "blank line"), false);
        string[] header = ["email", "first", "website"];

        var p = ImportedRows.ToRow(1, person, header);
        var t = ImportedRows.ToRow(2, typo, header);
        var r = ImportedRows.ToRow(3, rejected, header);

        Assert.Equal((null, "acme.test", null), (p.Email, p.Domain, p.Status));
        Assert.Equal(("x@", null, "undeliverable", ImportedRows.DuplicateToResolve), (t.Email, t.Domain, t.Status, t.DuplicateOf));
        Assert.Equal(("blank", "first", 5), (r.RejectionReason, r.RejectionColumn, r.Line));
    }
}

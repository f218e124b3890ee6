using System.Text;
using Enrichment.Service.Contacts;
using Enrichment.Service.Events;
using Enrichment.Service.Lists;
using Enrichment.Storage.Erasure;
using Enrichment.Storage.Lists;

namespace Enrichment.Service.Tests.LeadGen;

/// <summary>The lead-gen API's pure rules, as tables.</summary>
public sealed class LeadGenRulesTests
{
    static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    const string Secret = "a-shared-secret-of-some-length";

    [Theory]
    [InlineData("30d", 30 * 24 * 60)]
    [InlineData("12h", 12 * 60)]
    [InlineData("90m", 90)]
    [InlineData("2w", 14 * 24 * 60)]
    [InlineData(" 7D ", 7 * 24 * 60)]
    [InlineData("0d", null)]
    [InlineData("-1d", null)]
    [InlineData("d", null)]
    [InlineData("30", null)]
    [InlineData("30y", null)]
    [InlineData("1.5d", null)]
    [InlineData("", null)]
    public void AgeText_Parse_AcceptsWholeUnitsOnly(string text, int? minutes) =>
        Assert.Equal(minutes is null ? null : TimeSpan.FromMinutes(minutes.Value), AgeText.Parse(text));

    [Theory]
    [InlineData(30 * 24 * 60, "30d")]
    [InlineData(36 * 60, "36h")]
    [InlineData(90, "90m")]
    public void AgeText_Format_IsTheShortestExactText(int minutes, string text) =>
        Assert.Equal(text, AgeText.Format(TimeSpan.FromMinutes(minutes)));

    [Theory]
    [InlineData(0L)]
    [InlineData(1L)]
    [InlineData(long.MaxValue)]
    public void ContactCursor_RoundTrips(long id) => Assert.Equal(id, ContactCursor.Decode(ContactCursor.Encode(id)));

    [Theory]
    [InlineData("nope")]
    [InlineData("YzE6LTE")] // "c1:-1"
    [InlineData("eDE6MQ")] // "x1:1"
    public void ContactCursor_Decode_RefusesForeignCursors(string cursor) => Assert.Null(ContactCursor.Decode(cursor));

    public static TheoryData<string, string?, long, string?> Signatures => new()
    {
        // case, signature override (null: correct), signed seconds before now, expected error fragment (null: accepted)
        { "fresh", null, 0, null },
        { "4 min old", null, 240, null },
        { "6 min old", null, 360, "tolerance" },
        { "from the future", null, -360, "tolerance" },
        { "wrong secret", "wrong", 0, "does not match" },
        { "not hex", "zz", 0, "not hex" },
        { "missing", "", 0, "missing" },
    };

    [Theory]
    [MemberData(nameof(Signatures))]
    public void WebhookSignature_Check_AcceptsOnlyAuthenticFreshRequests(string name, string? signature, long age, string? error)
    {
        var body = Encoding.UTF8.GetBytes("""{"type":"reply","email":"a@b.test"}""");
        var timestamp = (Now.ToUnixTimeSeconds() - age).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var correct = Convert.ToHexStringLower(WebhookSignature.Compute(Secret, timestamp, body));
        var presented = signature switch
        {
            null => "sha256=" + correct,
            "wrong" => Convert.ToHexStringLower(WebhookSignature.Compute("another-secret-entirely", timestamp, body)),
            _ => signature,
        };

        var result = WebhookSignature.Check(Secret, timestamp, presented, body, Now, TimeSpan.FromMinutes(5));

        if (error is null)
            Assert.True(result is null, $"{name}: {result}");
        else
            Assert.Contains(error, result, StringComparison.Ordinal);
    }

    [Fact]
    public void WebhookSignature_Check_CoversTheTimestamp()
    {
        var body = Encoding.UTF8.GetBytes("{}");
        var signedAt = (Now.ToUnixTimeSeconds() - 3600).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var signature = Convert.ToHexStringLower(WebhookSignature.Compute(Secret, signedAt, body));
        var replayedAsNow = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal("signature does not match", WebhookSignature.Check(Secret, replayedAsNow, signature, body, Now, TimeSpan.FromMinutes(5)));
    }

    [Fact]
    public void EventBatch_Parse_KeepsGoodEvents_AndNamesTheBadOnesByIndex()
    {
        var body = Encoding.UTF8.GetBytes("""
            {"events": [
              {"type": "bounce", "bounce_type": "hard", "email": "A@Acme.test", "occurred_at": "2029-12-31T00:00:00Z"},
              {"type": "bounce", "email": "b@acme.test"},
              {"type": "unsubscribe", "email": "not an address"},
              {"type": "opened", "email": "c@acme.test"},
              {"type": "reply", "email": "d@acme.test", "occurred_at": "2031-01-01T00:00:00Z"},
              {"type": "complaint", "email": "e@acme.test"}
            ]}
            """);

        var (events, rejected, error) = EventBatch.Parse(body, "api:test", Now);

        Assert.Null(error);
        Assert.Equal([("a@acme.test", "hard_bounce"), ("e@acme.test", "complaint")], events.Select(e => (e.Email, e.Kind)));
        Assert.Equal(new DateTimeOffset(2029, 12, 31, 0, 0, 0, TimeSpan.Zero), events[0].OccurredAt);
        Assert.Equal(Now, events[1].OccurredAt);
        Assert.Equal([1, 2, 3, 4], rejected.Select(r => r.Index));
        Assert.StartsWith("bounce_type", rejected[0].Error, StringComparison.Ordinal);
        Assert.StartsWith("email", rejected[1].Error, StringComparison.Ordinal);
        Assert.StartsWith("type", rejected[2].Error, StringComparison.Ordinal);
        Assert.Contains("future", rejected[3].Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"type":"reply","email":"a@b.test"}""", 1)]
    [InlineData("""[{"type":"reply","email":"a@b.test"},{"type":"reply","email":"c@b.test"}]""", 2)]
    public void EventBatch_Parse_TakesOneEventOrAnArray(string json, int count) =>
        Assert.Equal(count, EventBatch.Parse(Encoding.UTF8.GetBytes(json), "s", Now).Events.Count);

    [Theory]
    [InlineData("not json")]
    [InlineData("42")]
    public void EventBatch_Parse_RefusesWhatIsNotEvents(string json) =>
        Assert.NotNull(EventBatch.Parse(Encoding.UTF8.GetBytes(json), "s", Now).Error);

    [Fact]
    public void ErasedAddressScreen_BlanksAndRejectsOnlyErasedAddresses()
    {
        var salt = "0123456789abcdef"u8.ToArray();
        string Hash(string email) => ErasureHash.Of(salt, email);
        var erased = new HashSet<string> { Hash("gone@acme.test") };
        var gone = new ListRowInsert(1, 2, ["GONE@acme.test", "Eve", "CEO"], "GONE@acme.test", "acme.test", FirstName: "Eve", Title: "CEO");
        var kept = new ListRowInsert(2, 3, ["kept@acme.test", "Ken"], "kept@acme.test", "acme.test", FirstName: "Ken");

        var screenedGone = ErasedAddressScreen.Screen(gone, erased, Hash);
        var screenedKept = ErasedAddressScreen.Screen(kept, erased, Hash);

        Assert.Equal(["", "", ""], screenedGone.Fields);
        Assert.Equal((null, null, null, "erased"), (screenedGone.Email, screenedGone.FirstName, screenedGone.Title, screenedGone.RejectionReason));
        Assert.Same(kept, screenedKept);
        Assert.NotEqual(Hash("gone@acme.test"), ErasureHash.Of("another-salt-here"u8.ToArray(), "gone@acme.test"));
    }
}

using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Enrichment.Service.Events;
using Enrichment.Service.Events.Webhooks;
using Enrichment.Storage.Events;

namespace Enrichment.Service.Tests.LeadGen;

/// <summary>
/// Each sender's dialect with payloads shaped like its documentation's examples: what is authentic, and what each
/// delivery means in our vocabulary (pure; the service-level test is in LeadGenApiTests).
/// </summary>
public sealed class WebhookSchemeTests
{
    static readonly DateTimeOffset Now = new(2030, 1, 1, 12, 0, 0, TimeSpan.Zero);
    static readonly TimeSpan Tolerance = TimeSpan.FromMinutes(5);
    const string Secret = "vendor-shared-secret-0123456789";

    static WebhookRequest Request(string body, params (string Name, string Value)[] headers) =>
        new(Encoding.UTF8.GetBytes(body), name => headers.Where(h => string.Equals(h.Name, name, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value).FirstOrDefault());

    static IReadOnlyList<ContactEvent> Events(IWebhookScheme scheme, WebhookRequest request)
    {
        var payload = scheme.Read(request);
        Assert.Null(payload.Error);
        var (events, rejected) = EventBatch.Validate(payload.Events, "webhook:test", Now);
        Assert.Empty(rejected);
        return events;
    }

    static string Hex(byte[] bytes) => Convert.ToHexStringLower(bytes);

    // --- Outreach: JSON:API body, Outreach-Webhook-Signature = hex HMAC-SHA256(secret, body)

    const string OutreachBounced = """
        {"data":{"type":"emailAddress","id":42,"attributes":{"email":"Pat@Acme.test","status":"bounced","statusChangedAt":"2030-01-01T11:58:00.000Z","updatedAt":"2030-01-01T11:58:00.000Z"},"relationships":{"prospect":{"data":{"type":"prospect","id":7}}}},"meta":{"deliveredAt":"2030-01-01T11:58:01.000+00:00","eventName":"emailAddress.updated"}}
        """;

    public static TheoryData<string, string, string[]> OutreachDeliveries => new()
    {
        { "bounced address", OutreachBounced, ["pat@acme.test:hard_bounce"] },
        { "unsubscribed address", """{"data":{"type":"emailAddress","id":43,"attributes":{"email":"lee@acme.test","unsubscribedAt":"2030-01-01T10:00:00.000Z"}},"meta":{"eventName":"emailAddress.updated","deliveredAt":"2030-01-01T10:00:01.000Z"}}""", ["lee@acme.test:unsubscribe"] },
        { "prospect opted out", """{"data":{"type":"prospect","id":7,"attributes":{"optedOut":true,"optedOutAt":"2030-01-01T09:00:00.000Z","emails":["a@acme.test","b@acme.test"]}},"meta":{"eventName":"prospect.updated","deliveredAt":"2030-01-01T09:00:01.000Z"}}""", ["a@acme.test:unsubscribe", "b@acme.test:unsubscribe"] },
        { "prospect renamed", """{"data":{"type":"prospect","id":7,"attributes":{"firstName":"Pat"}},"meta":{"eventName":"prospect.updated"}}""", [] },
        { "mailing bounced (no address in it)", """{"data":{"type":"mailing","id":9,"attributes":{"bouncedAt":"2030-01-01T09:00:00.000Z","state":"bounced"},"relationships":{"prospect":{"data":{"type":"prospect","id":7}}}},"meta":{"eventName":"mailing.bounced"}}""", [] },
    };

    [Theory]
    [MemberData(nameof(OutreachDeliveries))]
    public void Outreach_Read_MapsAddressAndProspectEvents(string name, string body, string[] expected)
    {
        var scheme = new OutreachScheme();
        var request = Request(body, (OutreachScheme.SignatureHeader, Hex(OutreachScheme.Sign(Secret, Encoding.UTF8.GetBytes(body)))));
        Assert.Null(scheme.Authenticate(request, Secret, Now, Tolerance));
        Assert.Equal(expected, Events(scheme, request).Select(e => $"{e.Email}:{e.Kind}"));
        if (expected.Length == 0)
            Assert.NotEmpty(scheme.Read(request).Ignored); // ignored by name, so the sender still gets a 2xx
        _ = name;
    }

    [Fact]
    public void Outreach_Authenticate_RefusesAnotherSecret_ATamperedBody_AndNoHeader()
    {
        var scheme = new OutreachScheme();
        var good = Hex(OutreachScheme.Sign(Secret, Encoding.UTF8.GetBytes(OutreachBounced)));
        Assert.Contains("does not match", scheme.Authenticate(Request(OutreachBounced, (OutreachScheme.SignatureHeader, Hex(OutreachScheme.Sign("another-secret-of-some-size", Encoding.UTF8.GetBytes(OutreachBounced))))), Secret, Now, Tolerance), StringComparison.Ordinal);
        Assert.Contains("does not match", scheme.Authenticate(Request(OutreachBounced.Replace("bounced", "active", StringComparison.Ordinal), (OutreachScheme.SignatureHeader, good)), Secret, Now, Tolerance), StringComparison.Ordinal);
        Assert.Contains("missing", scheme.Authenticate(Request(OutreachBounced), Secret, Now, Tolerance), StringComparison.Ordinal);
        Assert.Null(scheme.Authenticate(Request(OutreachBounced, (OutreachScheme.SignatureHeader, good.ToUpperInvariant())), Secret, Now, Tolerance));
    }

    // --- Salesloft: the resource as body, x-salesloft-event, x-salesloft-signature = hex HMAC-SHA1(callback_token, body)

    public static TheoryData<string, string, string[]> SalesloftDeliveries => new()
    {
        { "email_updated", """{"id":101,"created_at":"2030-01-01T08:00:00.000000-05:00","updated_at":"2030-01-01T06:05:00.000000-05:00","recipient_email_address":"sam@beta.test","status":"bounced","bounced":true,"recipient":{"id":5,"_href":"https://api.salesloft.com/v2/people/5"}}""", ["sam@beta.test:hard_bounce"] },
        { "email_updated", """{"id":102,"recipient_email_address":"sam@beta.test","status":"sent","bounced":false}""", [] },
        { "person_updated", """{"id":5,"email_address":"Sam@Beta.test","do_not_contact":true,"updated_at":"2030-01-01T06:00:00.000000-05:00"}""", ["sam@beta.test:unsubscribe"] },
        { "person_updated", """{"id":5,"email_address":"sam@beta.test","do_not_contact":false}""", [] },
        { "cadence_membership_created", """{"id":9}""", [] },
    };

    [Theory]
    [MemberData(nameof(SalesloftDeliveries))]
    public void Salesloft_Read_MapsBouncedEmailsAndDoNotContact(string eventType, string body, string[] expected)
    {
        var scheme = new SalesloftScheme();
        var request = Request(body, (SalesloftScheme.EventHeader, eventType), (SalesloftScheme.SignatureHeader, Hex(SalesloftScheme.Sign(Secret, Encoding.UTF8.GetBytes(body)))));
        Assert.Null(scheme.Authenticate(request, Secret, Now, Tolerance));
        Assert.Equal(expected, Events(scheme, request).Select(e => $"{e.Email}:{e.Kind}"));
    }

    [Fact]
    public void Salesloft_Authenticate_IsSha1_NotSha256()
    {
        const string body = """{"id":5,"email_address":"sam@beta.test","do_not_contact":true}""";
        var sha256 = Hex(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(body)));
        Assert.Contains("HMAC-SHA1", new SalesloftScheme().Authenticate(Request(body, (SalesloftScheme.SignatureHeader, sha256)), Secret, Now, Tolerance), StringComparison.Ordinal);
        Assert.Contains("x-salesloft-event", new SalesloftScheme().Read(Request(body)).Error, StringComparison.Ordinal);
    }

    // --- SendGrid: array of events, ECDSA P-256 signature of timestamp + body, verification key = base64 SPKI

    const string SendGridBody = """
        [{"email":"kim@gamma.test","timestamp":1893499200,"smtp-id":"<14c5d75ce93.dfd.64b469@ismtpd-555>","event":"bounce","category":"cat facts","sg_event_id":"6g4ZI7SA-xmRDv57GoPIPw==","sg_message_id":"14c5d75ce93.dfd.64b469.filter0001.16648.5515E0B88.0","reason":"500 unknown recipient","status":"5.0.0","type":"bounce"},
         {"email":"jo@gamma.test","timestamp":1893499200,"event":"bounce","reason":"450 try later","status":"4.0.0","type":"blocked"},
         {"email":"al@gamma.test","timestamp":1893499200,"event":"spamreport"},
         {"email":"bo@gamma.test","timestamp":1893499200,"event":"group_unsubscribe","asm_group_id":10},
         {"email":"cy@gamma.test","timestamp":1893499200,"event":"open","useragent":"Mozilla/4.0"},
         {"email":"di@gamma.test","timestamp":1893499200,"event":"deferred","response":"400 try again later","attempt":"5"}]
        """;

    [Fact]
    public void SendGrid_VerifiesTheEcdsaSignature_AndMapsTheEvents()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var publicKey = Convert.ToBase64String(key.ExportSubjectPublicKeyInfo());
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var signature = Convert.ToBase64String(key.SignData(Encoding.UTF8.GetBytes(timestamp + SendGridBody), HashAlgorithmName.SHA256, DSASignatureFormat.Rfc3279DerSequence));
        var scheme = new SendGridScheme();
        var request = Request(SendGridBody, (SendGridScheme.SignatureHeader, signature), (SendGridScheme.TimestampHeader, timestamp));

        Assert.Null(scheme.Authenticate(request, publicKey, Now, Tolerance));
        Assert.Equal(["kim@gamma.test:hard_bounce", "jo@gamma.test:soft_bounce", "al@gamma.test:complaint", "bo@gamma.test:unsubscribe"],
            Events(scheme, request).Select(e => $"{e.Email}:{e.Kind}"));
        Assert.Equal(2, scheme.Read(request).Ignored.Count);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1893499200), Events(scheme, request)[0].OccurredAt);

        using var other = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        Assert.Contains("does not verify", scheme.Authenticate(request, Convert.ToBase64String(other.ExportSubjectPublicKeyInfo()), Now, Tolerance), StringComparison.Ordinal);
        Assert.Contains("does not verify", scheme.Authenticate(Request(SendGridBody.Replace("spamreport", "open", StringComparison.Ordinal), (SendGridScheme.SignatureHeader, signature), (SendGridScheme.TimestampHeader, timestamp)), publicKey, Now, Tolerance), StringComparison.Ordinal);
        Assert.Contains("tolerance", scheme.Authenticate(request, publicKey, Now + TimeSpan.FromMinutes(10), Tolerance), StringComparison.Ordinal);
        Assert.Contains("not a base64 public key", scheme.Authenticate(request, "not-a-key-but-long-enough", Now, Tolerance), StringComparison.Ordinal);
    }

    // --- Mailgun: signature object in the body, hex HMAC-SHA256(signing key, timestamp + token)

    static string MailgunBody(string timestamp, string signature, string eventData) =>
        $$"""{"signature":{"timestamp":"{{timestamp}}","token":"a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0","signature":"{{signature}}"},"event-data":{{eventData}}}""";

    public static TheoryData<string, string[]> MailgunEvents => new()
    {
        { """{"event":"failed","id":"G9Bn5sl1TC6nu79C8C0bwg","timestamp":1893499200.0,"severity":"permanent","reason":"bounce","recipient":"max@delta.test","delivery-status":{"code":550,"message":"5.1.1 The email account that you tried to reach does not exist","description":""}}""", ["max@delta.test:hard_bounce"] },
        { """{"event":"failed","timestamp":1893499200.0,"severity":"temporary","reason":"generic","recipient":"max@delta.test","delivery-status":{"code":452,"message":"4.2.2 mailbox full"}}""", ["max@delta.test:soft_bounce"] },
        { """{"event":"complained","timestamp":1893499200.0,"recipient":"max@delta.test"}""", ["max@delta.test:complaint"] },
        { """{"event":"unsubscribed","timestamp":1893499200.0,"recipient":"max@delta.test"}""", ["max@delta.test:unsubscribe"] },
        { """{"event":"delivered","timestamp":1893499200.0,"recipient":"max@delta.test"}""", [] },
    };

    [Theory]
    [MemberData(nameof(MailgunEvents))]
    public void Mailgun_VerifiesTheBodySignature_AndMapsTheEvent(string eventData, string[] expected)
    {
        var timestamp = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        var body = MailgunBody(timestamp, Hex(MailgunScheme.Sign(Secret, timestamp, "a8ce0edb2dd8301dee6c2405235584e45aa91d1e9f979f3de0")), eventData);
        var scheme = new MailgunScheme();

        Assert.Null(scheme.Authenticate(Request(body), Secret, Now, Tolerance));
        Assert.Equal(expected, Events(scheme, Request(body)).Select(e => $"{e.Email}:{e.Kind}"));
        Assert.Contains("does not match", scheme.Authenticate(Request(body), "another-signing-key-000000", Now, Tolerance), StringComparison.Ordinal);
        Assert.Contains("tolerance", scheme.Authenticate(Request(body), Secret, Now + TimeSpan.FromHours(1), Tolerance), StringComparison.Ordinal);
    }

    // --- Postmark: no signature; HTTP Basic credentials from the webhook URL

    public static TheoryData<string, string[]> PostmarkRecords => new()
    {
        { """{"RecordType":"Bounce","MessageStream":"outbound","ID":4323372036854775807,"Type":"HardBounce","TypeCode":1,"Name":"Hard bounce","Tag":"Test","MessageID":"883953f4-6105-42a2-a16a-77a8eac79483","ServerID":23,"Description":"The server was unable to deliver your message (ex: unknown user, mailbox not found).","Details":"Test bounce details","Email":"ann@eps.test","From":"sender@example.com","BouncedAt":"2030-01-01T11:00:00Z","DumpAvailable":true,"Inactive":true,"CanActivate":true,"Subject":"Test subject"}""", ["ann@eps.test:hard_bounce"] },
        { """{"RecordType":"Bounce","Type":"SoftBounce","TypeCode":4096,"Email":"ann@eps.test","BouncedAt":"2030-01-01T11:00:00Z","Description":"mailbox full"}""", ["ann@eps.test:soft_bounce"] },
        { """{"RecordType":"Bounce","Type":"AutoResponder","TypeCode":2,"Email":"ann@eps.test","BouncedAt":"2030-01-01T11:00:00Z"}""", [] },
        { """{"RecordType":"SpamComplaint","Type":"SpamComplaint","TypeCode":512,"Email":"ann@eps.test","BouncedAt":"2030-01-01T11:00:00Z"}""", ["ann@eps.test:complaint"] },
        { """{"RecordType":"SubscriptionChange","MessageID":"883953f4","ServerID":23,"ChangedAt":"2030-01-01T11:00:00Z","Recipient":"bea@eps.test","Origin":"Recipient","SuppressSending":true,"SuppressionReason":"ManualSuppression"}""", ["bea@eps.test:unsubscribe"] },
        { """{"RecordType":"Delivery","Recipient":"bea@eps.test","DeliveredAt":"2030-01-01T11:00:00Z"}""", [] },
    };

    [Theory]
    [MemberData(nameof(PostmarkRecords))]
    public void Postmark_ChecksBasicCredentials_AndMapsTheRecord(string body, string[] expected)
    {
        const string credentials = "postmark-hook:correct-horse-battery";
        var scheme = new PostmarkScheme();
        var request = Request(body, ("Authorization", "Basic " + Convert.ToBase64String(Encoding.UTF8.GetBytes(credentials))));

        Assert.Null(scheme.Authenticate(request, credentials, Now, Tolerance));
        Assert.Equal(expected, Events(scheme, request).Select(e => $"{e.Email}:{e.Kind}"));
        Assert.Contains("do not match", scheme.Authenticate(Request(body, ("Authorization", "Basic " + Convert.ToBase64String("postmark-hook:wrong"u8.ToArray()))), credentials, Now, Tolerance), StringComparison.Ordinal);
        Assert.Contains("missing", scheme.Authenticate(Request(body), credentials, Now, Tolerance), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("outreach", null, "outreach")]
    [InlineData("Salesloft", null, "salesloft")]
    [InlineData("crm", null, "generic")]
    [InlineData("esp", "sendgrid", "sendgrid")]
    public void WebhookSchemes_For_DefaultsToTheSourcesName(string source, string? configured, string scheme) =>
        Assert.Equal(scheme, WebhookSchemes.For(source, configured)!.Name);

    [Fact]
    public void WebhookOptions_Validate_NamesAnUnknownScheme()
    {
        var options = new WebhookOptions();
        options.Sources["esp"] = new WebhookSource { Secret = Secret, Scheme = "sparkpost" };
        Assert.Contains("Sources:esp:Scheme", Assert.Throws<InvalidOperationException>(options.Validate).Message, StringComparison.Ordinal);
    }
}

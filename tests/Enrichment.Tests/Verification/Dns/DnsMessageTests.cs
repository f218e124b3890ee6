using Enrichment.Verification.Dns;

namespace Enrichment.Tests.Verification.Dns;

public class DnsMessageTests
{
    // Header of a reply: id 0x1234, QR|RD|RA, QDCOUNT 0, ANCOUNT 1, NSCOUNT 0, ARCOUNT 0.
    private const string OneAnswerHeader = "1234 8180 0000 0001 0000 0000";

    // 63-octet label of 'a's.
    private static readonly string Label63 = "3F" + string.Concat(Enumerable.Repeat("61", 63));

    public static TheoryData<string, string> MalformedMessages => new()
    {
        { "truncated header", "1234 8180 00" },
        { "empty message", "" },
        { "pointer to itself", OneAnswerHeader + " C00C 0001 0001 00000000 0000" },
        { "two pointers pointing at each other", OneAnswerHeader + " C00E C00C 0001 0001 00000000 0000" },
        { "pointer out of range", OneAnswerHeader + " C0FF 0001 0001 00000000 0000" },
        { "pointer cut in half", OneAnswerHeader + " C0" },
        { "label length 64 (extended label type)", OneAnswerHeader + " 40" + string.Concat(Enumerable.Repeat("61", 64)) + "00 0001 0001 00000000 0000" },
        { "label type 0x80", OneAnswerHeader + " 8161 00 0001 0001 00000000 0000" },
        { "label runs past end", OneAnswerHeader + " 3F616161" },
        { "name longer than 255 octets", OneAnswerHeader + " " + string.Concat(Enumerable.Repeat(Label63, 5)) + "00 0001 0001 00000000 0000" },
        { "name without terminating root", OneAnswerHeader + " 03616161" },
        { "rdlength past end", OneAnswerHeader + " 00 0001 0001 0000012C 0010 C0000201" },
        { "A record with 3-byte rdata", OneAnswerHeader + " 00 0001 0001 0000012C 0003 C00002" },
        { "AAAA record with 4-byte rdata", OneAnswerHeader + " 00 001C 0001 0000012C 0004 C0000201" },
        { "MX rdata longer than its name", OneAnswerHeader + " 00 000F 0001 0000012C 0006 000A 00 FFFF 00" },
        { "MX rdata shorter than its name", OneAnswerHeader + " 00 000F 0001 0000012C 0003 000A 02 6D78 00" },
        { "record fields truncated", OneAnswerHeader + " 00 000F 00" },
        { "answer count larger than records", "1234 8180 0000 0002 0000 0000 00 0001 0001 0000012C 0004 C0000201" },
        { "question truncated", "1234 8180 0001 0000 0000 0000 00 00" },
    };

    [Theory]
    [MemberData(nameof(MalformedMessages))]
    public void Parse_ThrowsFormatExceptionNamingOffset_WhenMessageIsMalformed(string description, string hex)
    {
        var message = Hex(hex);

        var exception = Assert.Throws<DnsFormatException>(() => DnsMessage.Parse(message));

        Assert.Contains("offset", exception.Message, StringComparison.Ordinal);
        Assert.Equal(message.Length, exception.MessageLength);
        Assert.InRange(exception.Offset, 0, Math.Max(message.Length, 0) + 1);
        Assert.False(string.IsNullOrEmpty(description));
    }

    [Fact]
    public void Parse_FollowsCompressionPointers_WhenNamesAreCompressed()
    {
        // Question example.com MX at offset 12; answer owner points to it; exchange "MX" + pointer to "example.com".
        var message = Hex(
            "BEEF 8180 0001 0001 0000 0000"
            + " 07 6578616D706C65 03 636F6D 00 000F 0001"
            + " C00C 000F 0001 00000E10 0007 000A 02 4D58 C00C");

        var parsed = DnsMessage.Parse(message);

        Assert.Equal(0xBEEF, parsed.Id);
        Assert.True(parsed.IsResponse);
        Assert.Equal(new DnsQuestion("example.com", DnsRecordType.Mx), Assert.Single(parsed.Questions));
        var mx = Assert.IsType<MxResourceRecord>(Assert.Single(parsed.Answers));
        Assert.Equal(new MxResourceRecord("example.com", 3600, 10, "mx.example.com"), mx);
    }

    [Fact]
    public void Parse_ReadsRootExchange_WhenMxIsNull()
    {
        var message = Hex("0001 8180 0000 0001 0000 0000 01 61 00 000F 0001 0000012C 0003 0000 00");

        var mx = Assert.IsType<MxResourceRecord>(Assert.Single(DnsMessage.Parse(message).Answers));

        Assert.Equal(".", mx.Exchange);
        Assert.Equal(0, mx.Preference);
    }

    [Fact]
    public void Parse_EscapesDotsAndControlBytes_WhenLabelsContainThem()
    {
        // One label "a.b\x01" must not read as two labels.
        var message = Hex("0001 8180 0000 0001 0000 0000 04 612E6201 00 0001 0001 0000012C 0004 C0000201");

        var record = Assert.Single(DnsMessage.Parse(message).Answers);

        Assert.Equal("a\\046b\\001", record.Name);
    }

    [Fact]
    public void Parse_TreatsTtlWithHighBitAsZero_PerRfc2181()
    {
        var message = Hex("0001 8180 0000 0001 0000 0000 00 0001 0001 80000000 0004 C0000201");

        Assert.Equal(0u, Assert.Single(DnsMessage.Parse(message).Answers).Ttl);
    }

    [Fact]
    public void Parse_SetsTruncatedAndResponseCode_FromHeaderFlags()
    {
        var parsed = DnsMessage.Parse(Hex("0001 8383 0000 0000 0000 0000"));

        Assert.True(parsed.Truncated);
        Assert.Equal(DnsResponseCode.NameError, parsed.ResponseCode);
    }

    [Fact]
    public void TryWrite_ProducesParsableRecursiveQuery_WithEdnsOpt()
    {
        var buffer = new byte[DnsQueryWriter.MaxQueryLength];

        Assert.True(DnsQueryWriter.TryWrite(buffer, 0xABCD, "mail.example.com", DnsRecordType.Mx, edns: true, out var written));
        var parsed = DnsMessage.Parse(buffer.AsSpan(0, written));

        Assert.Equal(0xABCD, parsed.Id);
        Assert.False(parsed.IsResponse);
        Assert.Equal(0x01, buffer[2]); // RD
        Assert.Equal(new DnsQuestion("mail.example.com", DnsRecordType.Mx), Assert.Single(parsed.Questions));
        var opt = Assert.IsType<OtherResourceRecord>(Assert.Single(parsed.Additionals));
        Assert.Equal((ushort)DnsRecordType.Opt, opt.Type);
    }

    [Theory]
    [InlineData("example.com", true)]
    [InlineData("a", true)]
    [InlineData("xn--bcher-kva.example", true)]
    [InlineData("a..b", false)]
    [InlineData(".", false)]
    [InlineData("bücher.example", false)]
    [InlineData("has space.example", false)]
    public void IsValidName_AcceptsOnlyWireEncodableAsciiNames(string name, bool expected)
    {
        Assert.Equal(expected, DnsQueryWriter.IsValidName(name));
    }

    [Fact]
    public void IsValidName_RejectsLongLabelsAndNames()
    {
        Assert.False(DnsQueryWriter.IsValidName(new string('a', 64) + ".com"));
        Assert.True(DnsQueryWriter.IsValidName(new string('a', 63) + ".com"));
        Assert.False(DnsQueryWriter.IsValidName(string.Join('.', Enumerable.Repeat(new string('a', 63), 4))));
    }

    private static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));
}

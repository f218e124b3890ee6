using Enrichment.Verification.Smtp;

namespace Enrichment.Tests.Verification.Smtp;

public class SmtpReplyParserTests
{
    /// <summary>Replies as real servers send them (line endings removed), with what the parser must make of them.</summary>
    public static TheoryData<string, string[], int, string?, string> RecordedReplies => new()
    {
        { "bare code", ["250"], 250, null, "" },
        { "single line", ["250 OK"], 250, null, "OK" },
        { "gmail greeting", ["220 mx.google.com ESMTP d2-20020a05600c4c0200b0040e3a3a7c8dsi123456wmp.9 - gsmtp"], 220, null,
            "mx.google.com ESMTP d2-20020a05600c4c0200b0040e3a3a7c8dsi123456wmp.9 - gsmtp" },
        { "postfix ehlo", ["250-mx.example.org", "250-PIPELINING", "250-SIZE 10240000", "250-VRFY", "250-ETRN", "250-STARTTLS",
            "250-ENHANCEDSTATUSCODES", "250-8BITMIME", "250-DSN", "250 CHUNKING"], 250, null,
            "mx.example.org\nPIPELINING\nSIZE 10240000\nVRFY\nETRN\nSTARTTLS\nENHANCEDSTATUSCODES\n8BITMIME\nDSN\nCHUNKING" },
        { "gmail user unknown", [
            "550-5.1.1 The email account that you tried to reach does not exist. Please try",
            "550-5.1.1 double-checking the recipient's email address for typos or",
            "550-5.1.1 unnecessary spaces. For more information, go to",
            "550 5.1.1  https://support.google.com/mail/?p=NoSuchUser 5b1f17b1804b1-40e3a3a7c8dsi123456wmp.9 - gsmtp"],
            550, "5.1.1",
            "The email account that you tried to reach does not exist. Please try\n"
            + "double-checking the recipient's email address for typos or\n"
            + "unnecessary spaces. For more information, go to\n"
            + " https://support.google.com/mail/?p=NoSuchUser 5b1f17b1804b1-40e3a3a7c8dsi123456wmp.9 - gsmtp" },
        { "outlook mailbox unavailable", ["550 5.5.0 Requested action not taken: mailbox unavailable (S2017062302). [AM0PR01MB1234.eurprd01.prod.exchangelabs.com]"],
            550, "5.5.0", "Requested action not taken: mailbox unavailable (S2017062302). [AM0PR01MB1234.eurprd01.prod.exchangelabs.com]" },
        { "postfix user unknown", ["550 5.1.1 <nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table"],
            550, "5.1.1", "<nobody@example.org>: Recipient address rejected: User unknown in virtual mailbox table" },
        { "postgrey", ["450 4.2.0 <a@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html"],
            450, "4.2.0", "<a@example.org>: Recipient address rejected: Greylisted, see http://postgrey.schweikert.ch/help/example.org.html" },
        { "yahoo policy", ["554 5.7.9 Message not accepted for policy reasons."], 554, "5.7.9", "Message not accepted for policy reasons." },
        { "code and status only", ["250 2.0.0"], 250, "2.0.0", "" },
        { "empty continuation line", ["250-", "250 OK"], 250, null, "\nOK" },
        { "different status on later line kept", ["550-5.1.1 first", "550 5.7.1 second"], 550, "5.1.1", "first\n5.7.1 second" },
        { "closing", ["421 4.7.0 mx.example.org Error: too many errors"], 421, "4.7.0", "mx.example.org Error: too many errors" },
    };

    [Theory]
    [MemberData(nameof(RecordedReplies))]
    public void Parse_ReturnsCodeStatusAndJoinedText_ForRecordedReplies(
        string name, string[] lines, int code, string? enhanced, string text)
    {
        var reply = SmtpReplyParser.Parse(lines);

        Assert.False(string.IsNullOrEmpty(name));
        Assert.Equal(code, reply.Code);
        Assert.Equal(enhanced, reply.Enhanced?.ToString());
        Assert.Equal(text, reply.Text);
    }

    [Theory]
    [InlineData("empty line", new[] { "" })]
    [InlineData("text without code", new[] { "hello there" })]
    [InlineData("two digits", new[] { "25" })]
    [InlineData("four digits", new[] { "2500 OK" })]
    [InlineData("letter after code", new[] { "250x OK" })]
    [InlineData("tab after code", new[] { "250\tOK" })]
    [InlineData("first digit 6", new[] { "650 OK" })]
    [InlineData("first digit 1", new[] { "150 OK" })]
    [InlineData("second digit 6", new[] { "260 OK" })]
    [InlineData("inconsistent multi-line codes", new[] { "250-first", "550 second" })]
    [InlineData("garbage continuation", new[] { "250-first", "garbage" })]
    [InlineData("no final line", new[] { "250-first", "250-second" })]
    [InlineData("lines after the final line", new[] { "250 first", "250 second" })]
    [InlineData("no lines", new string[0])]
    public void Parse_ThrowsProtocolException_WhenLinesAreNotOneReply(string name, string[] lines)
    {
        Assert.False(string.IsNullOrEmpty(name));
        Assert.Throws<SmtpProtocolException>(() => SmtpReplyParser.Parse(lines));
    }

    [Fact]
    public void Parse_ThrowsProtocolException_WhenReplyHasMoreLinesThanAllowed()
    {
        Assert.Equal(250, SmtpReplyParser.Parse(["250-a", "250 b"], maxLines: 2).Code);
        Assert.Throws<SmtpProtocolException>(() => SmtpReplyParser.Parse(["250-a", "250-b", "250 c"], maxLines: 2));
    }

    [Theory]
    [InlineData(250, null, "OK", "250 OK")]
    [InlineData(550, "5.1.1", "User unknown", "550 5.1.1 User unknown")]
    [InlineData(250, "2.0.0", "", "250 2.0.0")]
    [InlineData(354, null, "", "354")]
    [InlineData(250, null, "a\nb", "250 a\nb")]
    public void ToString_WritesCodeStatusAndText(int code, string? enhanced, string text, string expected)
    {
        EnhancedStatus? status = null;
        if (enhanced is not null)
        {
            Assert.True(EnhancedStatus.TryParse(enhanced, out var parsed, out _));
            status = parsed;
        }

        Assert.Equal(expected, new SmtpReply(code, status, text).ToString());
    }

    [Theory]
    [InlineData(220, true, false, false)]
    [InlineData(250, true, false, false)]
    [InlineData(354, false, false, false)]
    [InlineData(421, false, true, false)]
    [InlineData(451, false, true, false)]
    [InlineData(452, false, true, false)]
    [InlineData(550, false, false, true)]
    [InlineData(554, false, false, true)]
    public void Classification_FollowsFirstDigit(int code, bool positive, bool transient, bool permanent)
    {
        var reply = new SmtpReply(code, null, "");
        Assert.Equal(positive, reply.IsPositive);
        Assert.Equal(transient, reply.IsTransient);
        Assert.Equal(permanent, reply.IsPermanent);
    }
}

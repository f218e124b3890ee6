using Enrichment.Verification.Syntax;

namespace Enrichment.Tests.Verification.Syntax;

public class EmailSyntaxTests
{
    [Theory]
    [InlineData("jane@example.com", "jane@example.com")]
    [InlineData("  Jane.Doe@Example.COM \t", "jane.doe@example.com")]
    [InlineData("JANE+news@Sub.Example.co.uk", "jane+news@sub.example.co.uk")]
    [InlineData("a@b.io", "a@b.io")]
    [InlineData("o'brien@example.ie", "o'brien@example.ie")]
    [InlineData("!#$%&'*+-/=?^_`{|}~@example.com", "!#$%&'*+-/=?^_`{|}~@example.com")]
    [InlineData("first.middle.last@example.com", "first.middle.last@example.com")]
    [InlineData("user@123.example.com", "user@123.example.com")]
    [InlineData("user@my-company.example", "user@my-company.example")]
    [InlineData("user@example.xn--p1ai", "user@example.xn--p1ai")]
    [InlineData("mailto:jane@example.com", "jane@example.com")]
    [InlineData("MAILTO:Jane@Example.com?subject=Hello&body=Hi", "jane@example.com")]
    [InlineData("mailto:jane%40example.com", "jane@example.com")]
    [InlineData("Jane Doe <jane@example.com>", "jane@example.com")]
    [InlineData("\"Doe, Jane\" <Jane@Example.com>", "jane@example.com")]
    [InlineData("\"Jane <the boss>\" <jane@example.com>", "jane@example.com")]
    [InlineData("<jane@example.com>", "jane@example.com")]
    [InlineData("Jane Doe < jane@example.com >", "jane@example.com")]
    [InlineData("jürgen@bücher.de", "jürgen@xn--bcher-kva.de")]
    [InlineData("JÜRGEN@BÜCHER.DE", "jürgen@xn--bcher-kva.de")]
    [InlineData("user@xn--bcher-kva.de", "user@xn--bcher-kva.de")]
    [InlineData("用户@例子.广告", "用户@xn--fsqu00a.xn--4rr70v")]
    public void Parse_Normalizes_WhenAddressIsValid(string input, string expected)
    {
        var result = EmailSyntax.Parse(input);

        Assert.True(result.IsValid, $"{result.Error}: {result.ErrorDetail}");
        Assert.Null(result.Error);
        Assert.Null(result.ErrorDetail);
        Assert.Equal(expected, result.Address!.Normalized);
        Assert.Equal(input, result.Input);
    }

    [Fact]
    public void Parse_KeepsUnicodeDomain_WhenDomainIsInternationalised()
    {
        var address = EmailSyntax.Parse("jürgen@bücher.de").Address!;

        Assert.Equal("jürgen", address.LocalPart);
        Assert.Equal("xn--bcher-kva.de", address.Domain);
        Assert.Equal("bücher.de", address.UnicodeDomain);
        Assert.False(address.QuotedLocalPart);
    }

    [Fact]
    public void Parse_DecodesPunycodeForUnicodeDomain_WhenInputIsAscii()
    {
        var address = EmailSyntax.Parse("user@XN--BCHER-KVA.de").Address!;

        Assert.Equal("xn--bcher-kva.de", address.Domain);
        Assert.Equal("bücher.de", address.UnicodeDomain);
    }

    [Theory]
    [InlineData("\"john doe\"@example.com", "\"john doe\"")]
    [InlineData("\"John.Doe\"@Example.com", "\"John.Doe\"")]
    [InlineData("\"a@b\"@example.com", "\"a@b\"")]
    [InlineData("\"with \\\"escaped\\\" quotes\"@example.com", "\"with \\\"escaped\\\" quotes\"")]
    [InlineData("\"john..doe\"@example.com", "\"john..doe\"")]
    [InlineData("Jane <\"jane doe\"@example.com>", "\"jane doe\"")]
    public void Parse_KeepsQuotedLocalPartVerbatim_WhenLocalPartIsQuoted(string input, string expectedLocal)
    {
        var result = EmailSyntax.Parse(input);

        Assert.True(result.IsValid, $"{result.Error}: {result.ErrorDetail}");
        Assert.Equal(expectedLocal, result.Address!.LocalPart);
        Assert.True(result.Address.QuotedLocalPart);
        Assert.Equal("example.com", result.Address.Domain);
    }

    [Theory]
    [InlineData(null, "empty")]
    [InlineData("", "empty")]
    [InlineData("   \t ", "empty")]
    [InlineData("mailto:", "empty")]
    [InlineData("Jane <>", "empty")]
    [InlineData("jane.example.com", "missing_at")]
    [InlineData("jane", "missing_at")]
    [InlineData("\"jane doe\"", "missing_at")]
    [InlineData("jane@@example.com", "multiple_at")]
    [InlineData("jane@doe@example.com", "multiple_at")]
    [InlineData("\"a\"@b@example.com", "multiple_at")]
    [InlineData("@example.com", "empty_local_part")]
    [InlineData("\"\"@example.com", "empty_local_part")]
    [InlineData(".jane@example.com", "invalid_local_part")]
    [InlineData("jane.@example.com", "invalid_local_part")]
    [InlineData("jane..doe@example.com", "invalid_local_part")]
    [InlineData("jane doe@example.com", "invalid_local_part")]
    [InlineData("jane,doe@example.com", "invalid_local_part")]
    [InlineData("jane(comment)@example.com", "invalid_local_part")]
    [InlineData("jane\"doe@example.com", "invalid_local_part")]
    [InlineData("jane\\doe@example.com", "invalid_local_part")]
    [InlineData("jane;doe@example.com", "invalid_local_part")]
    [InlineData("jane\u0001@example.com", "invalid_local_part")]
    [InlineData("\"unterminated@example.com", "invalid_local_part")]
    [InlineData("\"jane\"doe@example.com", "invalid_local_part")]
    [InlineData("\"tab\there\"@example.com", "invalid_local_part")]
    [InlineData("jane@", "empty_domain")]
    [InlineData("Jane <jane@>", "empty_domain")]
    [InlineData("jane@localhost", "invalid_domain")]
    [InlineData("jane@com", "invalid_domain")]
    [InlineData("jane@example..com", "invalid_domain")]
    [InlineData("jane@.example.com", "invalid_domain")]
    [InlineData("jane@example.com.", "invalid_domain")]
    [InlineData("jane@-example.com", "invalid_domain")]
    [InlineData("jane@example-.com", "invalid_domain")]
    [InlineData("jane@exa_mple.com", "invalid_domain")]
    [InlineData("jane@exa mple.com", "invalid_domain")]
    [InlineData("jane@example.123", "invalid_domain")]
    [InlineData("jane@192.168.0.1", "invalid_domain")]
    [InlineData("jane@example,com", "invalid_domain")]
    [InlineData("jane@ex!ample.com", "invalid_domain")]
    [InlineData("jane@[192.168.0.1]", "domain_literal")]
    [InlineData("jane@[IPv6:2001:db8::1]", "domain_literal")]
    [InlineData("jane@xn--zz.com", "invalid_idn")]
    [InlineData("Jane <jane@example.com", "invalid_angle_address")]
    [InlineData("jane@example.com>", "invalid_angle_address")]
    [InlineData("Jane <jane<x>@example.com>", "invalid_angle_address")]
    public void Parse_ReturnsErrorCode_WhenAddressIsInvalid(string? input, string expectedError)
    {
        var result = EmailSyntax.Parse(input);

        Assert.False(result.IsValid);
        Assert.Null(result.Address);
        Assert.Equal(expectedError, result.Error);
        Assert.False(string.IsNullOrWhiteSpace(result.ErrorDetail));
        Assert.Equal(input ?? "", result.Input);
    }

    [Theory]
    [InlineData("jane,doe@example.com", "character ',' at position 5 is not allowed in the local part")]
    [InlineData("  jane,doe@example.com", "character ',' at position 7 is not allowed in the local part")]
    [InlineData("Jane <jane,doe@example.com>", "character ',' at position 11 is not allowed in the local part")]
    [InlineData("jane doe@example.com", "character ' ' (space) at position 5 is not allowed in the local part")]
    [InlineData("jane..doe@example.com", "two dots in a row at position 5")]
    [InlineData("jane@exa_mple.com", "character '_' at position 9 is not allowed in a domain name")]
    [InlineData("jane@example..com", "two dots in a row at position 13")]
    [InlineData("jane@doe@example.com", "a second '@' at position 9")]
    [InlineData("jane@localhost", "has no dot")]
    [InlineData("jane@192.168.0.1", "looks like an IP address")]
    [InlineData("jane@[192.168.0.1]", "domain literal")]
    public void Parse_ErrorDetailNamesWhatAndWhere_WhenAddressIsInvalid(string input, string expectedFragment)
    {
        var result = EmailSyntax.Parse(input);

        Assert.Contains(expectedFragment, result.ErrorDetail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jane@example.com\r\nRCPT TO:<victim@example.org>")]
    [InlineData("jane\r\n@example.com")]
    [InlineData("\"jane\r\nDATA\"@example.com")]
    [InlineData("jane@exam\nple.com")]
    [InlineData("jane@bücher\u0000.de")]
    public void Parse_Rejects_WhenInputCouldInjectSmtpCommands(string input)
    {
        var result = EmailSyntax.Parse(input);

        Assert.False(result.IsValid);
        Assert.Contains("U+000", result.ErrorDetail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("jane@example\u3002com", "example.com")]
    [InlineData("jane@EXAMPLE.COM", "example.com")]
    [InlineData("jane@Ｅｘａｍｐｌｅ.com", "example.com")]
    public void Parse_MapsUnicodeVariants_WhenDomainUsesIdnaEquivalents(string input, string expectedDomain)
    {
        var result = EmailSyntax.Parse(input);

        Assert.True(result.IsValid, $"{result.Error}: {result.ErrorDetail}");
        Assert.Equal(expectedDomain, result.Address!.Domain);
    }

    [Theory]
    [InlineData(64, true)]
    [InlineData(65, false)]
    public void Parse_EnforcesLocalPartLimit_AtExactly64Octets(int length, bool valid)
    {
        var result = EmailSyntax.Parse(new string('a', length) + "@example.com");

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid ? null : SyntaxErrors.LocalPartTooLong, result.Error);
    }

    [Fact]
    public void Parse_CountsOctetsNotCharacters_WhenLocalPartIsUtf8()
    {
        // 'ü' is two octets in UTF-8: 33 of them are 66 octets although only 33 characters.
        var result = EmailSyntax.Parse(new string('ü', 33) + "@example.com");

        Assert.Equal(SyntaxErrors.LocalPartTooLong, result.Error);
        Assert.Contains("66 octets", result.ErrorDetail, StringComparison.Ordinal);
    }

    [Fact]
    public void Parse_CountsQuotes_WhenQuotedLocalPartIsAtTheLimit()
    {
        Assert.True(EmailSyntax.Parse("\"" + new string('a', 62) + "\"@example.com").IsValid);
        Assert.Equal(SyntaxErrors.LocalPartTooLong, EmailSyntax.Parse("\"" + new string('a', 63) + "\"@example.com").Error);
    }

    [Theory]
    [InlineData(254, true)]
    [InlineData(255, false)]
    public void Parse_EnforcesAddressLimit_AtExactly254Octets(int total, bool valid)
    {
        string address = AddressOfLength(total);
        Assert.Equal(total, address.Length);

        var result = EmailSyntax.Parse(address);

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid ? null : SyntaxErrors.AddressTooLong, result.Error);
    }

    [Theory]
    [InlineData(63, true)]
    [InlineData(64, false)]
    public void Parse_EnforcesLabelLimit_AtExactly63Characters(int length, bool valid)
    {
        var result = EmailSyntax.Parse($"jane@{new string('a', length)}.com");

        Assert.Equal(valid, result.IsValid);
        Assert.Equal(valid ? null : SyntaxErrors.InvalidDomain, result.Error);
    }

    [Fact]
    public void Parse_ReturnsDomainTooLong_WhenDomainExceeds253Characters()
    {
        string domain = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".com"; // 304 characters

        var result = EmailSyntax.Parse("jane@" + domain);

        Assert.Equal(SyntaxErrors.DomainTooLong, result.Error);
    }

    [Theory]
    [InlineData("jane@gmial.com", "jane@gmail.com")]
    [InlineData("Jane.Doe@Hotmial.com", "jane.doe@hotmail.com")]
    [InlineData("jane@gmail.con", "jane@gmail.com")]
    [InlineData("Jane <jane@yaho.com>", "jane@yahoo.com")]
    [InlineData("\"john doe\"@outlok.com", "\"john doe\"@outlook.com")]
    public void Parse_SuggestsButKeepsTypedAddress_WhenDomainLooksLikeTypo(string input, string expectedSuggestion)
    {
        var result = EmailSyntax.Parse(input);

        Assert.True(result.IsValid);
        Assert.Equal(expectedSuggestion, result.Suggestion);
        Assert.NotEqual(expectedSuggestion, result.Address!.Normalized);
    }

    [Theory]
    [InlineData("jane@gmail.com")]
    [InlineData("jane@acme.com")]
    [InlineData("jane@mail.com")]
    [InlineData("jane@gmx.com")]
    public void Parse_HasNoSuggestion_WhenDomainIsNotATypo(string input)
    {
        Assert.Null(EmailSyntax.Parse(input).Suggestion);
    }

    [Theory]
    [InlineData("janegmail.com", "missing_at", "jane@gmail.com")]
    [InlineData("Jane.Doehotmail.co.uk", "missing_at", "jane.doe@hotmail.co.uk")]
    [InlineData("jane@gmail,com", "invalid_domain", "jane@gmail.com")]
    [InlineData("jane@gmail", "invalid_domain", "jane@gmail.com")]
    [InlineData("jane@gmial,com", "invalid_domain", "jane@gmail.com")]
    [InlineData("jane@example.com.", "invalid_domain", "jane@example.com")]
    [InlineData("jane@example.com;", "invalid_domain", "jane@example.com")]
    [InlineData("Jane@Example.com,", "invalid_domain", "jane@example.com")]
    public void Parse_SuggestsRepair_WhenFixIsTrivial(string input, string expectedError, string expectedSuggestion)
    {
        var result = EmailSyntax.Parse(input);

        Assert.Equal(expectedError, result.Error);
        Assert.Equal(expectedSuggestion, result.Suggestion);
    }

    [Theory]
    [InlineData("jane.example.com")]
    [InlineData("jane@localhost")]
    [InlineData("jane@@gmail.com")]
    [InlineData("jane@exa_mple.com")]
    [InlineData("a@x.com,b@y.com")]
    public void Parse_HasNoSuggestion_WhenNoRepairIsObvious(string input)
    {
        Assert.Null(EmailSyntax.Parse(input).Suggestion);
    }

    private static string AddressOfLength(int total)
    {
        // 64-octet local part, '@', then labels of up to 63 characters ending in ".com".
        string local = new('a', 64);
        int domainLength = total - local.Length - 1;
        var labels = new List<string>();
        int remaining = domainLength - ".com".Length;
        while (remaining > 0)
        {
            int label = Math.Min(63, remaining);
            if (remaining - label == 1)
            {
                label--; // avoid leaving a lone dot with no label after it
            }

            labels.Add(new string('b', label));
            remaining -= label + 1;
        }

        Assert.Equal(-1, remaining);
        return $"{local}@{string.Join('.', labels)}.com";
    }
}

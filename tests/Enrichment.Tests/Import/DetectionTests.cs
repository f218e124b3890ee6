using System.Text;
using Enrichment.Import;

namespace Enrichment.Tests.Import;

public class DetectionTests
{
    [Theory]
    [InlineData("email,name\na@x.test,Ann\n", ',')]
    [InlineData("email;name;company\na@x.test;Ann;Acme, Inc\nb@x.test;Bo;Beta\n", ';')]
    [InlineData("email\tname\na@x.test\tAnn, Lee\n", '\t')]
    [InlineData("email|name\na@x.test|Ann\n", '|')]
    [InlineData("email\nab|cd@x.test\n", ',')]
    [InlineData("sep=|\nemail|name\na@x.test|Ann\n", '|')]
    public async Task Separator_IsSniffed(string text, char separator)
    {
        var result = await ImportHarness.ReadAsync(text);

        Assert.Equal(separator, result.Detection.Separator);
        Assert.Contains("@x.test", result.Records[0].Fields[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Separator_Option_OverridesSniffing()
    {
        var result = await ImportHarness.ReadAsync("email;name\na@x.test;Ann\n", new ImportOptions { Separator = ',' });

        Assert.Equal(',', result.Detection.Separator);
        Assert.Equal("option", result.Detection.SeparatorSource);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task Utf16_IsReadWithAndWithoutByteOrderMark(bool bom)
    {
        var text = "Nombre\tApellido\tCorreo\nJosé\tNúñez\tjose@x.test\n";
        var bytes = Encoding.Unicode.GetBytes(text);
        var result = await ImportHarness.ReadAsync(bom ? [0xFF, 0xFE, .. bytes] : bytes);

        Assert.Equal("utf-16le", result.Detection.Encoding);
        Assert.Equal(["José", "Núñez", "jose@x.test"], result.Records[0].Fields);
    }

    [Fact]
    public async Task Utf16BigEndian_IsRead()
    {
        var result = await ImportHarness.ReadAsync([0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes("email,name\nz@x.test,Zoë\n")]);

        Assert.Equal("utf-16be", result.Detection.Encoding);
        Assert.Equal("Zoë", result.Records[0].Fields[1]);
    }

    [Fact]
    public async Task OneWindows1252RowInUtf8_IsReadAsWindows1252_AndNoted()
    {
        byte[] bytes = [.. Encoding.UTF8.GetBytes("email,name\na@x.test,Zoë\n"), .. Encoding.Latin1.GetBytes("b@x.test,Müller\n")];
        var result = await ImportHarness.ReadAsync(bytes);

        Assert.Equal("Zoë", result.Records[0].Fields[1]);
        Assert.Equal("Müller", result.Records[1].Fields[1]);
        Assert.Equal(1, result.Report.Windows1252Rows);
        Assert.Equal("utf-8+windows-1252", result.Report.Encoding);
    }

    [Fact]
    public async Task ExplicitColumn_MapsAHeaderNoSynonymKnows()
    {
        var options = new ImportOptions { Columns = new Dictionary<ContactField, string> { [ContactField.Email] = "Work Mail" } };
        var result = await ImportHarness.ReadAsync("Kunde,Work Mail\nAcme,a@x.test\n", options);

        var mapping = Assert.Single(result.Detection.Mapping, m => m.Field == ContactField.Email);
        Assert.True(mapping.Explicit);
        Assert.Equal("a@x.test", result.Records[0].Contact!.Email);
    }

    [Fact]
    public async Task ExplicitColumn_ThatIsMissing_NamesTheHeadersFound()
    {
        var options = new ImportOptions { Columns = new Dictionary<ContactField, string> { [ContactField.Email] = "Work Mail" } };

        var ex = await Assert.ThrowsAsync<ImportException>(() => ImportHarness.ReadAsync("Kunde,Mail Pro\nAcme,a@x.test\n", options));
        Assert.Contains("\"Work Mail\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"Mail Pro\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OneColumnWithAnUnknownHeader_IsTheAddressColumn()
    {
        var result = await ImportHarness.ReadAsync("Kontakte\na@x.test\nb@x.test\n");

        Assert.Equal(1, result.Detection.HeaderLine);
        Assert.Equal(2, result.Contacts.Count);
    }

    [Fact]
    public async Task PlainList_WithAWordOnTopAndDisplayNames_IsReadAsTyped()
    {
        var result = await ImportHarness.ReadAsync("not an address\nDoe, Jane <jane@x.test>\nLee, Bo <bo@x.test>\nann@x.test\n");

        Assert.False(result.Detection.HasHeader);
        Assert.Equal(4, result.Records.Count);
        Assert.Equal(["Doe, Jane <jane@x.test>"], result.Records[1].Fields);
        Assert.Equal("jane@x.test", result.Records[1].Contact!.Email);
    }

    [Fact]
    public async Task TitleRowThenUnknownHeader_IsRefused_NotReadAsAddresses()
    {
        var ex = await Assert.ThrowsAsync<ImportException>(() => ImportHarness.ReadAsync("Export 2026\nKunde,Work Mail\nAcme,a@x.test\n"));

        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
        Assert.Contains("\"Work Mail\"", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HeaderlessTable_UsesTheColumnWithAddresses()
    {
        var result = await ImportHarness.ReadAsync("Ann,Lee,ann@x.test\nBo,Wu,bo@x.test\n");

        Assert.False(result.Detection.HasHeader);
        Assert.Equal(2, result.Detection.Column(ContactField.Email)!.Column);
        Assert.Equal("bo@x.test", result.Records[1].Contact!.Email);
    }

    [Fact]
    public async Task GermanNameBesideVorname_IsTheLastName()
    {
        var result = await ImportHarness.ReadAsync("Vorname,Name,E-Mail\nJürgen,Müller,j@x.test\n");

        Assert.Equal("Müller", result.Records[0].Contact!.LastName);
        Assert.Null(result.Records[0].Contact!.FullName);
    }

    [Fact]
    public async Task Duplicates_AreFlagged_AndKeepTheirRows()
    {
        var result = await ImportHarness.ReadAsync("email\nAnn@X.test\nann@x.test\nbo@x.test\n ann@x.test \n");

        Assert.Equal([false, true, false, true], result.Records.Select(r => r.Duplicate));
        Assert.Equal(2, result.Report.Duplicates);
        Assert.Equal(4, result.Report.Imported);
    }

    [Theory]
    [InlineData("https://www.acme.co.uk/about", "acme.co.uk")]
    [InlineData("WWW.Bücher.de", "xn--bcher-kva.de")]
    [InlineData("acme.com", "acme.com")]
    public async Task Website_GivesTheCompanyDomain(string website, string domain)
    {
        var result = await ImportHarness.ReadAsync($"first name,last name,website\nAnn,Lee,{website}\n");

        Assert.Equal(domain, result.Records[0].Contact!.Domain);
    }

    [Theory]
    [InlineData("gmail.com")]
    [InlineData("https://www.linkedin.com/company/acme")]
    [InlineData("de.linkedin.com/in/ann")]
    [InlineData("facebook.com/acme")]
    public async Task FreeMailAndSocialHosts_AreNoCompanyDomain(string website)
    {
        var result = await ImportHarness.ReadAsync($"first name,last name,website\nAnn,Lee,{website}\n");

        Assert.Equal(RejectionReasons.NotACompanyDomain, result.Records[0].Rejection!.Reason);
    }

    [Fact]
    public async Task RowsWithoutEmailOrName_AreRejected_AndBlankRowsCounted()
    {
        var result = await ImportHarness.ReadAsync("email,first name,company\n,,Acme\n\n ; \na@x.test,,\n,,\n");

        Assert.Equal(
            [RejectionReasons.NoEmailOrName, RejectionReasons.Blank, null, null, RejectionReasons.Blank],
            result.Records.Select(r => r.Rejection?.Reason));
        Assert.Equal(2, result.Report.Blank);
    }

    [Fact]
    public async Task PastedExports_RejectTheSecondHeader()
    {
        var result = await ImportHarness.ReadAsync("Email,Name\na@x.test,Ann\n\uFEFFEmail,Name\nb@x.test,Bo\n");

        Assert.Equal([null, RejectionReasons.RepeatedHeader, null], result.Records.Select(r => r.Rejection?.Reason));
        Assert.Equal("b@x.test", result.Records[2].Contact!.Email);
    }

    [Fact]
    public async Task QuotedLineBreaks_AreKept_AndLinesCounted()
    {
        var result = await ImportHarness.ReadAsync("email,notes\r\na@x.test,\"line one\r\nline two\"\r\nb@x.test,x\r\n");

        Assert.Equal("line one\r\nline two", result.Records[0].Fields[1]);
        Assert.Equal([2L, 4L], result.Records.Select(r => r.Line));
    }
}

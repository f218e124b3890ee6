using System.Text;
using Enrichment.Import;

namespace Enrichment.Tests.Import;

public class ImportReaderTests
{
    [Fact]
    public async Task Read_MapsSemicolonExport_WithWorkEmailHeader()
    {
        var result = await ImportHarness.ReadAsync("Vorname;Nachname;Work Email;Firma;Webseite\nJürgen;Müller;j.mueller@beispiel.de;Beispiel GmbH;https://www.beispiel.de/kontakt\n");

        Assert.Equal(';', result.Detection.Separator);
        Assert.Equal(1, result.Detection.HeaderLine);
        Assert.Equal(2, result.Detection.Column(ContactField.Email)!.Column);
        var contact = Assert.Single(result.Contacts).Contact!;
        Assert.Equal("Jürgen", contact.FirstName);
        Assert.Equal("Müller", contact.LastName);
        Assert.Equal("j.mueller@beispiel.de", contact.Email);
        Assert.Equal("beispiel.de", contact.Domain);
        Assert.Equal(2, result.Records[0].Line);
    }

    [Fact]
    public async Task Read_ReadsPlainLines_WhenFirstLineIsAnAddress()
    {
        var result = await ImportHarness.ReadAsync("Doe, Jane <jane@x.test>\nbob@x.test\n");

        Assert.False(result.Detection.HasHeader);
        Assert.Equal(["Doe, Jane <jane@x.test>"], result.Records[0].Fields);
        Assert.Equal("bob@x.test", result.Records[1].Contact!.Email);
    }

    [Fact]
    public async Task Read_Resynchronises_AfterAnUnterminatedQuote()
    {
        var result = await ImportHarness.ReadAsync("first_name,last_name,email\nAna,\"Silva,ana@x.test\nBo,Li,bo@x.test\nCe,Wu,ce@x.test\n");

        Assert.Equal(3, result.Records.Count);
        Assert.Equal(RejectionReasons.UnterminatedQuote, result.Records[0].Rejection!.Reason);
        Assert.Equal(2, result.Records[0].Rejection!.Column);
        Assert.Equal("bo@x.test", result.Records[1].Contact!.Email);
        Assert.Equal(3, result.Records[1].Line);
        Assert.Equal("ce@x.test", result.Records[2].Contact!.Email);
    }

    [Fact]
    public async Task Read_FallsBackToWindows1252_WhenBytesAreNotUtf8()
    {
        var bytes = Encoding.Latin1.GetBytes("Prénom;Nom;Courriel\nJosé;Müller;jose@x.test\n");
        var result = await ImportHarness.ReadAsync(bytes);

        Assert.Equal("windows-1252", result.Detection.Encoding);
        Assert.Equal(["José", "Müller", "jose@x.test"], result.Records[0].Fields);
    }

    [Fact]
    public async Task Open_Throws_WhenHeaderHasNoUsableColumn()
    {
        var ex = await Assert.ThrowsAsync<ImportException>(() => ImportHarness.ReadAsync("Work Mail,Firma\nx@y.test,Acme\n"));

        Assert.Contains("\"Work Mail\"", ex.Message, StringComparison.Ordinal);
        Assert.Contains("--column email=", ex.Message, StringComparison.Ordinal);
    }
}

using Enrichment.Verification.Probing;

namespace Enrichment.Tests.Verification.Probing;

public class MailProviderTests
{
    [Theory]
    [InlineData("contoso-com.mail.protection.outlook.com", "microsoft365")]
    [InlineData("fabrikam-net01i.mail.protection.outlook.com.", "microsoft365")]
    [InlineData("aspmx.l.google.com", "google")]
    [InlineData("ALT4.ASPMX.L.GOOGLE.COM", "google")]
    [InlineData("aspmx2.googlemail.com", "google")]
    [InlineData("mta7.am0.yahoodns.net", "yahoo")]
    [InlineData("mx1.example.com", "example.com")]
    [InlineData("mx.example.co.uk", "example.co.uk")]
    [InlineData("example.org", "example.org")]
    [InlineData("mx.a.test", "a.test")]
    public void Of_GroupsHostsByProvider(string host, string provider) => Assert.Equal(provider, MailProvider.Of(host));
}

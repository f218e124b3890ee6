using Enrichment.Import;

namespace Enrichment.Tests.Import;

public class HeaderSynonymsTests
{
    [Theory]
    [InlineData("Email", ContactField.Email)]
    [InlineData("E-mail", ContactField.Email)]
    [InlineData("Email Address", ContactField.Email)]
    [InlineData("Work Email", ContactField.Email)]
    [InlineData("Business Email", ContactField.Email)]
    [InlineData("Primary Email", ContactField.Email)]
    [InlineData("Contact Email", ContactField.Email)]
    [InlineData("MAIL", ContactField.Email)]
    [InlineData("E-Mail-Adresse", ContactField.Email)]
    [InlineData("Courriel", ContactField.Email)]
    [InlineData("Correo electrónico", ContactField.Email)]
    [InlineData("Endereço de e-mail", ContactField.Email)]
    [InlineData("E-mailadres", ContactField.Email)]
    [InlineData("Email 2", ContactField.Email)]
    [InlineData("  e_mail  ", ContactField.Email)]
    [InlineData("First Name", ContactField.FirstName)]
    [InlineData("first_name", ContactField.FirstName)]
    [InlineData("Vorname", ContactField.FirstName)]
    [InlineData("Prénom", ContactField.FirstName)]
    [InlineData("Nombre", ContactField.FirstName)]
    [InlineData("Primeiro nome", ContactField.FirstName)]
    [InlineData("Voornaam", ContactField.FirstName)]
    [InlineData("Last Name", ContactField.LastName)]
    [InlineData("Nachname", ContactField.LastName)]
    [InlineData("Nom", ContactField.LastName)]
    [InlineData("Apellidos", ContactField.LastName)]
    [InlineData("Sobrenome", ContactField.LastName)]
    [InlineData("Achternaam", ContactField.LastName)]
    [InlineData("Full Name", ContactField.FullName)]
    [InlineData("Name", ContactField.FullName)]
    [InlineData("Nom complet", ContactField.FullName)]
    [InlineData("Company", ContactField.Company)]
    [InlineData("Account Name", ContactField.Company)]
    [InlineData("Société", ContactField.Company)]
    [InlineData("Empresa", ContactField.Company)]
    [InlineData("Bedrijf", ContactField.Company)]
    [InlineData("Website", ContactField.Website)]
    [InlineData("Domain", ContactField.Website)]
    [InlineData("Company Domain", ContactField.Website)]
    [InlineData("Site web", ContactField.Website)]
    [InlineData("Sitio web", ContactField.Website)]
    [InlineData("Job Title", ContactField.Title)]
    [InlineData("Fonction", ContactField.Title)]
    [InlineData("Cargo", ContactField.Title)]
    [InlineData("Functie", ContactField.Title)]
    [InlineData("Record ID", ContactField.Id)]
    [InlineData("Contact ID", ContactField.Id)]
    public void Match_FindsTheField_ForExportHeaders(string header, ContactField field) =>
        Assert.Equal(field, HeaderSynonyms.Match(header));

    [Theory]
    [InlineData("Email Status")]
    [InlineData("Email Opt Out")]
    [InlineData("Company Name for Emails")]
    [InlineData("Lifecycle Stage")]
    [InlineData("")]
    [InlineData("---")]
    public void Match_ReturnsNull_ForHeadersThatOnlyMentionAField(string header) =>
        Assert.Null(HeaderSynonyms.Match(header));

    [Theory]
    [InlineData("E-Mail-Adresse ", "emailadresse")]
    [InlineData("Prénom", "prenom")]
    [InlineData("Straße", "strasse")]
    [InlineData("Job_Title", "jobtitle")]
    public void Key_IgnoresCaseAccentsAndPunctuation(string header, string key) =>
        Assert.Equal(key, HeaderSynonyms.Key(header));
}

using System.Text;
using Enrichment.Import;

namespace Enrichment.Tests.Import;

/// <summary>
/// Damaged exports as they arrive from CRMs, prospecting tools and spreadsheets, one row of the table each. Every case
/// runs through <see cref="ImportHarness"/> (data rows in = contacts + rejections, lines only go forward), and then:
/// the outcome of each data row in order (its normalised address, "~" for a contact without one, "!reason" for a
/// rejection), and that each rejection names its line, a column within the row when it names one, and says why.
/// </summary>
public class DamagedExportTests
{
    static DamagedExportTests() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    public sealed record Export(string Name, byte[] Bytes, string[] Outcomes, Action<ImportResult>? Check = null)
    {
        public override string ToString() => Name;
    }

    private static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    private static byte[] Bom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    private static byte[] In(int codePage, string text) => Encoding.GetEncoding(codePage).GetBytes(text);

    private static byte[] Utf16(string text, bool bigEndian, bool bom)
    {
        var encoding = new UnicodeEncoding(bigEndian, bom);
        return [.. encoding.GetPreamble(), .. encoding.GetBytes(text)];
    }

    private static byte[] Join(params byte[][] parts) => [.. parts.SelectMany(p => p)];

    private static void Names(ImportResult result, int record, string? first, string? last)
    {
        Assert.Equal(first, result.Records[record].Contact!.FirstName);
        Assert.Equal(last, result.Records[record].Contact!.LastName);
    }

    public static TheoryData<Export> Cases() =>
    [
        // ---- shapes of known exports ----
        new Export("hubspot, BOM, CRLF",
            Bom("Record ID,First Name,Last Name,Email,Company Name,Website URL\r\n101,Jane,Doe,jane@acme.test,Acme,https://acme.test\r\n102,Li,Wu,li@wu.test,Wu Ltd,wu.test\r\n"),
            ["jane@acme.test", "li@wu.test"]),
        new Export("salesforce, every field quoted, commas and quotes inside",
            Utf8("\"First Name\",\"Last Name\",\"Title\",\"Account Name\",\"Email\"\n\"Ana\",\"O'Neil\",\"VP, Sales\",\"Acme, Inc.\",\"ana@acme.test\"\n\"Bo\",\"\"\"Bobby\"\" Li\",\"CEO\",\"Li & Co\",\"bo@li.test\"\n"),
            ["ana@acme.test", "bo@li.test"],
            r => Assert.Equal("\"Bobby\" Li", r.Records[1].Contact!.LastName)),
        new Export("apollo with two email columns, first empty",
            Utf8("First Name,Last Name,Title,Company,Email,Secondary Email,Website\nAna,Ruiz,CTO,Acme,,ana.r@acme.test,acme.test\n"),
            ["ana.r@acme.test"]),
        new Export("sales navigator: no email, profile and company site",
            Utf8("First Name,Last Name,Company,Title,Company Website\nAna,Ruiz,Acme,CTO,https://www.acme.co.uk/about\nBo,Li,Self,CEO,https://linkedin.com/in/boli\n"),
            ["~", "!not_a_company_domain"],
            r => Assert.Equal("acme.co.uk", r.Records[0].Contact!.Domain)),
        new Export("excel semicolon windows-1252 german",
            In(1252, "Vorname;Nachname;E-Mail;Firma\nJürgen;Müller;j.mueller@beispiel.test;Beispiel GmbH\nRené;Weiß;rene@beispiel.test;Beispiel GmbH\n"),
            ["j.mueller@beispiel.test", "rene@beispiel.test"],
            r => { Names(r, 0, "Jürgen", "Müller"); Names(r, 1, "René", "Weiß"); }),
        new Export("excel unicode text: utf-16le BOM, tabs",
            Utf16("Prénom\tNom\tCourriel\r\nAmélie\tDubois\tamelie@exemple.test\r\n", bigEndian: false, bom: true),
            ["amelie@exemple.test"], r => Names(r, 0, "Amélie", "Dubois")),
        new Export("utf-16be with BOM",
            Utf16("Nombre;Apellido;Correo electrónico\nJosé;García;jose@ejemplo.test\n", bigEndian: true, bom: true),
            ["jose@ejemplo.test"], r => Names(r, 0, "José", "García")),
        new Export("utf-16le without BOM",
            Utf16("Nome,Cognome,Email\nGiulia,Rossi,giulia@esempio.test\n", bigEndian: false, bom: false),
            ["giulia@esempio.test"], r => Names(r, 0, "Giulia", "Rossi")),
        new Export("utf-16be without BOM",
            Utf16("Voornaam|Achternaam|E-mailadres\nSanne|de Vries|sanne@voorbeeld.test\n", bigEndian: true, bom: false),
            ["sanne@voorbeeld.test"], r => Names(r, 0, "Sanne", "de Vries")),
        new Export("latin-1 (iso-8859-1)",
            In(28591, "Prénom,Nom,Email\nFrançoise,Lefèvre,f@exemple.test\n"),
            ["f@exemple.test"], r => Names(r, 0, "Françoise", "Lefèvre")),
        new Export("mac roman (old Excel for Mac)",
            In(10000, "First Name,Last Name,Email\nJosé,Müller,jose@x.test\nRenée,Núñez,renee@x.test\nSøren,Ærø,soren@x.test\n"),
            ["jose@x.test", "renee@x.test", "soren@x.test"],
            r => { Assert.Equal("macintosh", r.Detection.Encoding); Names(r, 0, "José", "Müller"); Names(r, 1, "Renée", "Núñez"); Names(r, 2, "Søren", "Ærø"); }),
        new Export("windows-1252 with curly apostrophes and a trademark is not taken for mac roman",
            In(1252, "Name,Email,Company\nPat O’Neil,pat@x.test,Acme™ Ltd\nDon’t Call,d@x.test,Zoë’s Café\n"),
            ["pat@x.test", "d@x.test"],
            r => { Assert.Equal("windows-1252", r.Detection.Encoding); Assert.Equal("Zoë’s Café", r.Records[1].Contact!.Company); }),
        new Export("windows-1252 punctuation stays punctuation",
            In(1252, "Name,Email,Title\nJane Doe,jane@x.test,“Head” – Sales…\n"),
            ["jane@x.test"], r => Assert.Equal("“Head” – Sales…", r.Records[0].Contact!.Title)),
        new Export("excel sep=; first line",
            Utf8("sep=;\nFirst Name;Last Name;Email\nAna;Ruiz;ana@x.test\n"),
            ["ana@x.test"], r => Assert.Equal(3, r.Records[0].Line)),
        new Export("BOM then sep=, line",
            Bom("sep=,\r\nEmail,Name\r\nana@x.test,Ana\r\n"),
            ["ana@x.test"]),

        new Export("BOM written twice", Join(Bom(""), Bom("Email,Name\nana@x.test,Ana\n")), ["ana@x.test"]),
        new Export("header only", Utf8("First Name,Last Name,Email\r\n"), []),
        new Export("empty file", [], []),
        new Export("only blank lines", Utf8("\n\r\n\n"), ["!blank", "!blank", "!blank"]),
        new Export("invisible characters around addresses",
            Utf8("Name,Email\nAna,\u00A0ana@x.test\u00A0\nBo,bo@x.test\u200B\nCe,“ce@x.test”\n"),
            ["ana@x.test", "bo@x.test", "ce@x.test"]),
        new Export("a line far past the buffer without a line end",
            Utf8("Name,Email\nAna,ana@x.test\n" + new string('x', 300_000)),
            ["ana@x.test", "!field_too_long"]),

        // ---- line ends ----
        new Export("lone CR line ends (classic Mac)",
            Utf8("First Name,Email\rAna,ana@x.test\rBo,bo@x.test\r"),
            ["ana@x.test", "bo@x.test"], r => Assert.Equal([2L, 3L], r.Records.Select(x => x.Line))),
        new Export("mixed CRLF, LF and CR",
            Utf8("First Name,Email\r\nAna,ana@x.test\nBo,bo@x.test\rCe,ce@x.test\r\n"),
            ["ana@x.test", "bo@x.test", "ce@x.test"], r => Assert.Equal([2L, 3L, 4L], r.Records.Select(x => x.Line))),
        new Export("quoted line break inside a note",
            Utf8("First Name,Email,Notes\nAna,ana@x.test,\"line one\nline two\"\nBo,bo@x.test,ok\n"),
            ["ana@x.test", "bo@x.test"], r => Assert.Equal(4, r.Records[1].Line)),
        new Export("truncated last line, no line end",
            Utf8("First Name,Email\nAna,ana@x.test\nBo,bo@x.te"),
            ["ana@x.test", "bo@x.te"]),
        new Export("truncated inside a quoted last field",
            Utf8("First Name,Email,Company\nAna,ana@x.test,Acme\nBo,bo@x.test,\"Li & C"),
            ["ana@x.test", "!unterminated_quote"], r => Assert.Equal(3, r.Rejections[0].Rejection!.Line)),

        // ---- quotes ----
        new Export("stray quote opens a field and never closes",
            Utf8("First Name,Last Name,Email,Company\nAna,\"Ruiz,ana@x.test,Acme\nBo,Li,bo@x.test,Li Co\nCe,Wu,ce@x.test,Wu Co\n"),
            ["!unterminated_quote", "bo@x.test", "ce@x.test"],
            r => Assert.Equal(2, r.Records[0].Rejection!.Column)),
        new Export("quote inside an unquoted field is a character",
            Utf8("Name,Email\nJohn \"JJ\" Smith,jj@x.test\n"),
            ["jj@x.test"], r => Assert.Equal("John \"JJ\" Smith", r.Records[0].Contact!.FullName)),
        new Export("text after a closing quote is kept",
            Utf8("Last Name,First Name,Email\n\"O\"Brien,Pat,pat@x.test\n"),
            ["pat@x.test"]),
        new Export("space before an opening quote",
            Utf8("Name, Company, Email\nAna, \"Acme, Inc\", ana@x.test\n"),
            ["ana@x.test"], r => Assert.Equal("Acme, Inc", r.Records[0].Contact!.Company)),

        // ---- rows of the wrong width ----
        new Export("ragged rows: too many and too few fields",
            Utf8("First Name,Last Name,Email\nAna,Ruiz,ana@x.test,extra,more\nBo,Li\nCe,Wu,ce@x.test\n"),
            ["ana@x.test", "!no_domain", "ce@x.test"],
            r => Assert.Equal(1, r.Report.Ragged)),
        new Export("trailing separators after every row",
            Utf8("First Name,Last Name,Email,,,\nAna,Ruiz,ana@x.test,,,\nBo,Li,bo@x.test,,,\n"),
            ["ana@x.test", "bo@x.test"]),
        new Export("trailing semicolons from Excel",
            In(1252, "Nom;Prénom;Courriel;;\nDurand;Léa;lea@x.test;;\n;;;;\n"),
            ["lea@x.test", "!blank"], r => Names(r, 0, "Léa", "Durand")),

        // ---- what comes before the header ----
        new Export("title rows and blank lines before the header",
            Utf8("Contacts export\nGenerated 2024-05-01 by CRM\n\nFirst Name,Last Name,Email\nAna,Ruiz,ana@x.test\n"),
            ["ana@x.test"], r => { Assert.Equal(4, r.Detection.HeaderLine); Assert.Equal(5, r.Records[0].Line); }),
        new Export("blank lines between rows are counted, not verified",
            Utf8("Email,Name\n\nana@x.test,Ana\n\r\n,\nbo@x.test,Bo\n"),
            ["!blank", "ana@x.test", "!blank", "!blank", "bo@x.test"]),
        new Export("header repeated further down (two exports pasted)",
            Utf8("Email,First Name\nana@x.test,Ana\nEmail,First Name\nbo@x.test,Bo\n"),
            ["ana@x.test", "!repeated_header", "bo@x.test"]),

        // ---- header names ----
        new Export("duplicate header names: the first email column, a second as fallback",
            Utf8("Name,Email,Email,Name\nAna Ruiz,,ana@x.test,Ana\nBo Li,bo@x.test,other@x.test,Bo\n"),
            ["ana@x.test", "bo@x.test"]),
        new Export("german header names", Utf8("Vorname,Nachname,E-Mail-Adresse,Unternehmen\nJörg,Haß,joerg@x.test,X AG\n"), ["joerg@x.test"], r => Names(r, 0, "Jörg", "Haß")),
        new Export("french header names", Utf8("Prénom;Nom;Courriel;Société\nLéa;Durand;lea@x.test;X SA\n"), ["lea@x.test"], r => Names(r, 0, "Léa", "Durand")),
        new Export("spanish header names", Utf8("Nombre,Apellido,Correo electrónico,Empresa\nJosé,García,jose@x.test,X SL\n"), ["jose@x.test"], r => Names(r, 0, "José", "García")),
        new Export("portuguese header names", Utf8("Nome,Sobrenome,E-mail,Empresa\nJoão,Silva,joao@x.test,X Lda\n"), ["joao@x.test"], r => Names(r, 0, "João", "Silva")),
        new Export("dutch header names", Utf8("Voornaam,Achternaam,E-mailadres,Bedrijf\nSanne,Jansen,sanne@x.test,X BV\n"), ["sanne@x.test"], r => Names(r, 0, "Sanne", "Jansen")),
        new Export("italian header names", Utf8("Nome;Cognome;Indirizzo email;Azienda\nGiulia;Rossi;giulia@x.test;X Srl\n"), ["giulia@x.test"], r => Names(r, 0, "Giulia", "Rossi")),
        new Export("japanese header names", Utf8("姓,名,メールアドレス,会社名\n山田,太郎,taro@x.test,X株式会社\n"), ["taro@x.test"], r => Names(r, 0, "太郎", "山田")),
        new Export("chinese header names", Utf8("姓名,邮箱,公司\n王伟,wang@x.test,X公司\n"), ["wang@x.test"], r => Assert.Equal("王伟", r.Records[0].Contact!.FullName)),
        new Export("korean header names", Utf8("이름,이메일,회사\n김민준,minjun@x.test,X\n"), ["minjun@x.test"]),
        new Export("header names with odd spacing, case and punctuation",
            Utf8(" FIRST_NAME ,last-name,\"E-Mail Address\"\nAna,Ruiz,ana@x.test\n"),
            ["ana@x.test"], r => Names(r, 0, "Ana", "Ruiz")),

        // ---- cells ----
        new Export("formula cells are kept verbatim, an address inside a formula is not invented",
            Utf8("Name,Email,Company\nAna,=HYPERLINK(\"\"mailto:ana@x.test\"\"),=1+2\nBo,bo@x.test,@SUM(A1)\n"),
            ["~", "bo@x.test"], r => Assert.Equal("=1+2", r.Records[0].Fields[2])),
        new Export("display name and angle brackets",
            Utf8("Name,Email\nJane,\"\"\"Jane Doe\"\" <jane@x.test>\"\nBo,Bo Li <BO@X.TEST>\n"),
            ["jane@x.test", "bo@x.test"]),
        new Export("mailto: prefix, upper case, spaces, trailing dot",
            Utf8("Name,Email\nAna,mailto:ana@x.test\nBo,  BO@X.TEST  \nCe,ce@x.test.\n"),
            ["ana@x.test", "bo@x.test", "ce@x.test"]),
        new Export("several addresses in one cell: the first one",
            Utf8("Name,Email\nAna,\"ana@x.test; a.ruiz@x.test\"\nBo,\"bo@x.test, b.li@x.test\"\nCe,ce@x.test / c.wu@x.test\n"),
            ["ana@x.test", "bo@x.test", "ce@x.test"]),
        new Export("no address but a name and no website: nothing to verify or find",
            Utf8("Name,Email\nAna,ana(at)x.test\nBo,n/a\n"),
            ["!no_domain", "!no_domain"], r => Assert.Equal("ana(at)x.test", r.Records[0].Fields[1])),

        // ---- binary damage and size ----
        new Export("NUL bytes in one row",
            Join(Utf8("Name,Email\nAna,ana@x.test\nB"), [0, 0, 0], Utf8("o,bo@x.test\nCe,ce@x.test\n")),
            ["ana@x.test", "!binary_data", "ce@x.test"]),
        new Export("NUL padding after the last row (a file cut short)",
            Join(Utf8("Name,Email\nAna,ana@x.test\nBo,bo@x.test\n"), new byte[600]),
            ["ana@x.test", "bo@x.test", "!binary_data"]),
        new Export("a field past the limit",
            Utf8("Name,Email,Notes\nAna,ana@x.test," + new string('x', 3000) + "\nBo,bo@x.test,ok\n"),
            ["!field_too_long", "bo@x.test"], r => Assert.Equal(3, r.Records[0].Rejection!.Column)),
        new Export("a quoted field past the limit with line breaks",
            Utf8("Name,Email,Notes\nAna,ana@x.test,\"" + string.Concat(Enumerable.Repeat("note line\n", 400)) + "\"\nBo,bo@x.test,ok\n"),
            ["!field_too_long", "bo@x.test"]),
    ];

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Import_AccountsForEveryRow_OfADamagedExport(Export test)
    {
        var result = await ImportHarness.ReadAsync(test.Bytes, new ImportOptions { SourceName = "damaged.csv", MaxFieldBytes = 2048 });

        var outcomes = result.Records.Select(r => r.Rejection is { } rejection ? "!" + rejection.Reason : r.Contact!.Email ?? "~").ToArray();
        Assert.Equal(test.Outcomes, outcomes);
        Assert.Equal("damaged.csv", result.Report.Source);
        foreach (var rejection in result.Rejections.Select(r => r.Rejection!))
        {
            Assert.True(rejection.Line > result.Detection.HeaderLine, $"{rejection.Reason}: line {rejection.Line}");
            Assert.False(string.IsNullOrWhiteSpace(rejection.Detail));
            Assert.True(rejection.Column is null or > 0, $"{rejection.Reason}: column {rejection.Column}");
        }

        test.Check?.Invoke(result);
    }
}

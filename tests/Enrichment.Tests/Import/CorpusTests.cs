using System.Text.Json;
using Enrichment.Import;

namespace Enrichment.Tests.Import;

/// <summary>
/// Export shapes of HubSpot, Salesforce, Apollo, Sales Navigator and Excel (CSV UTF-8, semicolon Windows-1252,
/// Unicode text), written with invented people by Corpus/make_corpus.py. Each file's .expected.json lists its data
/// rows with the names exactly as written.
/// </summary>
public class CorpusTests
{
    public static readonly TheoryData<string> Files = new(
        "hubspot-contacts.csv", "salesforce-report.csv", "apollo-export.csv", "sales-navigator.csv", "excel-csv-utf8.csv",
        "excel-semicolon-1252.csv", "excel-unicode-text.txt", "dutch-crm-pipe.csv", "hand-made-sheet.csv", "plain-list.txt");

    internal static string PathOf(string file) => Path.Combine(AppContext.BaseDirectory, "Import", "Corpus", file);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task Read_AccountsForEveryRow_AndKeepsNamesExact(string file)
    {
        using var expected = JsonDocument.Parse(await File.ReadAllTextAsync(PathOf(file + ".expected.json")));
        var root = expected.RootElement;
        var result = await ImportHarness.ReadAsync(await File.ReadAllBytesAsync(PathOf(file)));

        Assert.Equal(root.GetProperty("separator").GetString()![0], result.Detection.Separator);
        Assert.Equal(root.GetProperty("encoding").GetString(), result.Detection.Encoding);
        Assert.Equal(root.GetProperty("headerLine").GetInt64(), result.Detection.HeaderLine);
        var rows = root.GetProperty("rows").EnumerateArray().ToList();
        Assert.Equal(rows.Count, result.Records.Count);
        if (root.TryGetProperty("duplicates", out var duplicates))
        {
            Assert.Equal(duplicates.GetInt64(), result.Report.Duplicates);
        }

        if (root.TryGetProperty("ragged", out var ragged))
        {
            Assert.Equal(ragged.GetInt64(), result.Report.Ragged);
        }

        var firstColumn = result.Detection.Column(ContactField.FirstName)?.Column;
        var lastColumn = result.Detection.Column(ContactField.LastName)?.Column;
        for (var i = 0; i < rows.Count; i++)
        {
            var want = rows[i];
            var got = result.Records[i];
            Assert.Equal(want.GetProperty("line").GetInt64(), got.Line);
            if (want.GetProperty("reason").GetString() is { } reason)
            {
                Assert.Equal(reason, got.Rejection?.Reason);
                continue;
            }

            var contact = got.Contact ?? throw new Xunit.Sdk.XunitException($"{file} line {got.Line}: rejected ({got.Rejection}), expected a contact");
            if (want.GetProperty("first").GetString() is { } first)
            {
                // Byte-identical characters: the raw field and the mapped name are the very text written.
                Assert.Equal(first, got.Fields[firstColumn!.Value]);
                Assert.Equal(first, contact.FirstName);
            }

            if (want.GetProperty("last").GetString() is { } last)
            {
                Assert.Equal(last, got.Fields[lastColumn!.Value]);
                Assert.Equal(last, contact.LastName);
            }

            Assert.Equal(want.GetProperty("email").GetString()?.ToLowerInvariant(), contact.Email);
            Assert.Equal(want.GetProperty("duplicate").GetBoolean(), got.Duplicate);
        }
    }

    [Fact]
    public async Task Read_MapsWebsitesToCompanyDomains_AndRefusesSocialPages()
    {
        var result = await ImportHarness.ReadAsync(await File.ReadAllBytesAsync(PathOf("sales-navigator.csv")));

        Assert.Equal("mueller-soehne.de", result.Records[0].Contact!.Domain);
        var linkedIn = result.Records[2].Rejection!;
        Assert.Equal(RejectionReasons.NotACompanyDomain, linkedIn.Reason);
        Assert.Equal(6, linkedIn.Column);
        Assert.Contains("linkedin.com", linkedIn.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Read_TakesTheSecondEmailColumn_WhenTheFirstIsEmpty()
    {
        var result = await ImportHarness.ReadAsync(await File.ReadAllBytesAsync(PathOf("dutch-crm-pipe.csv")));

        Assert.Equal(2, result.Detection.Mapping.Count(m => m.Field == ContactField.Email));
        Assert.Equal("lukasz.wisniewski@wisla-logistics.pl", result.Records[0].Contact!.Email);
        Assert.Equal("", result.Records[0].Fields[2]);
    }

    [Fact]
    public async Task Read_DoesNotTakeEmailStatusForTheAddress()
    {
        var result = await ImportHarness.ReadAsync(await File.ReadAllBytesAsync(PathOf("apollo-export.csv")));

        var email = Assert.Single(result.Detection.Mapping, m => m.Field == ContactField.Email);
        Assert.Equal("Email", email.Header);
        Assert.Equal("Apollo Contact Id", result.Detection.Column(ContactField.Id)!.Header);
    }

    [Fact]
    public async Task Read_SkipsTitleRows_AndKeepsQuotesInsideUnquotedFields()
    {
        var result = await ImportHarness.ReadAsync(await File.ReadAllBytesAsync(PathOf("hand-made-sheet.csv")));

        Assert.Equal(2, result.Detection.SkippedLines);
        Assert.Equal("=HYPERLINK(\"http://x.test\")", result.Records[3].Fields[5]);
        Assert.Equal("O\"Reilly", result.Records[4].Contact!.LastName);
    }

    [Fact]
    public async Task Report_SerialisesDetectionAndCounts()
    {
        var result = await ImportHarness.ReadAsync(await File.ReadAllBytesAsync(PathOf("excel-semicolon-1252.csv")));

        using var json = JsonDocument.Parse(result.Report.ToJson());
        var root = json.RootElement;
        Assert.Equal(result.Records.Count, root.GetProperty("rows_read").GetInt64());
        Assert.Equal("windows-1252", root.GetProperty("encoding").GetString());
        Assert.Equal(";", root.GetProperty("separator").GetString());
        Assert.Equal("sep-line", root.GetProperty("separator_source").GetString());
        Assert.Contains(root.GetProperty("mapping").EnumerateArray(), m => m.GetProperty("field").GetString() == "email" && m.GetProperty("header").GetString() == "Courriel");
        Assert.Contains("Prénom", result.Report.ToJson(), StringComparison.Ordinal); // UTF-8, not \u00e9
    }
}

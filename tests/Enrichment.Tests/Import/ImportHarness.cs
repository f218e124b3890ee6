using System.Text;
using Enrichment.Import;

namespace Enrichment.Tests.Import;

/// <summary>Runs the import over bytes and checks the accounting identity every test relies on.</summary>
internal static class ImportHarness
{
    public static readonly ListImporter Importer = new(NonCompanyDomains.LoadDefault());

    public static Task<ImportResult> ReadAsync(string text, ImportOptions? options = null) =>
        ReadAsync(Encoding.UTF8.GetBytes(text), options);

    public static async Task<ImportResult> ReadAsync(byte[] bytes, ImportOptions? options = null)
    {
        await using var reader = await Importer.OpenAsync(new MemoryStream(bytes), options ?? new ImportOptions { SourceName = "test.csv" });
        var records = new List<ImportRecord>();
        await foreach (var record in reader.ReadAsync())
        {
            Assert.True(record.Contact is null != (record.Rejection is null), $"line {record.Line}: exactly one of contact and rejection");
            records.Add(record);
        }

        var report = reader.Report;
        Assert.True(report.Complete);
        Assert.Equal(records.Count, report.RowsRead);
        Assert.Equal(report.RowsRead, report.Imported + report.RejectedTotal);
        Assert.Equal(records.Count(r => r.Contact is not null), report.Imported);
        Assert.Equal(records.Count(r => r.Duplicate), report.Duplicates);
        // Lines only go forward.
        for (var i = 1; i < records.Count; i++)
        {
            Assert.True(records[i].Line > records[i - 1].Line, $"line {records[i].Line} after {records[i - 1].Line}");
        }

        return new ImportResult(reader.Detection, report, records);
    }
}

public sealed record ImportResult(ImportDetection Detection, ImportReport Report, List<ImportRecord> Records)
{
    public List<ImportRecord> Contacts => [.. Records.Where(r => r.Contact is not null)];

    public List<ImportRecord> Rejections => [.. Records.Where(r => r.Rejection is not null)];
}

using System.Text;
using Enrichment.Import;

namespace Enrichment.Tests.Import;

/// <summary>
/// Generated damage over the corpus (seeded, so a failure replays): truncation, random bytes, stray quotes, huge
/// fields. Every run keeps the accounting identity (ImportHarness), and rows the damage did not touch come back exactly.
/// </summary>
public class DamageTests
{
    public static readonly TheoryData<string> CsvFiles = new(
        "hubspot-contacts.csv", "salesforce-report.csv", "apollo-export.csv", "sales-navigator.csv", "excel-csv-utf8.csv",
        "excel-semicolon-1252.csv", "dutch-crm-pipe.csv", "hand-made-sheet.csv");

    private static async Task<(byte[] Bytes, ImportResult Original, int HeaderEnd)> LoadAsync(string file)
    {
        var bytes = await File.ReadAllBytesAsync(CorpusTests.PathOf(file));
        var original = await ImportHarness.ReadAsync(bytes);
        // Byte offset just after the header line: damage goes after it (a damaged header is another test).
        var headerEnd = 0;
        for (long line = 1; line <= original.Detection.HeaderLine; line++)
        {
            headerEnd = Array.FindIndex(bytes, headerEnd, b => b is (byte)'\n' or (byte)'\r') + 1;
            if (bytes[headerEnd - 1] == '\r' && headerEnd < bytes.Length && bytes[headerEnd] == '\n')
            {
                headerEnd++;
            }
        }

        return (bytes, original, headerEnd);
    }

    private static string Key(ImportRecord record) => string.Join("\u241F", record.Fields);

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public async Task Truncated_KeepsEveryCompleteRow(string file)
    {
        var (bytes, original, headerEnd) = await LoadAsync(file);
        var random = new Random(file.Length * 31);
        for (var round = 0; round < 25; round++)
        {
            var cut = random.Next(headerEnd, bytes.Length);
            var damaged = await ImportHarness.ReadAsync(bytes[..cut]);
            var byLine = original.Records.ToDictionary(r => r.Line);
            // All but the last row (which the cut may have shortened) are the original rows.
            foreach (var record in damaged.Records.SkipLast(1))
            {
                Assert.Equal(Key(byLine[record.Line]), Key(record));
            }
        }
    }

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public async Task StrayQuote_CostsOnlyItsOwnRow(string file)
    {
        var (bytes, original, headerEnd) = await LoadAsync(file);
        var random = new Random(file.Length * 17);
        var separator = (byte)original.Detection.Separator;
        for (var round = 0; round < 40; round++)
        {
            // A quote at the start of a random field of a random data line (or anywhere in it).
            var at = random.Next(headerEnd, bytes.Length - 1);
            if (random.Next(2) == 0)
            {
                while (at > headerEnd && bytes[at - 1] != separator && bytes[at - 1] is not ((byte)'\n' or (byte)'\r'))
                {
                    at--;
                }
            }

            var damaged = await ImportHarness.ReadAsync([.. bytes[..at], (byte)'"', .. bytes[at..]]);
            var damagedLine = LineAt(bytes, at);
            var survivors = damaged.Records.Select(Key).ToHashSet();
            foreach (var record in original.Records.Where(r => !SpansLine(r, damagedLine, original)))
            {
                Assert.True(survivors.Contains(Key(record)), $"{file}: a quote at byte {at} (line {damagedLine}) took line {record.Line} with it");
            }
        }
    }

    [Theory]
    [MemberData(nameof(CsvFiles))]
    public async Task RandomBytes_CostOnlyTheRowsTheyLandIn(string file)
    {
        var (bytes, original, headerEnd) = await LoadAsync(file);
        var random = new Random(file.Length * 7);
        for (var round = 0; round < 40; round++)
        {
            var burst = new byte[random.Next(1, 24)];
            random.NextBytes(burst);
            var at = random.Next(headerEnd, bytes.Length);
            ImportResult damaged;
            try
            {
                damaged = await ImportHarness.ReadAsync([.. bytes[..at], .. burst, .. bytes[at..]]);
            }
            catch (ImportException) when (burst.Contains((byte)0))
            {
                continue; // NUL bytes in a small file can make it binary: refused whole, which is allowed
            }

            // Line ends inside the burst split a row in two; a quote in it can cost a line; each costs at most two rows.
            var lost = original.Records.Select(Key).Except(damaged.Records.Select(Key)).Count();
            var allowed = 1 + (2 * burst.Count(b => b is (byte)'\n' or (byte)'\r' or (byte)'"'));
            Assert.True(lost <= allowed, $"{file}: {burst.Length} random bytes at {at} lost {lost} rows (allowed {allowed})");
        }
    }

    [Fact]
    public async Task HugeField_RejectsItsRow_AndTheRunGoesOn()
    {
        var huge = new string('x', 5000);
        var text = $"first_name,last_name,email,notes\nAna,Silva,ana@x.test,\"{huge}\"\nBo,Li,bo@x.test,{huge}\nCe,Wu,ce@x.test,ok\n";
        var result = await ImportHarness.ReadAsync(text, new ImportOptions { MaxFieldBytes = 1000 });

        Assert.Equal(RejectionReasons.FieldTooLong, result.Records[0].Rejection!.Reason);
        Assert.Equal(4, result.Records[0].Rejection!.Column);
        Assert.Equal(RejectionReasons.FieldTooLong, result.Records[1].Rejection!.Reason);
        Assert.Equal("ce@x.test", result.Records[2].Contact!.Email);
        Assert.Equal(4, result.Records[2].Line);
    }

    [Fact]
    public async Task HugeLineWithoutEnd_IsDroppedUnbuffered_AndTheNextLineIsRead()
    {
        var huge = new string('y', 3 * 1024 * 1024);
        var text = $"email\nana@x.test\n{huge}\nbo@x.test\n";
        var result = await ImportHarness.ReadAsync(text, new ImportOptions { MaxFieldBytes = 100_000 });

        Assert.Equal(3, result.Records.Count);
        Assert.Equal(RejectionReasons.FieldTooLong, result.Records[1].Rejection!.Reason);
        Assert.Equal(3, result.Records[1].Line);
        Assert.Equal("bo@x.test", result.Records[2].Contact!.Email);
        Assert.Equal(4, result.Records[2].Line);
    }

    [Fact]
    public async Task HugeField_AtTheDefaultLimit_IsRejected()
    {
        var text = "email,notes\nana@x.test,\"" + new string('z', (1 << 20) + 10) + "\"\nbo@x.test,fine\n";
        var result = await ImportHarness.ReadAsync(text);

        Assert.Equal(RejectionReasons.FieldTooLong, result.Records[0].Rejection!.Reason);
        Assert.Equal("bo@x.test", result.Records[1].Contact!.Email);
    }

    [Fact]
    public async Task UnterminatedQuoteAtTheEnd_RejectsOnlyTheLastLine()
    {
        var result = await ImportHarness.ReadAsync("email,name\nana@x.test,Ana\nbo@x.test,\"Bo Li\n");

        Assert.Equal("ana@x.test", result.Records[0].Contact!.Email);
        Assert.Equal(RejectionReasons.UnterminatedQuote, result.Records[1].Rejection!.Reason);
        Assert.Equal(["bo@x.test", "\"Bo Li"], result.Records[1].Fields);
    }

    [Fact]
    public async Task Binary_IsRefusedWhole()
    {
        var ls = File.Exists("/bin/ls") ? await File.ReadAllBytesAsync("/bin/ls") : Enumerable.Range(0, 4096).Select(i => (byte)(i % 7)).ToArray();

        var ex = await Assert.ThrowsAsync<ImportException>(() => ImportHarness.ReadAsync(ls));
        Assert.Contains("binary", ex.Message, StringComparison.Ordinal);
        Assert.Contains("test.csv", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NulInOneRowOfALargeFile_RejectsThatRow()
    {
        var text = new StringBuilder("email\n");
        for (var i = 0; i < 200; i++)
        {
            text.Append(i == 100 ? "bad\0row@x.test\n" : $"p{i}@x.test\n");
        }

        var result = await ImportHarness.ReadAsync(text.ToString());

        Assert.Equal(200, result.Records.Count);
        Assert.Equal(RejectionReasons.BinaryData, Assert.Single(result.Rejections).Rejection!.Reason);
    }

    private static long LineAt(byte[] bytes, int offset)
    {
        long line = 1;
        for (var i = 0; i < offset; i++)
        {
            if (bytes[i] == '\n' || (bytes[i] == '\r' && (i + 1 >= bytes.Length || bytes[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>True when <paramref name="record"/> covers <paramref name="line"/> (a quoted line break makes a row span lines).</summary>
    private static bool SpansLine(ImportRecord record, long line, ImportResult all)
    {
        var next = all.Records.FirstOrDefault(r => r.Line > record.Line)?.Line ?? long.MaxValue;
        return record.Line <= line && line < next;
    }
}

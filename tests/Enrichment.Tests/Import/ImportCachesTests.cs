using System.Text;
using Enrichment.Import;

namespace Enrichment.Tests.Import;

/// <summary>The per-row caches: they may only save work, never change a value.</summary>
public class ImportCachesTests
{
    [Fact]
    public void Interner_GivesTheSameString_ForTheSameBytes()
    {
        var interner = new FieldInterner();
        var bytes = "Head of Sales"u8;

        Assert.True(interner.Wants(3, bytes.Length));
        Assert.Null(interner.Find(3, bytes, out var hash));
        interner.Add(bytes, hash, "Head of Sales");
        var again = interner.Find(3, "Head of Sales"u8, out _);

        Assert.Same(interner.Find(3, bytes, out _), again);
        Assert.Equal("Head of Sales", again);
        Assert.Null(interner.Find(3, "Head of Sale5"u8, out _));
    }

    [Fact]
    public void Interner_LeavesOutColumnsThatDoNotRepeat_AndLongOrEmptyValues()
    {
        var interner = new FieldInterner();
        for (var i = 0; i < 5000 && interner.Wants(0, 10); i++)
        {
            var bytes = Encoding.ASCII.GetBytes($"id-{i:D7}");
            if (interner.Find(0, bytes, out var hash) is null)
            {
                interner.Add(bytes, hash, $"id-{i:D7}");
            }

            Assert.True(interner.Wants(1, 5));
            if (interner.Find(1, "Sales"u8, out var title) is null)
            {
                interner.Add("Sales"u8, title, "Sales");
            }
        }

        Assert.False(interner.Wants(0, 10));
        Assert.True(interner.Wants(1, 5));
        Assert.False(interner.Wants(1, 0));
        Assert.False(interner.Wants(1, FieldInterner.MaxBytes + 1));
    }

    [Fact]
    public void WebsiteCache_ComputesEachWebsiteOnce_AndStaysRightPastItsCapacity()
    {
        var cache = new WebsiteCache();
        var computed = 0;
        (string?, bool) Compute(string website)
        {
            computed++;
            return (website.ToUpperInvariant(), website.Length % 2 == 0);
        }

        Assert.Equal(("A.TEST", true), cache.Get("a.test", Compute));
        Assert.Equal(("A.TEST", true), cache.Get(new string("a.test".AsSpan()), Compute)); // equal, not the same instance
        Assert.Equal(1, computed);

        for (var i = 0; i < WebsiteCache.Capacity + 100; i++)
        {
            var website = $"w{i}.test";
            Assert.Equal((website.ToUpperInvariant(), website.Length % 2 == 0), cache.Get(website, Compute));
        }

        Assert.Equal(("A.TEST", true), cache.Get("a.test", Compute));
    }

    [Fact]
    public async Task Read_DecodesAWindows1252RowOfAUtf8File_ByItsOwnBytes_NotByAnInternedString()
    {
        // Rows 1–3 are UTF-8 ("Müller" is C3 BC); row 4 has a lone 0xE9 so it is read as Windows-1252, and the same
        // C3 BC bytes in it are "Ã¼" there, not the "ü" the interner holds for them.
        var bytes = Encoding.UTF8.GetBytes("first,last,email\nAna,Müller,a@x.test\nBo,Müller,b@x.test\nCe,Müller,c@x.test\n")
            .Concat(new byte[] { (byte)'J', (byte)'o', (byte)'s', 0xE9, (byte)',', (byte)'M', 0xC3, 0xBC, (byte)'l', (byte)'l', (byte)'e', (byte)'r', (byte)',', (byte)'j', (byte)'@', (byte)'x', (byte)'.', (byte)'t', (byte)'e', (byte)'s', (byte)'t', (byte)'\n' })
            .ToArray();

        var result = await ImportHarness.ReadAsync(bytes);

        Assert.Equal(["Ana", "Müller", "a@x.test"], result.Records[0].Fields);
        Assert.Equal(["Ce", "Müller", "c@x.test"], result.Records[2].Fields);
        Assert.Equal(["José", "MÃ¼ller", "j@x.test"], result.Records[3].Fields);
        Assert.Equal(1, result.Report.Windows1252Rows);
    }
}

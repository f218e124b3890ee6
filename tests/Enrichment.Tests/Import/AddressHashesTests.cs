using Enrichment.Import;

namespace Enrichment.Tests.Import;

/// <summary>The duplicate check's hash set: each hash is new once, across growth, with 0 a hash like any other.</summary>
public class AddressHashesTests
{
    [Fact]
    public void Add_IsTrueOnlyTheFirstTime_AcrossGrowth()
    {
        var set = new AddressHashes();
        var random = new Random(7);
        var hashes = Enumerable.Range(0, 50_000).Select(_ => (ulong)random.NextInt64() * 3 + 1).Distinct().ToArray();

        Assert.All(hashes, h => Assert.True(set.Add(h)));
        Assert.All(hashes, h => Assert.False(set.Add(h)));
        Assert.Equal(hashes.Length, set.Count);
    }

    [Fact]
    public void Add_KeepsZero_AndHashesThatShareLowBits()
    {
        var set = new AddressHashes();

        Assert.True(set.Add(0));
        Assert.False(set.Add(0));
        Assert.True(set.Add(1UL << 40));
        Assert.True(set.Add(2UL << 40));
        Assert.False(set.Add(1UL << 40));
        Assert.Equal(3, set.Count);
    }
}

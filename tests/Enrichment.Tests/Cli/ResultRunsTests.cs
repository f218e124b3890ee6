using Enrichment.Cli.Output;
using Enrichment.Cli.Verification;

namespace Enrichment.Tests.Cli;

public class ResultRunsTests
{
    [Fact]
    public void Merged_GivesInputOrder_AcrossManyRuns()
    {
        using var temp = PrivateTempDirectory.Create("enrichment-test-");
        using var runs = new ResultRuns(temp, runSize: 7);
        var order = Enumerable.Range(0, 100).Select(i => (long)i).OrderBy(i => (i * 37) % 101).ToList();
        foreach (var sequence in order)
        {
            runs.Add(sequence, [sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), null]);
        }

        var merged = runs.Merged().ToList();

        Assert.Equal(Enumerable.Range(0, 100).Select(i => (long)i), merged.Select(m => m.Sequence));
        Assert.All(merged, m => Assert.Equal(m.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture), m.Values[0]));
        Assert.All(merged, m => Assert.Null(m.Values[1]));
        Assert.True(Directory.GetFiles(temp.Directory.FullName).Length >= 14);
    }

    [Fact]
    public void TempDirectory_IsPrivate_AndGoneAfterDispose()
    {
        var temp = PrivateTempDirectory.Create("enrichment-test-");
        using (temp.CreateFile("a.bin"))
        {
        }

        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute, File.GetUnixFileMode(temp.Directory.FullName));
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(temp.PathOf("a.bin")));
        }

        temp.Dispose();
        Assert.False(Directory.Exists(temp.Directory.FullName));
    }
}

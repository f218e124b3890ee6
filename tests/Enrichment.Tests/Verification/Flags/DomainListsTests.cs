using Enrichment.Verification.Flags;

namespace Enrichment.Tests.Verification.Flags;

public class DomainListsTests
{
    private static readonly Lazy<DomainLists> Lists = new(DomainLists.LoadDefault);

    [Fact]
    public void LoadDefault_LoadsThousandsOfDisposableDomains_WithTheirSource()
    {
        Assert.True(Lists.Value.DisposableCount > 1000, $"only {Lists.Value.DisposableCount} disposable domains");
        Assert.StartsWith("npm package disposable-email-domains 1.0.62 (MIT)", Lists.Value.DisposableSource, StringComparison.Ordinal);
        Assert.True(Lists.Value.FreeProviderCount > 100);
        Assert.True(Lists.Value.RoleCount > 50);
    }

    [Theory]
    [InlineData("mailinator.com", true)]
    [InlineData("MAILINATOR.COM", true)]
    [InlineData("mailinator.com.", true)]
    [InlineData("a.b.mailinator.com", true)]
    [InlineData("sub.mailinator.com", true)]
    [InlineData("guerrillamail.com", true)]
    [InlineData("10minutemail.com", true)]
    [InlineData("yopmail.com", true)]
    [InlineData("mailinator.co", false)]
    [InlineData("mailinator.com.example", false)]
    [InlineData("com", false)]
    [InlineData("example.com", false)]
    [InlineData("acme.com", false)]
    public void IsDisposable_MatchesDomainOrParent(string domain, bool expected)
    {
        Assert.Equal(expected, Lists.Value.IsDisposable(domain));
    }

    [Fact]
    public void IsDisposable_IsFalse_ForEveryFreeProvider()
    {
        string directory = DomainLists.FindDefaultConfigDirectory()!;
        var free = DomainLists.ReadDomains(directory, DomainLists.FreeProviderFileName).Entries.Select(e => e.Value).ToList();

        Assert.Contains("gmail.com", free);
        Assert.DoesNotContain(free, Lists.Value.IsDisposable);
    }

    [Theory]
    [InlineData("info", true)]
    [InlineData("INFO", true)]
    [InlineData("sales", true)]
    [InlineData("admin", true)]
    [InlineData("postmaster", true)]
    [InlineData("abuse", true)]
    [InlineData("noreply", true)]
    [InlineData("no-reply", true)]
    [InlineData("no_reply", true)]
    [InlineData("no.reply", true)]
    [InlineData("do-not-reply", true)]
    [InlineData("donotreply", true)]
    [InlineData("support1", true)]
    [InlineData("info2024", true)]
    [InlineData("sales-team", true)]
    [InlineData("support-24", true)]
    [InlineData("customer.service", true)]
    [InlineData("mailer-daemon", true)]
    [InlineData("info+newsletter", true)]
    [InlineData("hr", true)]
    [InlineData("jane", false)]
    [InlineData("jane.doe", false)]
    [InlineData("john.sales", false)]
    [InlineData("support.jane", false)]
    [InlineData("information", false)]
    [InlineData("sales42x", false)]
    [InlineData("123", false)]
    [InlineData("", false)]
    public void IsRole_RecognisesRoleVariants(string localPart, bool expected)
    {
        Assert.Equal(expected, Lists.Value.IsRole(localPart));
    }

    [Theory]
    [InlineData("gmail.com", true)]
    [InlineData("GMAIL.COM", true)]
    [InlineData("googlemail.com", true)]
    [InlineData("yahoo.co.uk", true)]
    [InlineData("hotmail.de", true)]
    [InlineData("outlook.com", true)]
    [InlineData("icloud.com", true)]
    [InlineData("gmx.net", true)]
    [InlineData("web.de", true)]
    [InlineData("mail.ru", true)]
    [InlineData("yandex.ru", true)]
    [InlineData("proton.me", true)]
    [InlineData("qq.com", true)]
    [InlineData("163.com", true)]
    [InlineData("acme.com", false)]
    [InlineData("google.com", false)]
    [InlineData("mailinator.com", false)]
    [InlineData("sub.gmail.com", false)]
    public void IsFreeProvider_MatchesExactDomain(string domain, bool expected)
    {
        Assert.Equal(expected, Lists.Value.IsFreeProvider(domain));
    }

    [Fact]
    public void SuggestDomain_UsesLoadedLists()
    {
        Assert.Equal("gmail.com", Lists.Value.SuggestDomain("gmial.com"));
        Assert.Null(Lists.Value.SuggestDomain("gmail.com"));
    }

    [Fact]
    public void Load_ThrowsNamingFileAndLine_WhenAnEntryIsInvalid()
    {
        using var config = new TempConfig();
        config.Write(DomainLists.FreeProviderFileName, "# header\ngmail.com\n\nnot a domain\n");

        var ex = Assert.Throws<InvalidDataException>(() => DomainLists.Load(config.Path));

        Assert.Contains(DomainLists.FreeProviderFileName, ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 4", ex.Message, StringComparison.Ordinal);
        Assert.Contains("'not a domain'", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(DomainLists.DisposableFileName, "dotless")]
    [InlineData(DomainLists.DisposableFileName, "bad_underscore.com")]
    [InlineData(DomainLists.CommonDomainFileName, "-leading.com")]
    [InlineData(DomainLists.RoleFileName, "two..dots")]
    [InlineData(DomainLists.RoleFileName, "with space")]
    public void Load_RejectsInvalidEntry_InEveryFile(string file, string entry)
    {
        using var config = new TempConfig();
        config.Write(file, $"# header\n{entry}\n");

        var ex = Assert.Throws<InvalidDataException>(() => DomainLists.Load(config.Path));

        Assert.Contains(file, ex.Message, StringComparison.Ordinal);
        Assert.Contains("line 2", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Load_ReadsCommentsAndHeader_WhenFilesAreValid()
    {
        using var config = new TempConfig();
        config.Write(DomainLists.DisposableFileName, "# Throwaway domains\n# source: test fixture\n\nTrash.Example  # trailing comment\nspam.example\n");

        var lists = DomainLists.Load(config.Path);

        Assert.Equal(2, lists.DisposableCount);
        Assert.Equal("test fixture", lists.DisposableSource);
        Assert.True(lists.IsDisposable("x.trash.example"));
        Assert.True(lists.IsRole("info"));
        Assert.True(lists.IsFreeProvider("freemail.example"));
        Assert.False(lists.IsFreeProvider("spam.example"));
    }

    [Fact]
    public void Load_ThrowsFileNotFound_WhenAFileIsMissing()
    {
        using var config = new TempConfig();
        File.Delete(System.IO.Path.Combine(config.Path, DomainLists.RoleFileName));

        var ex = Assert.Throws<FileNotFoundException>(() => DomainLists.Load(config.Path));

        Assert.Contains(DomainLists.RoleFileName, ex.Message, StringComparison.Ordinal);
    }

    /// <summary>A temporary config directory with small valid versions of all four files.</summary>
    private sealed class TempConfig : IDisposable
    {
        public TempConfig()
        {
            Path = Directory.CreateTempSubdirectory("enrichment-config-").FullName;
            Write(DomainLists.DisposableFileName, "# source: fixture\nmailinator.com\n");
            Write(DomainLists.RoleFileName, "info\nsales\n");
            Write(DomainLists.FreeProviderFileName, "freemail.example\n");
            Write(DomainLists.CommonDomainFileName, "freemail.example\n");
        }

        public string Path { get; }

        public void Write(string file, string content) => File.WriteAllText(System.IO.Path.Combine(Path, file), content);

        public void Dispose() => Directory.Delete(Path, recursive: true);
    }
}

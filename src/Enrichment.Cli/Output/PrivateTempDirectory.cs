namespace Enrichment.Cli.Output;

/// <summary>
/// A directory of our own under the system temp folder (mode 0700) whose files are created 0600: the spools hold
/// people's data. Deleted with everything in it on dispose, which every command reaches on every exit path
/// (success, error, Ctrl-C, SIGTERM).
/// </summary>
public sealed class PrivateTempDirectory : IDisposable
{
    private const UnixFileMode OwnerOnly = UnixFileMode.UserRead | UnixFileMode.UserWrite;

    private PrivateTempDirectory(DirectoryInfo directory) => Directory = directory;

    public DirectoryInfo Directory { get; }

    public static PrivateTempDirectory Create(string prefix)
    {
        var directory = System.IO.Directory.CreateTempSubdirectory(prefix); // 0700 on Unix
        return new PrivateTempDirectory(directory);
    }

    public string PathOf(string name) => Path.Combine(Directory.FullName, name);

    /// <summary>A new file readable and writable by this user only.</summary>
    public FileStream CreateFile(string name)
    {
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.ReadWrite, BufferSize = 1 << 16 };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = OwnerOnly;
        }

        return new FileStream(PathOf(name), options);
    }

    public static FileStream OpenRead(string path) =>
        new(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.SequentialScan);

    public void Dispose()
    {
        try
        {
            Directory.Delete(recursive: true);
        }
        catch (DirectoryNotFoundException)
        {
            // already gone
        }
    }
}

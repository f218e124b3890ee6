namespace Enrichment.Storage.Database;

/// <summary>File modes, a no-op on Windows (where the private cluster is not supported anyway).</summary>
public static class UnixMode
{
    public static void Set(string path, UnixFileMode mode)
    {
        if (!OperatingSystem.IsWindows())
            File.SetUnixFileMode(path, mode);
    }

    public static UnixFileMode Get(string path) =>
        OperatingSystem.IsWindows() ? UnixFileMode.None : File.GetUnixFileMode(path);
}

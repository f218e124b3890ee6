using System.Security.Cryptography;
using System.Text;
using Enrichment.Storage.Database;
using Enrichment.Storage.Erasure;

namespace Enrichment.Service.Contacts;

/// <summary>
/// The salt of erased-address hashes: <c>Enrichment:ErasureSalt</c> when set (every host of one database must share
/// it), otherwise <c>erasure.salt</c> in the data folder, created once with 32 random bytes and mode 600. Never in the
/// repository, never in the database (a dump alone cannot test guessed addresses against the hashes).
/// </summary>
public sealed class ErasureSalt
{
    public const string Setting = "Enrichment:ErasureSalt";
    const string FileName = "erasure.salt";

    readonly byte[] _salt;

    ErasureSalt(byte[] salt) => _salt = salt;

    public string Hash(string normalizedEmail) => ErasureHash.Of(_salt, normalizedEmail);

    public static ErasureSalt Load(IConfiguration configuration, string? dataFolder)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        if (configuration[Setting] is { Length: > 0 } configured)
        {
            if (configured.Length < 16)
                throw new InvalidOperationException($"{Setting} must be at least 16 characters");
            return new ErasureSalt(Encoding.UTF8.GetBytes(configured));
        }

        var folder = DatabaseLocation.DataFolder(dataFolder);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, FileName);
        if (!File.Exists(path))
        {
            try
            {
                using var file = new FileStream(path, FileMode.CreateNew, FileAccess.Write, FileShare.None);
                file.Write(Encoding.ASCII.GetBytes(Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32))));
            }
            catch (IOException) when (File.Exists(path))
            {
                // Another process created it first: use theirs.
            }

            if (!OperatingSystem.IsWindows())
                File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        var salt = File.ReadAllText(path).Trim();
        if (salt.Length < 16)
            throw new InvalidOperationException($"{path} holds no usable erasure salt (at least 16 characters); restore it from backup");
        return new ErasureSalt(Encoding.UTF8.GetBytes(salt));
    }
}

using System.Security.Cryptography;
using Enrichment.Service.Hosting;
using Enrichment.Storage.Database;
using Microsoft.Extensions.Options;

namespace Enrichment.Service.Dashboard;

/// <summary>
/// Holds an uploaded file between its mapping preview and "start": a 0600 file in the data folder's uploads/ (0700),
/// named by a random token the preview form carries. Deleted when the import ends, or, when nobody presses start,
/// by the sweep every upload runs over files older than Enrichment:Dashboard:UploadPreviewTimeout.
/// (Re-posting the file instead would make the person choose it again: browsers cannot refill a file input.)
/// </summary>
public sealed class UploadSpool(IOptions<ServiceOptions> options, TimeProvider time, ILogger<UploadSpool> log)
{
    public string Folder { get; } = Path.Combine(DatabaseLocation.DataFolder(options.Value.DataFolder), "uploads");

    public async Task<string> SaveAsync(Stream content, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(content);
        Sweep();
        if (!Directory.Exists(Folder))
        {
            if (OperatingSystem.IsWindows())
                Directory.CreateDirectory(Folder);
            else
                Directory.CreateDirectory(Folder, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }

        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(16)).ToLowerInvariant();
        var file = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Options = FileOptions.Asynchronous };
        if (!OperatingSystem.IsWindows())
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        await using (var output = new FileStream(PathOf(token)!, file))
            await content.CopyToAsync(output, ct);
        return token;
    }

    /// <summary>The spooled file of <paramref name="token"/>, or null when the token is malformed or the file gone.</summary>
    public string? Find(string? token)
    {
        var path = PathOf(token);
        return path is not null && File.Exists(path) ? path : null;
    }

    public void Delete(string? token)
    {
        if (PathOf(token) is { } path)
            File.Delete(path);
    }

    /// <summary>Deletes previews nobody started in time.</summary>
    public void Sweep()
    {
        if (!Directory.Exists(Folder))
            return;
        var cutoff = time.GetUtcNow().UtcDateTime - options.Value.Dashboard.UploadPreviewTimeout;
        foreach (var file in Directory.EnumerateFiles(Folder, "*.upload"))
        {
            try
            {
                if (File.GetLastWriteTimeUtc(file) < cutoff)
                    File.Delete(file);
            }
            catch (IOException e)
            {
                log.LogWarning("Could not delete the stale upload {File}: {Message}", file, e.Message);
            }
        }
    }

    string? PathOf(string? token) =>
        token is { Length: 32 } && token.All(char.IsAsciiHexDigitLower) ? Path.Combine(Folder, token + ".upload") : null;
}

using System.Globalization;

namespace Enrichment.Testing;

/// <summary>
/// The manual clock of a service running as its own process (its <c>Enrichment:ClockFile</c>): a file holding the
/// current time, replaced atomically when the test moves it. The process reads it on every "now"; nothing waits.
/// </summary>
public sealed class ProcessClock : IDisposable
{
    readonly string _folder;

    public ProcessClock(DateTimeOffset start)
    {
        _folder = Directory.CreateTempSubdirectory("enrichment-clock-").FullName;
        Path = System.IO.Path.Combine(_folder, "now");
        Set(start);
    }

    public string Path { get; }

    public DateTimeOffset Now { get; private set; }

    public void Advance(TimeSpan by) => Set(Now + by);

    void Set(DateTimeOffset now)
    {
        var temporary = Path + ".next";
        File.WriteAllText(temporary, now.ToUniversalTime().ToString("O", CultureInfo.InvariantCulture));
        File.Move(temporary, Path, overwrite: true); // rename: a reader sees the old time or the new, never half
        Now = now;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}

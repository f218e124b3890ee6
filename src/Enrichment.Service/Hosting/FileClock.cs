using System.Globalization;

namespace Enrichment.Service.Hosting;

/// <summary>
/// <c>Enrichment:ClockFile</c>: the service's wall clock read from a file holding one ISO 8601 time, for end-to-end
/// tests that drive a real service process on a manual clock (the test writes the file; the service never does).
/// Only "now" comes from the file: timers and elapsed-time measurements stay real, so network timeouts still fire.
/// Not for production: a missing or unreadable file stops the request that asked for the time, loudly.
/// </summary>
public sealed class FileClock(string path) : TimeProvider
{
    public const string Setting = "Enrichment:ClockFile";

    public override DateTimeOffset GetUtcNow()
    {
        string text;
        try
        {
            text = File.ReadAllText(path).Trim();
        }
        catch (IOException e)
        {
            throw new InvalidOperationException($"{Setting}: cannot read {path}: {e.Message}", e);
        }

        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var now)
            ? now.ToUniversalTime()
            : throw new InvalidOperationException($"{Setting}: {path} holds \"{text}\", not an ISO 8601 time");
    }
}

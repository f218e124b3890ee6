using System.Text;
using MailKit;

namespace Enrichment.Verification.Smtp;

/// <summary>
/// MailKit's protocol logger as the session transcript: "C: " and "S: " lines, capped in count and length (a hostile
/// server must not make the transcript grow without bound). MailKit hands over raw chunks: lines are split here.
/// </summary>
internal sealed class TranscriptLogger(int maxLines = 200, int maxLineLength = 512) : IProtocolLogger
{
    private readonly List<string> _lines = [];
    private readonly StringBuilder _client = new();
    private readonly StringBuilder _server = new();
    private readonly Lock _lock = new();

    public IAuthenticationSecretDetector? AuthenticationSecretDetector { get; set; }

    /// <summary>The last client command sent (for telling a refused STARTTLS from a refused greeting).</summary>
    public string? LastCommand { get; private set; }

    public IReadOnlyList<string> Lines
    {
        get
        {
            lock (_lock)
            {
                return [.. _lines];
            }
        }
    }

    public void Note(string text)
    {
        lock (_lock)
        {
            Add("* " + text);
        }
    }

    public void LogConnect(Uri uri) => Note($"connect {uri}");

    public void LogClient(byte[] buffer, int offset, int count) => Log(_client, "C: ", buffer, offset, count);

    public void LogServer(byte[] buffer, int offset, int count) => Log(_server, "S: ", buffer, offset, count);

    public void Dispose()
    {
    }

    private void Log(StringBuilder pending, string prefix, byte[] buffer, int offset, int count)
    {
        lock (_lock)
        {
            foreach (var c in Encoding.Latin1.GetString(buffer, offset, count))
            {
                if (c == '\n')
                {
                    var line = pending.ToString().TrimEnd('\r');
                    pending.Clear();
                    if (prefix == "C: ")
                    {
                        LastCommand = line;
                    }

                    Add(prefix + line);
                }
                else if (pending.Length < maxLineLength)
                {
                    pending.Append(c);
                }
            }
        }
    }

    private void Add(string line)
    {
        if (_lines.Count < maxLines)
        {
            _lines.Add(line);
        }
    }
}

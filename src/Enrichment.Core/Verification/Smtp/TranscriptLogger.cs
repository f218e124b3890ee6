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

    private readonly StringBuilder _reply = new();

    /// <summary>The last client command sent (for telling a refused STARTTLS from a refused greeting).</summary>
    public string? LastCommand { get; private set; }

    /// <summary>The first complete server reply: the greeting.</summary>
    public SmtpReply? Greeting { get; private set; }

    /// <summary>The latest complete server reply (after the opening: the final EHLO/HELO reply).</summary>
    public SmtpReply? LastReply { get; private set; }

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
                    else
                    {
                        CollectReply(line);
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

    /// <summary>
    /// Gathers reply lines ("250-…" continues, "250 …" ends, RFC 5321 §4.2) into whole replies. MailKit does not
    /// expose the greeting or the EHLO text, and the transcript sees them as sent.
    /// </summary>
    private void CollectReply(string line)
    {
        if (line.Length < 3 || !char.IsAsciiDigit(line[0]) || !char.IsAsciiDigit(line[1]) || !char.IsAsciiDigit(line[2]))
        {
            _reply.Clear(); // not a reply line (garbage): whatever was gathered is not a reply either
            return;
        }

        if (_reply.Length < 4096)
        {
            // Bounded: an endless "250-" reply is cut by the stream's cap, and only its start is worth keeping.
            if (_reply.Length > 0)
            {
                _reply.Append('\n');
            }

            _reply.Append(line.Length > 4 ? line[4..] : "");
        }
        if (line.Length == 3 || line[3] != '-')
        {
            var reply = SmtpReply.From(int.Parse(line.AsSpan(0, 3), System.Globalization.CultureInfo.InvariantCulture), _reply.ToString());
            _reply.Clear();
            Greeting ??= reply;
            LastReply = reply;
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

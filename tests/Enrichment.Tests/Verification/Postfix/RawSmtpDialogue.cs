using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Enrichment.Tests.Verification.Postfix;

/// <summary>One SMTP reply: the three-digit code and its text lines (RFC 5321 §4.2).</summary>
public sealed record RawSmtpReply(int Code, IReadOnlyList<string> Lines)
{
    public string Text => string.Join("\n", Lines);

    public override string ToString() => Text;
}

/// <summary>
/// A deliberately dumb SMTP client over a raw TcpClient, to test the Postfix harness independently of the
/// verification engine. One command, one reply; multi-line replies continue while the 4th character is '-'
/// (RFC 5321 §4.2.1). Never sends DATA.
/// </summary>
public sealed class RawSmtpDialogue : IAsyncDisposable
{
    readonly TcpClient _client;
    readonly NetworkStream _stream;
    readonly StreamReader _reader;

    RawSmtpDialogue(TcpClient client)
    {
        _client = client;
        _stream = client.GetStream();
        _reader = new StreamReader(_stream, Encoding.ASCII, false, 4096, leaveOpen: true);
    }

    public RawSmtpReply Banner { get; private set; } = new(0, []);

    public static async Task<RawSmtpDialogue> ConnectAsync(IPEndPoint endPoint, CancellationToken ct)
    {
        var client = new TcpClient(AddressFamily.InterNetwork);
        try
        {
            await client.ConnectAsync(endPoint, ct);
            var dialogue = new RawSmtpDialogue(client);
            dialogue.Banner = await dialogue.ReadReplyAsync(ct);
            return dialogue;
        }
        catch
        {
            client.Dispose();
            throw;
        }
    }

    public async Task<RawSmtpReply> SendAsync(string command, CancellationToken ct)
    {
        if (command.StartsWith("DATA", StringComparison.OrdinalIgnoreCase))
            throw new ArgumentException("These tests never send DATA.", nameof(command));
        await _stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"), ct);
        return await ReadReplyAsync(ct);
    }

    async Task<RawSmtpReply> ReadReplyAsync(CancellationToken ct)
    {
        var lines = new List<string>();
        while (true)
        {
            var line = await _reader.ReadLineAsync(ct) ?? throw new IOException("Connection closed mid-reply.");
            if (line.Length < 3 || !int.TryParse(line.AsSpan(0, 3), NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                throw new IOException($"Malformed reply line: {line}");
            lines.Add(line);
            if (line.Length == 3 || line[3] != '-')
                return new RawSmtpReply(code, lines);
        }
    }

    public ValueTask DisposeAsync()
    {
        _reader.Dispose();
        _client.Dispose();
        return ValueTask.CompletedTask;
    }
}

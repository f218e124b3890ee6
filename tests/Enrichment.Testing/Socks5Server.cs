using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace Enrichment.Testing;

/// <summary>
/// A small SOCKS5 server on 127.0.0.1 (RFC 1928 CONNECT, optional RFC 1929 user/password) that relays to loopback
/// targets only: anything else is refused with "connection not allowed by ruleset".
/// </summary>
public sealed class Socks5Server : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly NetworkCredential? _credentials;
    private readonly CancellationTokenSource _stop = new();
    private readonly ConcurrentQueue<string> _targets = new();
    private readonly Task _accepting;

    private Socks5Server(NetworkCredential? credentials)
    {
        _credentials = credentials;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>"host:port" of every CONNECT request, in arrival order (names as the client sent them).</summary>
    public IReadOnlyList<string> Targets => [.. _targets];

    public static Socks5Server Start(NetworkCredential? credentials = null) => new(credentials);

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception) when (_stop.IsCancellationRequested)
            {
                return;
            }

            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var _ = client;
        var token = _stop.Token;
        try
        {
            var stream = client.GetStream();
            var hello = await ReadAsync(stream, 2, token);
            var methods = await ReadAsync(stream, hello[1], token);
            var method = _credentials is null ? (byte)0x00 : (byte)0x02;
            if (hello[0] != 5 || !methods.Contains(method))
            {
                await stream.WriteAsync(new byte[] { 5, 0xFF }, token);
                return;
            }

            await stream.WriteAsync(new byte[] { 5, method }, token);
            if (_credentials is not null)
            {
                var version = await ReadAsync(stream, 2, token);
                var user = Encoding.UTF8.GetString(await ReadAsync(stream, version[1], token));
                var passwordLength = await ReadAsync(stream, 1, token);
                var password = Encoding.UTF8.GetString(await ReadAsync(stream, passwordLength[0], token));
                var ok = user == _credentials.UserName && password == _credentials.Password;
                await stream.WriteAsync(new byte[] { 1, ok ? (byte)0 : (byte)1 }, token);
                if (!ok)
                {
                    return;
                }
            }

            var request = await ReadAsync(stream, 4, token);
            string host;
            IPAddress? address = null;
            switch (request[3])
            {
                case 1:
                    address = new IPAddress(await ReadAsync(stream, 4, token));
                    host = address.ToString();
                    break;
                case 4:
                    address = new IPAddress(await ReadAsync(stream, 16, token));
                    host = address.ToString();
                    break;
                case 3:
                    var length = await ReadAsync(stream, 1, token);
                    host = Encoding.ASCII.GetString(await ReadAsync(stream, length[0], token));
                    break;
                default:
                    return;
            }

            var portBytes = await ReadAsync(stream, 2, token);
            var port = (portBytes[0] << 8) | portBytes[1];
            _targets.Enqueue($"{host}:{port}");
            if (request[1] != 1 || address is null || !IPAddress.IsLoopback(address))
            {
                await stream.WriteAsync(new byte[] { 5, 2, 0, 1, 0, 0, 0, 0, 0, 0 }, token); // not allowed: loopback addresses only
                return;
            }

            using var upstream = new TcpClient();
            try
            {
                await upstream.ConnectAsync(new IPEndPoint(address, port), token);
            }
            catch (SocketException)
            {
                await stream.WriteAsync(new byte[] { 5, 5, 0, 1, 0, 0, 0, 0, 0, 0 }, token); // connection refused
                return;
            }

            await stream.WriteAsync(new byte[] { 5, 0, 0, 1, 127, 0, 0, 1, 0, 0 }, token);
            var upstreamStream = upstream.GetStream();
            var up = stream.CopyToAsync(upstreamStream, token);
            var down = upstreamStream.CopyToAsync(stream, token);
            await Task.WhenAny(up, down);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException or EndOfStreamException)
        {
            // the client or the target went away
        }
    }

    private static async Task<byte[]> ReadAsync(NetworkStream stream, int count, CancellationToken token)
    {
        var buffer = new byte[count];
        await stream.ReadExactlyAsync(buffer, token);
        return buffer;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        await _accepting;
        _stop.Dispose();
    }
}

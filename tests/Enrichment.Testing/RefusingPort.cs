using System.Net;
using System.Net.Sockets;

namespace Enrichment.Testing;

/// <summary>
/// A loopback port that refuses every connection for as long as this object lives. The socket is bound but never
/// listens, so the kernel answers SYN with RST and no other test can take the port in the meantime. (Stopping a
/// server and reusing its address races with parallel tests that bind port 0 and may be handed the same port.)
/// </summary>
public sealed class RefusingPort : IDisposable
{
    private readonly Socket _socket;

    public RefusingPort()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    public Uri HttpAddress => new($"http://127.0.0.1:{Port}/");

    public void Dispose() => _socket.Dispose();
}

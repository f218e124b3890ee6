using System.Net;
using System.Net.Sockets;
using System.Threading.Channels;

namespace Enrichment.Testing;

/// <summary>
/// A TCP proxy on 127.0.0.1 that delays every chunk by a fixed one-way latency in each direction, as a network would:
/// bytes in flight overlap (a pipelined group costs one round trip, not one delay per command). For benchmarks only:
/// the delay is real time.
/// </summary>
public sealed class LatencyProxy : IAsyncDisposable
{
    private readonly TcpListener _listener;
    private readonly IPEndPoint _target;
    private readonly TimeSpan _oneWay;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;
    private int _connections;

    private LatencyProxy(IPEndPoint target, TimeSpan oneWay)
    {
        _target = target;
        _oneWay = oneWay;
        _listener = new TcpListener(IPAddress.Loopback, 0);
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    /// <summary>Connections the proxy has accepted.</summary>
    public int ConnectionCount => Volatile.Read(ref _connections);

    public static LatencyProxy Start(IPEndPoint target, TimeSpan oneWay) => new(target, oneWay);

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

            Interlocked.Increment(ref _connections);
            _ = RelayAsync(client);
        }
    }

    private async Task RelayAsync(TcpClient client)
    {
        using var _ = client;
        using var upstream = new TcpClient { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await upstream.ConnectAsync(_target, _stop.Token);
            using var both = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token);
            var up = PumpAsync(client.GetStream(), upstream.GetStream(), both.Token);
            var down = PumpAsync(upstream.GetStream(), client.GetStream(), both.Token);
            await Task.WhenAny(up, down);
            await both.CancelAsync();
            await Task.WhenAll(up, down).ContinueWith(_ => { }, TaskScheduler.Default);
        }
        catch (Exception ex) when (ex is IOException or SocketException or OperationCanceledException)
        {
            // one side went away
        }
    }

    /// <summary>Reads chunks as they come and writes each one when its latency has passed, in order.</summary>
    private async Task PumpAsync(NetworkStream from, NetworkStream to, CancellationToken cancellationToken)
    {
        var queue = Channel.CreateUnbounded<(long Due, byte[] Data)>(new UnboundedChannelOptions { SingleReader = true, SingleWriter = true });
        var writer = Task.Run(
            async () =>
            {
                await foreach (var (due, data) in queue.Reader.ReadAllAsync(cancellationToken))
                {
                    var wait = TimeSpan.FromTicks(due - DateTime.UtcNow.Ticks);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, cancellationToken);
                    }

                    await to.WriteAsync(data, cancellationToken);
                }

                to.Socket.Shutdown(SocketShutdown.Send);
            },
            cancellationToken);
        var buffer = new byte[16 * 1024];
        try
        {
            int read;
            while ((read = await from.ReadAsync(buffer, cancellationToken)) > 0)
            {
                await queue.Writer.WriteAsync((DateTime.UtcNow.Ticks + _oneWay.Ticks, buffer[..read]), cancellationToken);
            }
        }
        finally
        {
            queue.Writer.TryComplete();
        }

        await writer;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }
}

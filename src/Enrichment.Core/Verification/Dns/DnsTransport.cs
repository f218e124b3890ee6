using System.Buffers;
using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace Enrichment.Verification.Dns;

/// <summary>
/// One query against one nameserver: UDP first, TCP when the reply is truncated (RFC 7766 §5). Throws
/// <see cref="TimeoutException"/> when the attempt's time runs out, <see cref="DnsFormatException"/> for replies that
/// cannot be trusted, <see cref="SocketException"/> for network errors, and <see cref="OperationCanceledException"/>
/// only when the caller's token was cancelled.
/// </summary>
internal sealed class DnsTransport(TimeSpan timeout, TimeProvider time)
{
    // Large enough for any EDNS reply we ask for (1232) and for servers that ignore the limit.
    private const int UdpReceiveBufferSize = 4096;

    public async Task<DnsMessage> ExchangeAsync(IPEndPoint server, string name, DnsRecordType type, CancellationToken cancellationToken)
    {
        using var timeoutSource = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeoutSource.Token);
        try
        {
            var reply = await ExchangeUdpAsync(server, name, type, edns: true, linked.Token);

            // RFC 6891 §7: a server that does not understand EDNS answers FORMERR; ask again the RFC 1035 way.
            if (reply.ResponseCode is DnsResponseCode.FormatError or DnsResponseCode.NotImplemented)
            {
                reply = await ExchangeUdpAsync(server, name, type, edns: false, linked.Token);
            }

            return reply.Truncated ? await ExchangeTcpAsync(server, name, type, linked.Token) : reply;
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested && timeoutSource.IsCancellationRequested)
        {
            throw new TimeoutException($"no reply from {server} within {timeout}");
        }
    }

    private static async Task<DnsMessage> ExchangeUdpAsync(
        IPEndPoint server, string name, DnsRecordType type, bool edns, CancellationToken cancellationToken)
    {
        var query = ArrayPool<byte>.Shared.Rent(DnsQueryWriter.MaxQueryLength);
        var receive = ArrayPool<byte>.Shared.Rent(UdpReceiveBufferSize);
        try
        {
            var id = NewId();
            if (!DnsQueryWriter.TryWrite(query, id, name, type, edns, out var queryLength))
            {
                throw new ArgumentException($"'{name}' is not a valid DNS name", nameof(name));
            }

            using var socket = new Socket(server.AddressFamily, SocketType.Dgram, ProtocolType.Udp);

            // A connected UDP socket only delivers datagrams from the nameserver's address and port.
            await socket.ConnectAsync(server, cancellationToken);
            await socket.SendAsync(query.AsMemory(0, queryLength), SocketFlags.None, cancellationToken);

            DnsFormatException? lastFormatError = null;
            while (true)
            {
                int received;
                try
                {
                    received = await socket.ReceiveAsync(receive.AsMemory(), SocketFlags.None, cancellationToken);
                }
                catch (OperationCanceledException) when (lastFormatError is not null)
                {
                    // A garbled reply that carried our id is a better explanation than "timeout".
                    throw lastFormatError;
                }

                // Anyone can send us datagrams; only a well-formed reply to exactly our question counts (RFC 5452 §4).
                // Mismatches are dropped and we keep listening until the attempt's timeout.
                if (!DnsMessage.TryReadId(receive.AsSpan(0, received), out var replyId) || replyId != id)
                {
                    continue;
                }

                try
                {
                    var reply = DnsMessage.Parse(receive.AsSpan(0, received));
                    if (IsReplyTo(reply, name, type))
                    {
                        return reply;
                    }
                }
                catch (DnsFormatException exception)
                {
                    lastFormatError = exception;
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(receive);
            ArrayPool<byte>.Shared.Return(query);
        }
    }

    private static async Task<DnsMessage> ExchangeTcpAsync(
        IPEndPoint server, string name, DnsRecordType type, CancellationToken cancellationToken)
    {
        // RFC 1035 §4.2.2: over TCP each message is preceded by a two-octet length.
        var query = ArrayPool<byte>.Shared.Rent(DnsQueryWriter.MaxQueryLength + 2);
        byte[]? receive = null;
        try
        {
            var id = NewId();
            if (!DnsQueryWriter.TryWrite(query.AsSpan(2), id, name, type, edns: false, out var queryLength))
            {
                throw new ArgumentException($"'{name}' is not a valid DNS name", nameof(name));
            }

            BinaryPrimitives.WriteUInt16BigEndian(query, (ushort)queryLength);
            using var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            await socket.ConnectAsync(server, cancellationToken);
            await socket.SendAsync(query.AsMemory(0, queryLength + 2), SocketFlags.None, cancellationToken);

            var prefix = new byte[2];
            await ReceiveExactlyAsync(socket, prefix, cancellationToken);
            var replyLength = BinaryPrimitives.ReadUInt16BigEndian(prefix);
            receive = ArrayPool<byte>.Shared.Rent(Math.Max((int)replyLength, 1));
            await ReceiveExactlyAsync(socket, receive.AsMemory(0, replyLength), cancellationToken);

            var reply = DnsMessage.Parse(receive.AsSpan(0, replyLength));
            if (reply.Id != id || !IsReplyTo(reply, name, type))
            {
                throw new DnsFormatException("TCP reply does not answer our query", 0, replyLength);
            }

            return reply;
        }
        finally
        {
            if (receive is not null)
            {
                ArrayPool<byte>.Shared.Return(receive);
            }

            ArrayPool<byte>.Shared.Return(query);
        }
    }

    private static async Task ReceiveExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var received = await socket.ReceiveAsync(buffer[filled..], SocketFlags.None, cancellationToken);
            if (received == 0)
            {
                throw new DnsFormatException("connection closed mid-message", filled, buffer.Length);
            }

            filled += received;
        }
    }

    private static bool IsReplyTo(DnsMessage reply, string name, DnsRecordType type) =>
        reply.IsResponse
        && reply.Questions.Count == 1
        && reply.Questions[0].Type == type
        && string.Equals(reply.Questions[0].Name, name, StringComparison.OrdinalIgnoreCase);

    // RFC 5452 §9.2: an unpredictable transaction id is half of the defence against forged replies.
    private static ushort NewId() => (ushort)RandomNumberGenerator.GetInt32(0, 0x10000);
}

using System.Buffers.Binary;
using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Enrichment.Testing;

/// <summary>
/// An authoritative-style DNS server on 127.0.0.1 answering UDP and TCP on the same random port, with hooks for the
/// failure modes a resolver must survive. It shares no code with the resolver so each checks the other.
/// </summary>
public sealed class FakeDnsServer : IAsyncDisposable
{
    public const ushort TypeA = 1;
    public const ushort TypeCname = 5;
    public const ushort TypeSoa = 6;
    public const ushort TypeMx = 15;
    public const ushort TypeAaaa = 28;
    public const ushort TypeOpt = 41;

    private readonly Socket _udp;
    private readonly TcpListener _tcp;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _udpLoop;
    private readonly Task _tcpLoop;
    private readonly ConcurrentBag<Task> _connections = [];
    private readonly Lock _gate = new();
    private readonly Dictionary<string, List<Record>> _records = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _servFail = new(StringComparer.OrdinalIgnoreCase);
    private TaskCompletionSource? _held;
    private readonly HashSet<string> _unresponsive = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> _malformed = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<(string Name, ushort Type), int> _counts = new();
    private int _queryCount;
    private int _tcpQueryCount;

    private FakeDnsServer(Socket udp, TcpListener tcp)
    {
        _udp = udp;
        _tcp = tcp;
        EndPoint = (IPEndPoint)tcp.LocalEndpoint;
        _udpLoop = Task.Run(() => ServeUdpAsync(_stop.Token));
        _tcpLoop = Task.Run(() => ServeTcpAsync(_stop.Token));
    }

    public IPEndPoint EndPoint { get; }

    /// <summary>UDP replies carry TC=1 and no records; TCP gives the full answer.</summary>
    public bool TruncateUdp { get; set; }

    /// <summary>Put the A/AAAA records of MX hosts in the additional section.</summary>
    public bool IncludeAdditional { get; set; } = true;

    /// <summary>
    /// Before each real UDP reply, send two forgeries: one with a different transaction id and one with the right id
    /// but another question. A correct client ignores both.
    /// </summary>
    public bool SendDecoyReplies { get; set; }

    /// <summary>
    /// Follow CNAMEs inside the zone and answer for the target in the same reply (the usual behaviour). When false the
    /// reply holds only the first CNAME, so the client must ask again for the target.
    /// </summary>
    public bool ChaseCnames { get; set; } = true;

    /// <summary>TTL and MINIMUM of the SOA sent with negative answers (RFC 2308).</summary>
    public uint NegativeTtl { get; set; } = 60;

    public int QueryCount => Volatile.Read(ref _queryCount);

    public int TcpQueryCount => Volatile.Read(ref _tcpQueryCount);

    public static FakeDnsServer Start()
    {
        // Take a random TCP port, then claim the same port for UDP; retry on the rare clash.
        for (var attempt = 0; ; attempt++)
        {
            var tcp = new TcpListener(IPAddress.Loopback, 0);
            tcp.Start();
            var port = ((IPEndPoint)tcp.LocalEndpoint).Port;
            var udp = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
            try
            {
                udp.Bind(new IPEndPoint(IPAddress.Loopback, port));
                return new FakeDnsServer(udp, tcp);
            }
            catch (SocketException) when (attempt < 20)
            {
                udp.Dispose();
                tcp.Stop();
            }
        }
    }

    /// <summary>A domain whose mail goes to a server of ours: "MX 10 mx.&lt;domain&gt;", with mx.&lt;domain&gt; at <paramref name="address"/>.</summary>
    public void AddMailDomain(string domain, IPAddress address)
    {
        AddMx(domain, 10, "mx." + domain);
        AddA("mx." + domain, address);
    }

    public void AddMx(string domain, ushort preference, string exchange, uint ttl = 300) =>
        Add(domain, new Record(TypeMx, ttl, Preference: preference, Target: Trim(exchange)));

    public void AddA(string name, IPAddress address, uint ttl = 300)
    {
        if (address.AddressFamily != AddressFamily.InterNetwork)
        {
            throw new ArgumentException("A records hold IPv4 addresses", nameof(address));
        }

        Add(name, new Record(TypeA, ttl, Data: address.GetAddressBytes()));
    }

    public void AddAaaa(string name, IPAddress address, uint ttl = 300)
    {
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            throw new ArgumentException("AAAA records hold IPv6 addresses", nameof(address));
        }

        Add(name, new Record(TypeAaaa, ttl, Data: address.GetAddressBytes()));
    }

    public void AddCname(string name, string target, uint ttl = 300) =>
        Add(name, new Record(TypeCname, ttl, Target: Trim(target)));

    /// <summary>Makes the name exist with no records of any type asked for, so queries get NODATA, not NXDOMAIN.</summary>
    public void AddEmptyName(string name)
    {
        lock (_gate)
        {
            RecordsOf(Trim(name));
        }
    }

    /// <summary>Replaces the domain's MX records with the RFC 7505 null MX (preference 0, exchange ".").</summary>
    public void SetNullMx(string domain)
    {
        lock (_gate)
        {
            var records = RecordsOf(Trim(domain));
            records.RemoveAll(r => r.Type == TypeMx);
            records.Add(new Record(TypeMx, 300, Preference: 0, Target: "."));
        }
    }

    public void SetServFail(string name)
    {
        lock (_gate)
        {
            _servFail.Add(Trim(name));
        }
    }

    /// <summary>Queries for this name are counted and dropped, so the client times out.</summary>
    public void SetUnresponsive(string name)
    {
        lock (_gate)
        {
            _unresponsive.Add(Trim(name));
        }
    }

    /// <summary>
    /// UDP replies are held back until the returned handle is disposed: a test can have several callers in flight at
    /// once without depending on how fast the machine is.
    /// </summary>
    public IDisposable HoldReplies()
    {
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Volatile.Write(ref _held, held);
        return new Release(this, held);
    }

    private sealed class Release(FakeDnsServer server, TaskCompletionSource held) : IDisposable
    {
        public void Dispose()
        {
            Interlocked.CompareExchange(ref server._held, null, held);
            held.TrySetResult();
        }
    }

    /// <summary>Queries for this name get a reply with the right id whose body is cut short.</summary>
    public void SetMalformed(string name)
    {
        lock (_gate)
        {
            _malformed.Add(Trim(name));
        }
    }

    public int CountQueries(string name, ushort type) => _counts.GetValueOrDefault((Trim(name).ToLowerInvariant(), type));

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _tcp.Stop();
        _udp.Dispose();
        try
        {
            await Task.WhenAll([_udpLoop, _tcpLoop, .. _connections]);
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException or IOException)
        {
            // Stopping interrupts whatever the loops were waiting on.
        }

        _stop.Dispose();
    }

    private static string Trim(string name) => name.Length > 1 ? name.TrimEnd('.') : name;

    private void Add(string name, Record record)
    {
        lock (_gate)
        {
            RecordsOf(Trim(name)).Add(record);
        }
    }

    private List<Record> RecordsOf(string name)
    {
        if (!_records.TryGetValue(name, out var list))
        {
            list = [];
            _records[name] = list;
        }

        return list;
    }

    private async Task ServeUdpAsync(CancellationToken cancellationToken)
    {
        var buffer = new byte[65535];
        EndPoint any = new IPEndPoint(IPAddress.Any, 0);
        while (!cancellationToken.IsCancellationRequested)
        {
            SocketReceiveFromResult received;
            try
            {
                received = await _udp.ReceiveFromAsync(buffer, SocketFlags.None, any, cancellationToken);
            }
            catch (SocketException) when (!cancellationToken.IsCancellationRequested)
            {
                continue;
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            var replies = Answer(buffer.AsSpan(0, received.ReceivedBytes), overTcp: false);
            if (Volatile.Read(ref _held) is { } held)
            {
                _ = SendWhenReleasedAsync(replies, received.RemoteEndPoint, held.Task, cancellationToken);
                continue;
            }

            foreach (var reply in replies)
            {
                try
                {
                    await _udp.SendToAsync(reply, SocketFlags.None, received.RemoteEndPoint, cancellationToken);
                }
                catch (SocketException)
                {
                    // The client went away; nothing to do.
                }
            }
        }
    }

    private async Task SendWhenReleasedAsync(List<byte[]> replies, EndPoint client, Task release, CancellationToken cancellationToken)
    {
        try
        {
            await release.WaitAsync(cancellationToken);
            foreach (var reply in replies)
            {
                await _udp.SendToAsync(reply, SocketFlags.None, client, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
        {
            // The server is stopping or the client went away; nothing to do.
        }
    }

    private async Task ServeTcpAsync(CancellationToken cancellationToken)
    {
        while (!cancellationToken.IsCancellationRequested)
        {
            Socket client;
            try
            {
                client = await _tcp.AcceptSocketAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is OperationCanceledException or ObjectDisposedException or SocketException)
            {
                return;
            }

            _connections.Add(Task.Run(() => ServeConnectionAsync(client, cancellationToken), CancellationToken.None));
        }
    }

    private async Task ServeConnectionAsync(Socket client, CancellationToken cancellationToken)
    {
        using var _ = client;
        var prefix = new byte[2];
        try
        {
            // RFC 7766 §6.2.1: a connection may carry several queries, each with a two-octet length prefix.
            while (await ReadExactlyAsync(client, prefix, cancellationToken))
            {
                var query = new byte[BinaryPrimitives.ReadUInt16BigEndian(prefix)];
                if (!await ReadExactlyAsync(client, query, cancellationToken))
                {
                    return;
                }

                foreach (var reply in Answer(query, overTcp: true))
                {
                    var framed = new byte[reply.Length + 2];
                    BinaryPrimitives.WriteUInt16BigEndian(framed, (ushort)reply.Length);
                    reply.CopyTo(framed, 2);
                    await client.SendAsync(framed, SocketFlags.None, cancellationToken);
                }
            }
        }
        catch (Exception exception) when (exception is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Client hung up or the server is stopping.
        }
    }

    private static async Task<bool> ReadExactlyAsync(Socket socket, Memory<byte> buffer, CancellationToken cancellationToken)
    {
        var filled = 0;
        while (filled < buffer.Length)
        {
            var read = await socket.ReceiveAsync(buffer[filled..], SocketFlags.None, cancellationToken);
            if (read == 0)
            {
                return false;
            }

            filled += read;
        }

        return true;
    }

    /// <summary>The datagrams to send back for one query (none to drop it).</summary>
    private List<byte[]> Answer(ReadOnlySpan<byte> query, bool overTcp)
    {
        if (!TryParseQuery(query, out var parsed))
        {
            return [];
        }

        Interlocked.Increment(ref _queryCount);
        if (overTcp)
        {
            Interlocked.Increment(ref _tcpQueryCount);
        }

        var name = parsed.Name.ToLowerInvariant();
        _counts.AddOrUpdate((name, parsed.Type), 1, (_, count) => count + 1);

        var replies = new List<byte[]>();
        lock (_gate)
        {
            if (_unresponsive.Contains(name))
            {
                return replies;
            }

            if (!overTcp && SendDecoyReplies)
            {
                var wrongId = new Query((ushort)(parsed.Id ^ 0x5A5A), parsed.Name, parsed.Type, parsed.UdpLimit);
                replies.Add(BuildDecoy(wrongId));
                replies.Add(BuildDecoy(parsed with { Name = "decoy.invalid" }));
            }

            if (_malformed.Contains(name))
            {
                var full = Build(parsed, rcode: 0, [(parsed.Name, new Record(TypeA, 60, Data: [192, 0, 2, 1]))], [], []);
                replies.Add(full[..^3]); // The header promises an answer whose RDATA is cut off.
                return replies;
            }

            if (_servFail.Contains(name))
            {
                replies.Add(Build(parsed, rcode: 2, [], [], []));
                return replies;
            }

            if (!overTcp && TruncateUdp)
            {
                replies.Add(Build(parsed, rcode: 0, [], [], [], truncated: true));
                return replies;
            }

            var reply = BuildAnswer(parsed);
            if (!overTcp && reply.Length > parsed.UdpLimit)
            {
                // RFC 1035 §4.2.1 / RFC 6891 §7: too big for the client's UDP limit, so say so and let it use TCP.
                reply = Build(parsed, rcode: 0, [], [], [], truncated: true);
            }

            replies.Add(reply);
        }

        return replies;
    }

    private byte[] BuildAnswer(Query query)
    {
        var answers = new List<(string Owner, Record Record)>();
        var current = query.Name.ToLowerInvariant();
        for (var hop = 0; hop < 8 && query.Type != TypeCname; hop++)
        {
            var cname = _records.GetValueOrDefault(current)?.FirstOrDefault(r => r.Type == TypeCname);
            if (cname is null)
            {
                break;
            }

            answers.Add((current, cname));
            if (!ChaseCnames)
            {
                return Build(query, rcode: 0, answers, [], []);
            }

            current = cname.Target!;
        }

        var matching = _records.GetValueOrDefault(current)?.Where(r => r.Type == query.Type).ToList() ?? [];
        answers.AddRange(matching.Select(r => (current, r)));

        var authority = new List<(string, Record)>();
        var additional = new List<(string, Record)>();
        byte rcode = 0;
        if (matching.Count == 0)
        {
            rcode = _records.ContainsKey(current) ? (byte)0 : (byte)3;
            var zone = string.Join('.', current.Split('.').TakeLast(2));
            authority.Add((zone, new Record(TypeSoa, NegativeTtl, Target: zone)));
        }
        else if (query.Type == TypeMx && IncludeAdditional)
        {
            foreach (var exchange in matching.Select(r => r.Target!).Where(t => t != ".").Distinct())
            {
                foreach (var address in _records.GetValueOrDefault(exchange) ?? [])
                {
                    if (address.Type is TypeA or TypeAaaa)
                    {
                        additional.Add((exchange, address));
                    }
                }
            }
        }

        return Build(query, rcode, answers, authority, additional);
    }

    private byte[] BuildDecoy(Query query) =>
        Build(query, rcode: 0, [(query.Name, new Record(TypeMx, 300, Preference: 1, Target: "decoy.invalid"))], [], []);

    private byte[] Build(
        Query query,
        byte rcode,
        List<(string Owner, Record Record)> answers,
        List<(string Owner, Record Record)> authority,
        List<(string Owner, Record Record)> additional,
        bool truncated = false) =>
        BuildMessage(query, rcode, answers, authority, additional, truncated, NegativeTtl);

    private static byte[] BuildMessage(
        Query query,
        byte rcode,
        List<(string Owner, Record Record)> answers,
        List<(string Owner, Record Record)> authority,
        List<(string Owner, Record Record)> additional,
        bool truncated,
        uint soaMinimum)
    {
        var writer = new WireWriter();
        writer.U16(query.Id);

        // QR=1, AA=1, RD echoed as 1, RA=1.
        var flags = 0x8000 | 0x0400 | 0x0100 | 0x0080 | rcode;
        if (truncated)
        {
            flags |= 0x0200;
        }

        writer.U16((ushort)flags);
        writer.U16(1);
        writer.U16((ushort)answers.Count);
        writer.U16((ushort)authority.Count);
        writer.U16((ushort)additional.Count);
        writer.Name(query.Name);
        writer.U16(query.Type);
        writer.U16(1);
        foreach (var (owner, record) in answers.Concat(authority).Concat(additional))
        {
            writer.Name(owner);
            writer.U16(record.Type);
            writer.U16(1);
            writer.U32(record.Ttl);
            var lengthAt = writer.Reserve16();
            switch (record.Type)
            {
                case TypeA or TypeAaaa:
                    writer.Bytes(record.Data!);
                    break;
                case TypeMx:
                    writer.U16(record.Preference);
                    writer.Name(record.Target!);
                    break;
                case TypeCname:
                    writer.Name(record.Target!);
                    break;
                case TypeSoa:
                    writer.Name("ns1." + record.Target);
                    writer.Name("hostmaster." + record.Target);
                    writer.U32(1); // SERIAL
                    writer.U32(3600); // REFRESH
                    writer.U32(600); // RETRY
                    writer.U32(86400); // EXPIRE
                    writer.U32(soaMinimum); // MINIMUM
                    break;
            }

            writer.Patch16(lengthAt, (ushort)(writer.Length - lengthAt - 2));
        }

        return writer.ToArray();
    }

    private static bool TryParseQuery(ReadOnlySpan<byte> message, out Query query)
    {
        query = default!;
        if (message.Length < 12 || (message[2] & 0x80) != 0 || BinaryPrimitives.ReadUInt16BigEndian(message[4..]) != 1)
        {
            return false;
        }

        var id = BinaryPrimitives.ReadUInt16BigEndian(message);
        var additionalCount = BinaryPrimitives.ReadUInt16BigEndian(message[10..]);
        var position = 12;
        var labels = new List<string>();
        while (true)
        {
            if (position >= message.Length)
            {
                return false;
            }

            int length = message[position++];
            if (length == 0)
            {
                break;
            }

            if (length > 63 || position + length > message.Length)
            {
                return false;
            }

            labels.Add(System.Text.Encoding.ASCII.GetString(message.Slice(position, length)));
            position += length;
        }

        if (position + 4 > message.Length)
        {
            return false;
        }

        var type = BinaryPrimitives.ReadUInt16BigEndian(message[position..]);
        position += 4;

        // An OPT record (root owner, TYPE 41) in the additional section carries the client's UDP payload size.
        ushort udpLimit = 512;
        if (additionalCount > 0 && position + 11 <= message.Length && message[position] == 0
            && BinaryPrimitives.ReadUInt16BigEndian(message[(position + 1)..]) == TypeOpt)
        {
            udpLimit = Math.Max((ushort)512, BinaryPrimitives.ReadUInt16BigEndian(message[(position + 3)..]));
        }

        query = new Query(id, labels.Count == 0 ? "." : string.Join('.', labels), type, udpLimit);
        return true;
    }

    private sealed record Record(ushort Type, uint Ttl, byte[]? Data = null, ushort Preference = 0, string? Target = null);

    private sealed record Query(ushort Id, string Name, ushort Type, ushort UdpLimit);

    /// <summary>Message builder that compresses names against every suffix written so far (RFC 1035 §4.1.4).</summary>
    private sealed class WireWriter
    {
        private readonly List<byte> _bytes = [];
        private readonly Dictionary<string, int> _suffixes = new(StringComparer.OrdinalIgnoreCase);

        public int Length => _bytes.Count;

        public void U16(ushort value)
        {
            _bytes.Add((byte)(value >> 8));
            _bytes.Add((byte)value);
        }

        public void U32(uint value)
        {
            U16((ushort)(value >> 16));
            U16((ushort)value);
        }

        public void Bytes(byte[] value) => _bytes.AddRange(value);

        public int Reserve16()
        {
            var at = _bytes.Count;
            U16(0);
            return at;
        }

        public void Patch16(int at, ushort value)
        {
            _bytes[at] = (byte)(value >> 8);
            _bytes[at + 1] = (byte)value;
        }

        public void Name(string name)
        {
            var labels = name == "." ? [] : name.Split('.');
            for (var i = 0; i < labels.Length; i++)
            {
                var suffix = string.Join('.', labels[i..]);
                if (_suffixes.TryGetValue(suffix, out var offset))
                {
                    U16((ushort)(0xC000 | offset));
                    return;
                }

                if (_bytes.Count < 0x3FFF)
                {
                    _suffixes[suffix] = _bytes.Count;
                }

                var label = System.Text.Encoding.ASCII.GetBytes(labels[i]);
                _bytes.Add((byte)label.Length);
                _bytes.AddRange(label);
            }

            _bytes.Add(0);
        }

        public byte[] ToArray() => [.. _bytes];
    }
}

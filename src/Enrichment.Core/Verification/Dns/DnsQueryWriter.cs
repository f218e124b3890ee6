using System.Buffers.Binary;

namespace Enrichment.Verification.Dns;

/// <summary>Builds the single-question queries the resolver sends (RFC 1035 §4.1).</summary>
internal static class DnsQueryWriter
{
    /// <summary>RFC 6891 §6.2.5 with the DNS Flag Day 2020 recommendation: 1232 octets avoids IP fragmentation.</summary>
    public const ushort EdnsPayloadSize = 1232;

    /// <summary>Header, longest name, QTYPE, QCLASS and an OPT record all fit.</summary>
    public const int MaxQueryLength = DnsMessage.HeaderLength + DnsReader.MaxNameWireLength + 4 + 11;

    /// <summary>Writes a recursive query for <paramref name="name"/>; false when the name cannot go on the wire.</summary>
    public static bool TryWrite(Span<byte> destination, ushort id, string name, DnsRecordType type, bool edns, out int written)
    {
        written = 0;
        if (destination.Length < MaxQueryLength)
        {
            return false;
        }

        BinaryPrimitives.WriteUInt16BigEndian(destination, id);
        BinaryPrimitives.WriteUInt16BigEndian(destination[2..], 0x0100); // RD=1: ask the nameserver to recurse.
        BinaryPrimitives.WriteUInt16BigEndian(destination[4..], 1); // QDCOUNT
        BinaryPrimitives.WriteUInt16BigEndian(destination[6..], 0); // ANCOUNT
        BinaryPrimitives.WriteUInt16BigEndian(destination[8..], 0); // NSCOUNT
        BinaryPrimitives.WriteUInt16BigEndian(destination[10..], edns ? (ushort)1 : (ushort)0); // ARCOUNT
        var position = DnsMessage.HeaderLength;

        if (!TryWriteName(destination[position..], name, out var nameLength))
        {
            return false;
        }

        position += nameLength;
        BinaryPrimitives.WriteUInt16BigEndian(destination[position..], (ushort)type);
        BinaryPrimitives.WriteUInt16BigEndian(destination[(position + 2)..], 1); // QCLASS IN
        position += 4;

        if (edns)
        {
            // RFC 6891 §6.1.2 OPT pseudo-record: root owner, TYPE 41, CLASS = UDP payload size, TTL = 0 (version 0, no DO).
            destination[position] = 0;
            BinaryPrimitives.WriteUInt16BigEndian(destination[(position + 1)..], (ushort)DnsRecordType.Opt);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(position + 3)..], EdnsPayloadSize);
            BinaryPrimitives.WriteUInt32BigEndian(destination[(position + 5)..], 0);
            BinaryPrimitives.WriteUInt16BigEndian(destination[(position + 9)..], 0);
            position += 11;
        }

        written = position;
        return true;
    }

    /// <summary>True when <paramref name="name"/> is a dotted ASCII name with labels of 1..63 octets, 255 in all.</summary>
    public static bool IsValidName(string name) => TryWriteName(stackalloc byte[DnsReader.MaxNameWireLength], name, out _);

    private static bool TryWriteName(Span<byte> destination, string name, out int written)
    {
        written = 0;
        if (name.Length == 0 || name.Length > DnsReader.MaxNameWireLength - 2 || destination.Length < name.Length + 2)
        {
            return false;
        }

        var position = 0;
        foreach (var label in name.AsSpan().Split('.'))
        {
            var length = label.End.Value - label.Start.Value;
            if (length is 0 or > 63)
            {
                return false;
            }

            destination[position++] = (byte)length;
            foreach (var c in name.AsSpan()[label])
            {
                if (c is <= ' ' or >= (char)0x7F)
                {
                    return false; // Callers pass ASCII (punycode) names; anything else is not a hostname.
                }

                destination[position++] = (byte)c;
            }
        }

        destination[position++] = 0;
        written = position;
        return true;
    }
}

using System.Net;

namespace Enrichment.Verification.Dns;

/// <summary>Resource record types this resolver reads (RFC 1035 §3.2.2, RFC 3596, RFC 6891).</summary>
internal enum DnsRecordType : ushort
{
    A = 1,
    NS = 2,
    Cname = 5,
    Soa = 6,
    Mx = 15,
    Aaaa = 28,
    Opt = 41,
}

/// <summary>RFC 1035 §4.1.1 RCODE values (plus RFC 2136 names not needed here).</summary>
internal enum DnsResponseCode : byte
{
    NoError = 0,
    FormatError = 1,
    ServerFailure = 2,
    NameError = 3,
    NotImplemented = 4,
    Refused = 5,
}

internal abstract record DnsResourceRecord(string Name, uint Ttl);

internal sealed record MxResourceRecord(string Name, uint Ttl, ushort Preference, string Exchange) : DnsResourceRecord(Name, Ttl);

internal sealed record AddressResourceRecord(string Name, uint Ttl, IPAddress Address) : DnsResourceRecord(Name, Ttl);

internal sealed record CnameResourceRecord(string Name, uint Ttl, string Target) : DnsResourceRecord(Name, Ttl);

internal sealed record SoaResourceRecord(string Name, uint Ttl, uint Minimum) : DnsResourceRecord(Name, Ttl);

internal sealed record OtherResourceRecord(string Name, uint Ttl, ushort Type) : DnsResourceRecord(Name, Ttl);

internal sealed record DnsQuestion(string Name, DnsRecordType Type);

/// <summary>A parsed DNS reply (RFC 1035 §4.1). Only the record types the resolver uses are decoded.</summary>
internal sealed record DnsMessage(
    ushort Id,
    bool IsResponse,
    bool Truncated,
    DnsResponseCode ResponseCode,
    IReadOnlyList<DnsQuestion> Questions,
    IReadOnlyList<DnsResourceRecord> Answers,
    IReadOnlyList<DnsResourceRecord> Authorities,
    IReadOnlyList<DnsResourceRecord> Additionals)
{
    public const int HeaderLength = 12;

    private const ushort ClassInternet = 1;

    /// <summary>Reads the transaction id without parsing the rest, so stray datagrams are dropped cheaply.</summary>
    public static bool TryReadId(ReadOnlySpan<byte> message, out ushort id)
    {
        if (message.Length < HeaderLength)
        {
            id = 0;
            return false;
        }

        id = (ushort)((message[0] << 8) | message[1]);
        return true;
    }

    public static DnsMessage Parse(ReadOnlySpan<byte> message)
    {
        var reader = new DnsReader(message);
        if (message.Length < HeaderLength)
        {
            throw new DnsFormatException("header truncated", 0, message.Length);
        }

        // RFC 1035 §4.1.1 header: ID, QR|Opcode|AA|TC|RD|RA|Z|RCODE, then the four section counts.
        var id = reader.ReadUInt16();
        var flags = reader.ReadUInt16();
        var questionCount = reader.ReadUInt16();
        var answerCount = reader.ReadUInt16();
        var authorityCount = reader.ReadUInt16();
        var additionalCount = reader.ReadUInt16();

        var questions = new List<DnsQuestion>(Math.Min((int)questionCount, 4));
        for (var i = 0; i < questionCount; i++)
        {
            var name = reader.ReadName();
            var type = (DnsRecordType)reader.ReadUInt16();
            reader.ReadUInt16(); // QCLASS
            questions.Add(new DnsQuestion(name, type));
        }

        var answers = ReadSection(ref reader, answerCount);
        var authorities = ReadSection(ref reader, authorityCount);
        var additionals = ReadSection(ref reader, additionalCount);

        return new DnsMessage(
            id,
            IsResponse: (flags & 0x8000) != 0,
            Truncated: (flags & 0x0200) != 0,
            ResponseCode: (DnsResponseCode)(flags & 0x000F),
            questions,
            answers,
            authorities,
            additionals);
    }

    private static List<DnsResourceRecord> ReadSection(ref DnsReader reader, ushort count)
    {
        // Each record needs at least 11 octets, so a lying count fails on the first missing record, not on allocation.
        var records = new List<DnsResourceRecord>(Math.Min((int)count, 16));
        for (var i = 0; i < count; i++)
        {
            records.Add(ReadRecord(ref reader));
        }

        return records;
    }

    private static DnsResourceRecord ReadRecord(ref DnsReader reader)
    {
        var name = reader.ReadName();
        var type = reader.ReadUInt16();
        var recordClass = reader.ReadUInt16();
        var rawTtl = reader.ReadUInt32();

        // RFC 2181 §8: a TTL with the top bit set is treated as zero.
        var ttl = rawTtl > int.MaxValue ? 0u : rawTtl;
        var dataLength = reader.ReadUInt16();
        var dataStart = reader.Position;
        if (dataLength > reader.Length - dataStart)
        {
            throw new DnsFormatException("RDLENGTH past end of message", dataStart, reader.Length);
        }

        var dataEnd = dataStart + dataLength;
        DnsResourceRecord record;
        if (recordClass != ClassInternet && type != (ushort)DnsRecordType.Opt)
        {
            record = new OtherResourceRecord(name, ttl, type);
        }
        else
        {
            switch ((DnsRecordType)type)
            {
                case DnsRecordType.A when dataLength == 4:
                case DnsRecordType.Aaaa when dataLength == 16:
                    record = new AddressResourceRecord(name, ttl, new IPAddress(reader.ReadBytes(dataLength)));
                    break;
                case DnsRecordType.A:
                case DnsRecordType.Aaaa:
                    throw new DnsFormatException("address RDATA has the wrong length", dataStart, reader.Length);
                case DnsRecordType.Mx:
                    var preference = reader.ReadUInt16();
                    record = new MxResourceRecord(name, ttl, preference, reader.ReadName());
                    break;
                case DnsRecordType.Cname:
                    record = new CnameResourceRecord(name, ttl, reader.ReadName());
                    break;
                case DnsRecordType.Soa:
                    reader.ReadName(); // MNAME
                    reader.ReadName(); // RNAME
                    reader.ReadBytes(16); // SERIAL, REFRESH, RETRY, EXPIRE
                    record = new SoaResourceRecord(name, ttl, reader.ReadUInt32());
                    break;
                default:
                    record = new OtherResourceRecord(name, ttl, type);
                    break;
            }
        }

        if (record is OtherResourceRecord)
        {
            reader.Seek(dataEnd);
        }
        else if (reader.Position != dataEnd)
        {
            // The decoded RDATA must end exactly where RDLENGTH says; anything else means a lying length.
            throw new DnsFormatException("RDATA does not match RDLENGTH", dataStart, reader.Length);
        }

        return record;
    }
}

using System.Buffers.Binary;
using System.Globalization;

namespace Enrichment.Verification.Dns;

/// <summary>
/// Bounds-checked reader over a whole DNS message. Every read checks the remaining length and throws
/// <see cref="DnsFormatException"/> instead of reading past the end, so hostile replies cannot crash the resolver.
/// </summary>
internal ref struct DnsReader
{
    /// <summary>RFC 1035 §2.3.4: a name is at most 255 octets on the wire, length octets included.</summary>
    public const int MaxNameWireLength = 255;

    /// <summary>Compression pointers followed per name. Real messages need a handful; this also stops loops.</summary>
    public const int MaxPointerJumps = 16;

    // 255 wire octets, each of which may print as a four-character "\DDD" escape.
    private const int MaxNameChars = MaxNameWireLength * 4;

    private readonly ReadOnlySpan<byte> _message;
    private int _position;

    public DnsReader(ReadOnlySpan<byte> message)
    {
        _message = message;
        _position = 0;
    }

    public readonly int Position => _position;

    public readonly int Length => _message.Length;

    public void Seek(int position)
    {
        if ((uint)position > (uint)_message.Length)
        {
            throw new DnsFormatException("seek past end", position, _message.Length);
        }

        _position = position;
    }

    public byte ReadByte()
    {
        Ensure(_position, 1);
        return _message[_position++];
    }

    public ushort ReadUInt16()
    {
        Ensure(_position, 2);
        var value = BinaryPrimitives.ReadUInt16BigEndian(_message.Slice(_position, 2));
        _position += 2;
        return value;
    }

    public uint ReadUInt32()
    {
        Ensure(_position, 4);
        var value = BinaryPrimitives.ReadUInt32BigEndian(_message.Slice(_position, 4));
        _position += 4;
        return value;
    }

    public ReadOnlySpan<byte> ReadBytes(int count)
    {
        if (count < 0)
        {
            throw new DnsFormatException("negative length", _position, _message.Length);
        }

        Ensure(_position, count);
        var bytes = _message.Slice(_position, count);
        _position += count;
        return bytes;
    }

    /// <summary>
    /// Reads a possibly compressed domain name (RFC 1035 §4.1.4), lowercased (names compare case-insensitively,
    /// RFC 4343), without the trailing dot; the root is ".". Octets outside printable ASCII, dots and backslashes
    /// inside labels are written as "\DDD" so a hostile label cannot pose as two labels.
    /// </summary>
    public string ReadName()
    {
        Span<char> chars = stackalloc char[MaxNameChars];
        var written = 0;
        var wireLength = 0;
        var jumps = 0;
        var cursor = _position;
        var resumeAt = -1;

        while (true)
        {
            Ensure(cursor, 1);
            var length = _message[cursor];
            switch (length & 0xC0)
            {
                case 0x00:
                    if (length == 0)
                    {
                        _position = resumeAt >= 0 ? resumeAt : cursor + 1;
                        return written == 0 ? "." : new string(chars[..written]);
                    }

                    // The label, its length octet and the final root octet must all fit in 255.
                    wireLength += length + 1;
                    if (wireLength + 1 > MaxNameWireLength)
                    {
                        throw new DnsFormatException("name longer than 255 octets", cursor, _message.Length);
                    }

                    Ensure(cursor + 1, length);
                    if (written > 0)
                    {
                        chars[written++] = '.';
                    }

                    foreach (var octet in _message.Slice(cursor + 1, length))
                    {
                        written += AppendOctet(chars[written..], octet);
                    }

                    cursor += 1 + length;
                    break;

                case 0xC0:
                    Ensure(cursor, 2);
                    var target = ((length & 0x3F) << 8) | _message[cursor + 1];
                    if (++jumps > MaxPointerJumps)
                    {
                        throw new DnsFormatException("compression pointer loop", cursor, _message.Length);
                    }

                    if (target >= _message.Length)
                    {
                        throw new DnsFormatException("compression pointer out of range", cursor, _message.Length);
                    }

                    if (resumeAt < 0)
                    {
                        resumeAt = cursor + 2;
                    }

                    cursor = target;
                    break;

                default:
                    // 0x40 and 0x80 are the obsolete extended label types (RFC 6891 §5); a length over 63 is invalid.
                    throw new DnsFormatException("label too long or unsupported label type", cursor, _message.Length);
            }
        }
    }

    private static int AppendOctet(Span<char> destination, byte octet)
    {
        if (octet is >= (byte)'A' and <= (byte)'Z')
        {
            destination[0] = (char)(octet + ('a' - 'A'));
            return 1;
        }

        if (octet is > 0x20 and < 0x7F and not (byte)'.' and not (byte)'\\')
        {
            destination[0] = (char)octet;
            return 1;
        }

        destination[0] = '\\';
        destination[1] = (char)('0' + (octet / 100));
        destination[2] = (char)('0' + (octet / 10 % 10));
        destination[3] = (char)('0' + (octet % 10));
        return 4;
    }

    private readonly void Ensure(int offset, int count)
    {
        if (offset < 0 || count < 0 || offset > _message.Length - count)
        {
            throw new DnsFormatException(
                count == 1 ? "message truncated" : string.Create(CultureInfo.InvariantCulture, $"message truncated (need {count} bytes)"), offset, _message.Length);
        }
    }
}

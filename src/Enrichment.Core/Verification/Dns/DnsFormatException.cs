using System.Globalization;

namespace Enrichment.Verification.Dns;

/// <summary>A DNS message that cannot be parsed; names where in the message the reader gave up.</summary>
internal sealed class DnsFormatException : Exception
{
    public DnsFormatException()
    {
    }

    public DnsFormatException(string message)
        : base(message)
    {
    }

    public DnsFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public DnsFormatException(string problem, int offset, int length)
        : base(string.Create(CultureInfo.InvariantCulture, $"{problem} at offset {offset} (message length {length})"))
    {
        Offset = offset;
        MessageLength = length;
    }

    public int Offset { get; }

    public int MessageLength { get; }
}

namespace Enrichment.Import;

/// <summary>
/// Decodes Windows-1252 (what Excel and older CRMs write on Western Windows). Bytes 0x80–0x9F are the code page's
/// punctuation (€, ‚, „, …, Œ, ‘, ’, “, ”, –, —, ™ …); the five undefined ones map to the C1 control of the same value,
/// as WHATWG's decoder does, so no byte is lost. Everything else is Latin-1.
/// </summary>
internal static class Windows1252
{
    private static readonly char[] High =
    [
        '\u20AC', '\u0081', '\u201A', '\u0192', '\u201E', '\u2026', '\u2020', '\u2021', '\u02C6', '\u2030', '\u0160', '\u2039', '\u0152', '\u008D', '\u017D', '\u008F',
        '\u0090', '\u2018', '\u2019', '\u201C', '\u201D', '\u2022', '\u2013', '\u2014', '\u02DC', '\u2122', '\u0161', '\u203A', '\u0153', '\u009D', '\u017E', '\u0178',
    ];

    public static string GetString(ReadOnlySpan<byte> bytes) => string.Create(bytes.Length, bytes, static (chars, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            chars[i] = b is >= 0x80 and <= 0x9F ? High[b - 0x80] : (char)b;
        }
    });
}

namespace Enrichment.Import;

/// <summary>
/// Decodes Mac OS Roman, what Excel for Mac (2011 and older) and Numbers write as "CSV" on a Western Mac: ASCII below
/// 0x80, and above it a table of its own in which the accented lowercase letters sit at 0x87–0x9F (é is 0x8E, ü 0x9F),
/// where Windows-1252 has punctuation and Ž/Ÿ. Every byte maps to a character (0xF0 is the Apple logo in the private
/// use area), so no byte is lost.
/// </summary>
internal static class MacRoman
{
    private static readonly char[] High =
    [
        '\u00C4', '\u00C5', '\u00C7', '\u00C9', '\u00D1', '\u00D6', '\u00DC', '\u00E1', '\u00E0', '\u00E2', '\u00E4', '\u00E3', '\u00E5', '\u00E7', '\u00E9', '\u00E8',
        '\u00EA', '\u00EB', '\u00ED', '\u00EC', '\u00EE', '\u00EF', '\u00F1', '\u00F3', '\u00F2', '\u00F4', '\u00F6', '\u00F5', '\u00FA', '\u00F9', '\u00FB', '\u00FC',
        '\u2020', '\u00B0', '\u00A2', '\u00A3', '\u00A7', '\u2022', '\u00B6', '\u00DF', '\u00AE', '\u00A9', '\u2122', '\u00B4', '\u00A8', '\u2260', '\u00C6', '\u00D8',
        '\u221E', '\u00B1', '\u2264', '\u2265', '\u00A5', '\u00B5', '\u2202', '\u2211', '\u220F', '\u03C0', '\u222B', '\u00AA', '\u00BA', '\u03A9', '\u00E6', '\u00F8',
        '\u00BF', '\u00A1', '\u00AC', '\u221A', '\u0192', '\u2248', '\u2206', '\u00AB', '\u00BB', '\u2026', '\u00A0', '\u00C0', '\u00C3', '\u00D5', '\u0152', '\u0153',
        '\u2013', '\u2014', '\u201C', '\u201D', '\u2018', '\u2019', '\u00F7', '\u25CA', '\u00FF', '\u0178', '\u2044', '\u20AC', '\u2039', '\u203A', '\uFB01', '\uFB02',
        '\u2021', '\u00B7', '\u201A', '\u201E', '\u2030', '\u00C2', '\u00CA', '\u00C1', '\u00CB', '\u00C8', '\u00CD', '\u00CE', '\u00CF', '\u00CC', '\u00D3', '\u00D4',
        '\uF8FF', '\u00D2', '\u00DA', '\u00DB', '\u00D9', '\u0131', '\u02C6', '\u02DC', '\u00AF', '\u02D8', '\u02D9', '\u02DA', '\u00B8', '\u02DD', '\u02DB', '\u02C7',
    ];

    public static string GetString(ReadOnlySpan<byte> bytes) => string.Create(bytes.Length, bytes, static (chars, source) =>
    {
        for (var i = 0; i < source.Length; i++)
        {
            var b = source[i];
            chars[i] = b >= 0x80 ? High[b - 0x80] : (char)b;
        }
    });

    /// <summary>
    /// True when the high bytes of a text that is not UTF-8 read as Mac Roman rather than Windows-1252. After a letter,
    /// a Mac Roman text has its accented lowercase letters (0x87–0x9F: "José" ends in 0x8E) and hardly ever a byte of
    /// 0xC0–0xFF (its capitals and symbols), where a Windows-1252 text has its accented letters (0xC0–0xFF: "José" ends
    /// in 0xE9). Left out, as Windows-1252 text has them after letters too: 0x80–0x86 (€ „ … †), 0x91–0x94 (the
    /// curly quotes of "O’Neil" and "don’t"); and 0x96, 0x97, 0x99 (– — ™) count only inside a word.
    /// </summary>
    public static bool IsLikely(ReadOnlySpan<byte> sample)
    {
        int mac = 0, windows = 0;
        for (var i = 1; i < sample.Length; i++)
        {
            var b = sample[i];
            if (b < 0x87 || !InWord(sample[i - 1]))
            {
                continue;
            }

            if (b >= 0xC0)
            {
                windows++;
            }
            else if (b <= 0x9F && b is not (>= 0x91 and <= 0x94)
                && (b is not (0x96 or 0x97 or 0x99) || (i + 1 < sample.Length && InWord(sample[i + 1]))))
            {
                mac++;
            }
        }

        return mac > 0 && mac > 4 * windows;
    }

    private static bool InWord(byte b) => b >= 0x80 || char.IsAsciiLetter((char)b);
}

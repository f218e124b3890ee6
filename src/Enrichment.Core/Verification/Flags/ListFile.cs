using System.Globalization;

namespace Enrichment.Verification.Flags;

/// <summary>
/// One of the config/*.txt list files: one entry per line, '#' starts a comment, blank lines ignored.
/// Header comments (before the first entry) state source, licence and date.
/// </summary>
internal sealed class ListFile
{
    private ListFile(string path, IReadOnlyList<string> header, IReadOnlyList<(string Value, int Line)> entries)
    {
        Path = path;
        Header = header;
        Entries = entries;
    }

    public string Path { get; }

    /// <summary>The text of the leading comment lines, without '#'.</summary>
    public IReadOnlyList<string> Header { get; }

    /// <summary>Entries, lowercased and trimmed, with their 1-based line numbers.</summary>
    public IReadOnlyList<(string Value, int Line)> Entries { get; }

    /// <summary>
    /// Reads <paramref name="path"/>, checking every entry with <paramref name="validate"/> (returns null when valid,
    /// else the reason). Throws <see cref="InvalidDataException"/> naming file and line for a bad entry.
    /// </summary>
    public static ListFile Read(string path, Func<string, string?> validate)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"List file not found: {path}", path);
        }

        var header = new List<string>();
        var entries = new List<(string, int)>();
        int lineNumber = 0;
        foreach (string raw in File.ReadLines(path))
        {
            lineNumber++;
            string line = raw;
            int hash = line.IndexOf('#', StringComparison.Ordinal);
            if (hash >= 0)
            {
                if (entries.Count == 0 && line.AsSpan(0, hash).IsWhiteSpace())
                {
                    header.Add(line[(hash + 1)..].Trim());
                }

                line = line[..hash];
            }

            string value = line.Trim().ToLowerInvariant();
            if (value.Length == 0)
            {
                continue;
            }

            if (validate(value) is { } reason)
            {
                throw new InvalidDataException(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{path}, line {lineNumber}: '{line.Trim()}' is not a valid entry: {reason}"));
            }

            entries.Add((value, lineNumber));
        }

        return new ListFile(path, header, entries);
    }

    /// <summary>The value of a "key: value" header line such as "# source: ...", or null.</summary>
    public string? HeaderValue(string key)
    {
        string prefix = key + ":";
        foreach (string line in Header)
        {
            if (line.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                return line[prefix.Length..].Trim();
            }
        }

        return null;
    }
}

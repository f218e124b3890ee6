namespace Enrichment.Import;

/// <summary>How to read one list. Everything is optional: by default the reader sniffs and maps by itself.</summary>
public sealed record ImportOptions
{
    /// <summary>1 MiB: a field longer than this is a damaged row (or an unclosed quote), not a contact.</summary>
    public const int DefaultMaxFieldBytes = 1 << 20;

    /// <summary>The separator to use instead of sniffing one (',', ';', '\t', '|' or any other single character).</summary>
    public char? Separator { get; init; }

    /// <summary>
    /// Explicit columns by header name (<c>Email → "Work Mail"</c>), matched case- and punctuation-insensitively.
    /// Fields named here override the synonyms; the others are still mapped by synonym.
    /// </summary>
    public IReadOnlyDictionary<ContactField, string> Columns { get; init; } = new Dictionary<ContactField, string>();

    /// <summary>A field over this many bytes (as stored in the file, UTF-8) rejects its row with <c>field_too_long</c>.</summary>
    public int MaxFieldBytes { get; init; } = DefaultMaxFieldBytes;

    /// <summary>The name messages use for the input ("contacts.csv", "upload 42").</summary>
    public string SourceName { get; init; } = "input";

    /// <summary>Throws <see cref="ArgumentException"/> naming the bad option.</summary>
    public void Validate()
    {
        if (MaxFieldBytes < 16)
        {
            throw new ArgumentException($"MaxFieldBytes must be at least 16 (was {MaxFieldBytes})");
        }

        if (Separator is '"' or '\r' or '\n' or '\0')
        {
            throw new ArgumentException($"the separator cannot be {ImportDetection.Describe(Separator.Value)}");
        }

        if (Separator is > (char)0x7F)
        {
            throw new ArgumentException($"the separator must be an ASCII character (was '{Separator}')");
        }

        foreach (var (field, header) in Columns)
        {
            if (string.IsNullOrWhiteSpace(header))
            {
                throw new ArgumentException($"the column for {ContactFields.Name(field)} is empty");
            }
        }
    }
}

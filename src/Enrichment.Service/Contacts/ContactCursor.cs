using System.Buffers.Text;
using System.Globalization;
using System.Text;

namespace Enrichment.Service.Contacts;

/// <summary>The opaque paging cursor: the last contact id of a page, versioned, base64url (pure).</summary>
public static class ContactCursor
{
    const string Prefix = "c1:";

    public static string Encode(long lastId) => Base64Url.EncodeToString(Encoding.ASCII.GetBytes(Prefix + lastId.ToString(CultureInfo.InvariantCulture)));

    /// <summary>The id after which the next page starts; 0 for no cursor; null when the cursor is not one of ours.</summary>
    public static long? Decode(string? cursor)
    {
        if (string.IsNullOrEmpty(cursor))
            return 0;
        try
        {
            var text = Encoding.ASCII.GetString(Base64Url.DecodeFromChars(cursor));
            return text.StartsWith(Prefix, StringComparison.Ordinal)
                && long.TryParse(text.AsSpan(Prefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}

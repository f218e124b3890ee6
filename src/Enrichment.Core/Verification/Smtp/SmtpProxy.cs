using System.Globalization;
using System.Net;

namespace Enrichment.Verification.Smtp;

/// <summary>A SOCKS5 proxy for port-25 sessions (networks that block outbound port 25). MX addresses, never names, go through it.</summary>
public sealed record SmtpProxy(string Host, int Port, string? UserName = null, string? Password = null)
{
    /// <summary>Parses <c>socks5://[user:pass@]host:port</c>; the error names what is wrong.</summary>
    public static SmtpProxy Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || !string.Equals(uri.Scheme, "socks5", StringComparison.OrdinalIgnoreCase))
        {
            throw new ArgumentException($"proxy '{Redact(text)}' is not socks5://[user:pass@]host:port");
        }

        if (uri.IsDefaultPort || uri.Port is < 1 or > 65535 || string.IsNullOrEmpty(uri.Host))
        {
            throw new ArgumentException($"proxy '{Redact(text)}' needs a host and a port (socks5://host:1080)");
        }

        string? user = null, password = null;
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':', StringComparison.Ordinal);
            user = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            password = colon < 0 ? "" : Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        return new SmtpProxy(uri.IdnHost.Trim('[', ']'), uri.Port, user, password);
    }

    public NetworkCredential? Credentials => UserName is null ? null : new NetworkCredential(UserName, Password);

    /// <summary>The proxy without its password, for logs and errors.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"socks5://{(UserName is null ? "" : UserName + ":***@")}{Host}:{Port}");

    private static string Redact(string text)
    {
        var at = text.LastIndexOf('@');
        var scheme = text.IndexOf("://", StringComparison.Ordinal);
        return at > 0 && scheme >= 0 && at > scheme ? text[..(scheme + 3)] + "***@" + text[(at + 1)..] : text;
    }
}

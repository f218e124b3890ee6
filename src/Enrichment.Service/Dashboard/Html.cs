using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;

namespace Enrichment.Service.Dashboard;

/// <summary>A page being written: every value goes through <see cref="Text"/> (HTML-encoded); markup is ours.</summary>
public sealed class Html
{
    readonly StringBuilder _out = new(8192);

    public Html Raw(string markup)
    {
        _out.Append(markup);
        return this;
    }

    public Html Text(string? value)
    {
        _out.Append(HtmlEncoder.Default.Encode(value ?? ""));
        return this;
    }

    public Html Number(long value) => Raw(value.ToString("N0", CultureInfo.InvariantCulture));

    public static string Encode(string? value) => HtmlEncoder.Default.Encode(value ?? "");

    public static string N(long value) => value.ToString("N0", CultureInfo.InvariantCulture);

    public static string Percent(double share) => (share * 100).ToString("0.#", CultureInfo.InvariantCulture) + "%";

    public static string Css(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    public override string ToString() => _out.ToString();
}

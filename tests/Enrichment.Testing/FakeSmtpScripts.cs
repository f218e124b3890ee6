using System.Collections.Concurrent;

namespace Enrichment.Testing;

/// <summary>Common RCPT scripts for <see cref="FakeSmtpOptions.RcptReply"/>.</summary>
public static class FakeSmtpScripts
{
    public const string Accepted = "250 2.1.5 OK";

    /// <summary>250 for the listed addresses (case-insensitive), Postfix-style "550 5.1.1 ... User unknown" for others.</summary>
    public static Func<RcptContext, string> Mailboxes(params string[] existing)
    {
        var mailboxes = new HashSet<string>(existing, StringComparer.OrdinalIgnoreCase);
        return context => mailboxes.Contains(context.Recipient)
            ? Accepted
            : $"550 5.1.1 <{context.Recipient}>: Recipient address rejected: User unknown in virtual mailbox table";
    }

    /// <summary>Accepts every recipient.</summary>
    public static Func<RcptContext, string> CatchAll() => _ => Accepted;

    /// <summary>The same raw reply for every recipient.</summary>
    public static Func<RcptContext, string> Fixed(string reply) => _ => reply;

    /// <summary>
    /// "451 4.7.1" until <paramref name="window"/> has passed since the first attempt for that recipient
    /// (postgrey-style), then <paramref name="then"/> (default: accept).
    /// </summary>
    public static Func<RcptContext, string> Greylist(TimeSpan window, TimeProvider time, Func<RcptContext, string>? then = null)
    {
        ArgumentNullException.ThrowIfNull(time);
        var next = then ?? CatchAll();
        var firstSeen = new ConcurrentDictionary<string, DateTimeOffset>(StringComparer.OrdinalIgnoreCase);
        return context =>
        {
            var now = time.GetUtcNow();
            var first = firstSeen.GetOrAdd(context.Recipient, now);
            return now < first + window
                ? $"451 4.7.1 <{context.Recipient}>: Recipient address rejected: Greylisted, try again later"
                : next(context);
        };
    }
}

using System.Runtime.CompilerServices;
using MailKit;
using MailKit.Net.Smtp;

namespace Enrichment.Verification.Smtp;

/// <summary>
/// MailKit's SmtpClient with the commands a recipient probe needs and nothing that sends mail: single commands through
/// the protected SendCommandAsync, and pipelined groups (RFC 2920) through the client's internal SmtpStream.
/// </summary>
/// <remarks>
/// MailKit keeps SmtpStream internal; the group is queued, flushed in one write and its replies read in order through
/// <see cref="UnsafeAccessorAttribute"/>. MailKit is pinned to 4.18.2 in Directory.Packages.props: a rename fails the
/// pipelining test with MissingMethodException.
/// </remarks>
internal sealed class ProbingSmtpClient(IProtocolLogger logger) : SmtpClient(logger)
{
    private const string SmtpStreamType = "MailKit.Net.Smtp.SmtpStream, MailKit";

    public Task<SmtpResponse> CommandAsync(string command, CancellationToken cancellationToken)
    {
        Refuse(command);
        return SendCommandAsync(command, cancellationToken);
    }

    /// <summary>Writes <paramref name="commands"/> in one go (RFC 2920); read their replies with <see cref="ReadReplyAsync"/>.</summary>
    public async Task SendGroupAsync(IReadOnlyList<string> commands, CancellationToken cancellationToken)
    {
        var stream = GetStream(this) ?? throw new ServiceNotConnectedException("The SMTP client is not connected.");
        foreach (var command in commands)
        {
            Refuse(command);
            await QueueCommandAsync(stream, command + "\r\n", cancellationToken);
        }

        await FlushAsync(stream, cancellationToken);
    }

    /// <summary>The next reply of a pipelined group, in order.</summary>
    public Task<SmtpResponse> ReadReplyAsync(CancellationToken cancellationToken)
    {
        var stream = GetStream(this) ?? throw new ServiceNotConnectedException("The SMTP client is not connected.");
        return ReadResponseAsync(stream, cancellationToken);
    }

    // No DATA or BDAT, ever: this client asks about recipients and sends no message.
    private static void Refuse(string command)
    {
        if (command.StartsWith("DATA", StringComparison.OrdinalIgnoreCase) || command.StartsWith("BDAT", StringComparison.OrdinalIgnoreCase))
        {
            throw new InvalidOperationException("A recipient probe never sends DATA or BDAT.");
        }
    }

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "get_Stream")]
    [return: UnsafeAccessorType(SmtpStreamType)]
    private static extern object? GetStream(SmtpClient client);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "QueueCommandAsync")]
    private static extern Task QueueCommandAsync([UnsafeAccessorType(SmtpStreamType)] object stream, string command, CancellationToken cancellationToken);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "FlushAsync")]
    private static extern Task FlushAsync([UnsafeAccessorType(SmtpStreamType)] object stream, CancellationToken cancellationToken);

    [UnsafeAccessor(UnsafeAccessorKind.Method, Name = "ReadResponseAsync")]
    private static extern Task<SmtpResponse> ReadResponseAsync([UnsafeAccessorType(SmtpStreamType)] object stream, CancellationToken cancellationToken);
}

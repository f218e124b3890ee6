using System.Net.Sockets;
using Hangfire;
using Npgsql;

namespace Enrichment.Service.Jobs;

/// <summary>
/// Retries only what may succeed on a second try (database, network, timeouts); a bug or bad data fails at once
/// and waits in the dashboard's Failed list, from where it can be retried by hand.
/// </summary>
public static class TransientFailures
{
    public static readonly Type[] Types =
    [
        typeof(NpgsqlException), typeof(TimeoutException), typeof(IOException), typeof(SocketException),
        typeof(HttpRequestException),
    ];

    static int _installed;

    /// <summary>Replaces Hangfire's global "10 retries for anything" filter (once per process: the filter list is
    /// global, and a second host in the same process, as in tests, must not build it again).</summary>
    public static void Install()
    {
        if (Interlocked.Exchange(ref _installed, 1) != 0)
            return;
        GlobalJobFilters.Filters.Remove<AutomaticRetryAttribute>();
        GlobalJobFilters.Filters.Add(new AutomaticRetryAttribute
        {
            Attempts = 5,
            DelaysInSeconds = [5, 30, 120, 600, 1800],
            OnlyOn = Types,
            OnAttemptsExceeded = AttemptsExceededAction.Fail,
        });
    }
}

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

    /// <summary>Replaces Hangfire's global "10 retries for anything" filter.</summary>
    public static void Install()
    {
        // The attribute takes its logger from Hangfire's static log provider when constructed. In a process that
        // hosts the service a second time (tests), that provider still holds the first host's disposed
        // LoggerFactory and the constructor throws; clear it, as it is on a first start.
        Hangfire.Logging.LogProvider.SetCurrentLogProvider(null);
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

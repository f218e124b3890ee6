using System.Net;
using System.Net.Sockets;
using System.Text;
using Enrichment.Service.Hosting;
using Enrichment.Storage.Callbacks;
using Hangfire;
using Microsoft.Extensions.Options;

namespace Enrichment.Service.Jobs;

/// <summary>
/// POSTs a complete list's summary to its callback URL, signed (<see cref="CallbackSigner"/>). A failure schedules the
/// next attempt after the configured backoff and ends the job: no worker waits, and Hangfire's own retry stays out of
/// it. A callback delivered once is never sent again by this job.
/// </summary>
[AutomaticRetry(Attempts = 0)]
public sealed class CallbackJob(
    CallbackStore callbacks,
    IHttpClientFactory http,
    IBackgroundJobClient jobs,
    IOptions<ServiceOptions> options,
    TimeProvider time,
    ILogger<CallbackJob> log)
{
    public const string HttpClientName = "callbacks";

    [Queue(Queues.Default)]
    [JobDisplayName("Callback for list {0}, attempt {1}")]
    public async Task RunAsync(long listId, int attempt, CancellationToken ct)
    {
        var callback = await callbacks.ForListAsync(listId, ct);
        if (callback is null || callback.DeliveredAt is not null)
            return;
        var settings = options.Value.Callbacks;
        var error = await TryDeliverAsync(callback, attempt, settings, ct);
        if (error is null)
        {
            await callbacks.MarkDeliveredAsync(callback.Id, time.GetUtcNow(), ct);
            log.LogInformation("Callback for list {ListId} delivered (attempt {Attempt})", listId, attempt + 1);
            return;
        }

        if (attempt < settings.Delays.Count)
        {
            var delay = settings.Delays[attempt];
            // Scheduled before the failure is recorded: a crash in between costs a duplicate attempt, never a lost one.
            jobs.Schedule<CallbackJob>(job => job.RunAsync(listId, attempt + 1, CancellationToken.None), delay);
            await callbacks.MarkFailedAsync(callback.Id, error, time.GetUtcNow() + delay, ct);
            log.LogWarning("Callback for list {ListId} failed (attempt {Attempt}): {Error}; next in {Delay}", listId, attempt + 1, error, delay);
        }
        else
        {
            await callbacks.MarkFailedAsync(callback.Id, error + " (gave up)", DateTimeOffset.MaxValue.AddDays(-1), ct);
            log.LogError("Callback for list {ListId} given up after {Attempts} attempts: {Error}", listId, attempt + 1, error);
        }
    }

    async Task<string?> TryDeliverAsync(Storage.Callbacks.PendingCallback callback, int attempt, CallbackOptions settings, CancellationToken ct)
    {
        if (!Uri.TryCreate(callback.Url, UriKind.Absolute, out var url))
            return "callback URL is not absolute";
        if (!settings.AllowPrivateTargets && await PointsInsideAsync(url, ct))
            return "callback URL points at a loopback or private address (Enrichment:Callbacks:AllowPrivateTargets)";
        var body = Encoding.UTF8.GetBytes(callback.Body);
        using var request = new HttpRequestMessage(HttpMethod.Post, url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        request.Headers.Add("X-Enrichment-Delivery", $"{callback.Id}-{attempt + 1}");
        if (callback.CallbackSecret is { } secret)
            request.Headers.Add(CallbackSigner.Header, CallbackSigner.Sign(secret, body));
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(settings.Timeout);
        try
        {
            using var response = await http.CreateClient(HttpClientName).SendAsync(request, HttpCompletionOption.ResponseHeadersRead, timeout.Token);
            return response.IsSuccessStatusCode ? null : $"HTTP {(int)response.StatusCode}";
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            return $"no answer within {settings.Timeout.TotalSeconds:0} s";
        }
        catch (HttpRequestException e)
        {
            return e.HttpRequestError.ToString();
        }
    }

    /// <summary>Refuses callbacks into our own network unless allowed: a list upload must not make us probe it.</summary>
    static async Task<bool> PointsInsideAsync(Uri url, CancellationToken ct)
    {
        IPAddress[] addresses;
        try
        {
            addresses = IPAddress.TryParse(url.Host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(url.Host, ct);
        }
        catch (SocketException)
        {
            return false; // unresolvable: the POST fails with its own error
        }

        return addresses.Any(IsInside);
    }

    static bool IsInside(IPAddress address)
    {
        if (IPAddress.IsLoopback(address) || address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal)
            return true;
        if (address.IsIPv4MappedToIPv6)
            address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetwork)
            return false;
        var b = address.GetAddressBytes();
        return b[0] is 10 or 127 or 0 || (b[0] == 172 && b[1] is >= 16 and <= 31) || (b[0] == 192 && b[1] == 168) || (b[0] == 169 && b[1] == 254);
    }
}

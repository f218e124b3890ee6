namespace Enrichment.Finding.DomainSearch.Providers;

/// <summary>
/// Reads the whole response body inside the attempt, so the per-attempt timeout also covers a server that sends
/// headers and then stalls, and the retry decision can read the body (Hunter's error id) without consuming it.
/// Sits inside the resilience handler (added after it).
/// </summary>
internal sealed class ResponseBufferingHandler : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        try
        {
            await response.Content.LoadIntoBufferAsync(cancellationToken);
        }
        catch
        {
            response.Dispose();
            throw;
        }

        return response;
    }
}
